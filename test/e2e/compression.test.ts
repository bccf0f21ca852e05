/**
 * Compression as Chromium meets it: on a first visit the document, every script and the stylesheet
 * of the first screen arrive brotli-compressed from the network (the build's .br twins) with `Vary:
 * Accept-Encoding`, and so does the service worker's precache fetch of the lazy chunks; what the
 * precache holds is the decoded file, byte for byte the one in dist/ (were the worker to store the
 * encoded bytes, or a twin not match its file, the app would break offline); and the app then opens
 * offline from that cache.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chromiumAvailable,
  ROOT,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

interface Seen {
  path: string;
  type: string;
  encoding: string | undefined;
  vary: string;
  fromWorker: boolean;
}

async function describeResponse(response: Response): Promise<Seen> {
  const headers = await response.allHeaders();
  return {
    path: new URL(response.url()).pathname,
    type: response.request().resourceType(),
    encoding: headers['content-encoding'],
    vary: (headers.vary ?? '').toLowerCase(),
    fromWorker: response.fromServiceWorker(),
  };
}

describe.skipIf(!chromiumAvailable)('compression in Chromium', () => {
  const app = useE2eApp();

  it('fetches the first screen and the precache as brotli, caches the decoded files, and opens offline', async () => {
    const device = await app.newPhone();
    // Every response the browser receives, the service worker's own fetches included.
    const seen: Promise<Seen>[] = [];
    device.on('response', (response) => void seen.push(describeResponse(response)));
    const page = await device.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await waitForServiceWorkerControl(page);

    const all = await Promise.all(seen);
    const fromNetwork = all.filter((s) => !s.fromWorker);
    const firstScreen = fromNetwork.filter((s) => ['document', 'script', 'stylesheet'].includes(s.type));
    expect(firstScreen.some((s) => s.type === 'script')).toBe(true);
    expect(firstScreen.some((s) => s.type === 'stylesheet')).toBe(true);
    for (const s of firstScreen) {
      expect([s.path, s.encoding], s.type).toEqual([s.path, 'br']);
      expect(s.vary, s.path).toContain('accept-encoding');
    }
    // The worker's precache downloads every chunk, lazy ones included: those are brotli too.
    const chunks = fromNetwork.filter((s) => s.path.startsWith('/assets/') && /\.(js|css)$/.test(s.path));
    for (const s of chunks) expect([s.path, s.encoding]).toEqual([s.path, 'br']);
    const chunkPaths = new Set(chunks.map((s) => s.path));
    expect(chunkPaths.size).toBeGreaterThan(firstScreen.length);

    // What the precache holds is the decoded file: for each entry, the bytes of dist/.
    const cached = await page.evaluate(async () => {
      const out: { path: string; text: string }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const path = new URL(request.url).pathname;
          if (!/\.(js|css|html)$/.test(path)) continue;
          const response = await cache.match(request);
          if (response) out.push({ path, text: await response.text() });
        }
      }
      return out;
    });
    expect(cached.some((c) => c.path === '/index.html')).toBe(true);
    expect(new Set(cached.filter((c) => /^\/assets\/.*\.(js|css)$/.test(c.path)).map((c) => c.path))).toEqual(
      chunkPaths,
    );
    for (const c of cached) {
      expect(c.text === readFileSync(join(ROOT, 'dist', c.path), 'utf8'), c.path).toBe(true);
    }

    // Offline, a reload is answered by the worker from that cache: the sign-in form is there.
    await device.setOffline(true);
    await page.reload();
    await login.username.waitFor();
    expect(await login.submit.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
