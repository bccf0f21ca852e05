/**
 * The first screen is the entry chunk alone: on a device with no session the sign-in form shows,
 * takes typing, submits and shows the server's refusal while every chunk of the app's data layer
 * (Dexie, zod, the sync engine, TanStack Query) is held back on the network. Were Dexie bundled into the
 * entry (or anything the entry imports statically), the held chunk would keep the form from showing
 * and this test would fail. Released, the same form completes a sign-in into the shell.
 *
 * The chunks are recognised by their contents, not by their hashed names, so a change in how the
 * bundler splits them cannot make the test pass vacuously.
 *
 * E2E_SCREENSHOTS=docs/screenshots saves first-screen-refused.png (the refusal, data layer held back).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

/** Strings only these libraries' (and our data layer's) code contains, minified or not. */
const DATA_LAYER_MARKERS: readonly [string, RegExp][] = [
  ['Dexie', /DatabaseClosedError/],
  // The header the engine's pull loop reads (the entry names the worker's file, not its code).
  ['sync engine', /pull-next-cursor/],
  ['zod', /ZodError/],
  ['TanStack Query', /No QueryClient set/],
];

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

describe.skipIf(!chromiumAvailable)('the first screen without the data layer', () => {
  const app = useE2eApp();

  it('signs in only once the held-back data layer arrives, and refuses wrong credentials before', async () => {
    // No service worker: its precache would fetch the chunks outside the page's interception.
    const context = await app.newPhone({ serviceWorkers: 'block' });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    /** Data-layer chunks requested so far (file name → which library), and those delivered. */
    const held = new Map<string, string>();
    const delivered = new Set<string>();
    await context.route('**/assets/*.js', async (route: Route) => {
      const response = await route.fetch();
      const body = await response.text();
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const marker = DATA_LAYER_MARKERS.find(([, re]) => re.test(body));
      if (marker) {
        held.set(name, marker[0]);
        await released;
        delivered.add(name);
      }
      await route.fulfill({ response, body });
    });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);

    await page.goto('/');
    // A held chunk in the entry's static imports keeps the form from ever showing: this times out.
    await login.username.waitFor({ timeout: 15_000 });
    await login.username.fill('admin');
    await login.password.fill('not-the-password');
    expect(await login.username.inputValue()).toBe('admin');
    await login.submit.click();
    await login.alert.filter({ hasText: login.t('login.error.invalid') }).waitFor();
    await shot(page, 'first-screen-refused');

    // The submit asked for the data layer (to have it by the time a sign-in succeeds): Dexie's chunk
    // was requested, and nothing of the data layer has reached the page.
    // The refusal may come back before the browser has asked for Dexie's chunk (it is an import of
    // the device-app chunk, requested once that one is parsed): wait for the request.
    await expect.poll(() => [...held.values()], { timeout: 15_000 }).toContain('Dexie');
    expect(delivered.size).toBe(0);
    // The form is usable again after the refusal: a second attempt, with the right password, waits
    // for the data layer to store the session...
    await login.password.fill('demo');
    await login.submit.click();
    await login.main.getByRole('button', { name: login.t('login.submitting') }).waitFor();
    expect(delivered.size).toBe(0);

    // ...and ends in the signed-in shell once it arrives.
    release();
    await login.syncStatus.waitFor();
    await login.waitForSynced();
    expect([...delivered]).toEqual(expect.arrayContaining([...held.keys()]));
    expect(errors).toEqual([]);
  });
});
