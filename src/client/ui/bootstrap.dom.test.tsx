// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLogin, makeUser, newBrowser, openTab, seedPlan } from '../../../test/helpers/device.ts';
import { setPhaseStatus } from '../db/local-change.ts';
import { probeStoredSession } from '../db/session-probe.ts';
import { loadSession, saveSession } from '../db/session.ts';
import type { TraguardiDb } from '../db/schema.ts';
import { createAppController, type AppController } from './app-controller.ts';
import { createBootstrap, type LoadedApp } from './bootstrap.ts';

const now = new Date('2026-03-01T10:00:00Z');

// A signed-in controller starts its sync engine (at once after a sign-in, when idle after a stored
// session): each test's engines are stopped before jsdom goes away under their timers.
const controllers: AppController[] = [];
afterEach(async () => {
  for (const controller of controllers.splice(0)) {
    const deadline = Date.now() + 3000;
    while (controller.getSnapshot().status === 'signedIn' && !controller.getSnapshot().engine) {
      if (Date.now() > deadline) throw new Error('the engine never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await controller.getSnapshot().engine?.stop();
  }
});

/**
 * A device (its own IndexedDB) whose data layer "loads" by making a real controller over it; counts
 * the loads. The controller's fetch fails as offline would: the engine's cycles just wait.
 */
function device(prepare?: (db: TraguardiDb) => Promise<void>) {
  const browser = newBrowser();
  const db = openTab(browser);
  const loads = { count: 0, fail: false, workerBoots: 0 };
  const seeded = prepare ? prepare(db) : Promise.resolve();
  const boot = () =>
    createBootstrap({
      probe: () => seeded.then(() => probeStoredSession({ indexedDB: browser })),
      preloadPage: () => undefined,
      bootWorker: () => {
        loads.workerBoots += 1;
      },
      load: () => {
        loads.count += 1;
        if (loads.fail) return Promise.reject(new Error('chunk did not arrive'));
        const controller = createAppController({ db, fetch: () => Promise.reject(new Error('offline')) });
        controllers.push(controller);
        return Promise.resolve<LoadedApp>({ controller, View: () => null });
      },
    });
  return { db, loads, boot };
}

describe('bootstrap: the first screen before the data layer', () => {
  it('shows the sign-in form on a device without a session, without loading the data layer', async () => {
    const { loads, boot } = device();
    const b = boot();
    await b.ready;
    expect(b.getSnapshot().phase).toBe('signedOut');
    expect(loads.count).toBe(0);
  });

  it('loads the data layer at once when a session is stored, and renders before the engine starts', async () => {
    const { loads, boot } = device((db) => saveSession(db, makeLogin()).then(() => undefined));
    const b = boot();
    await b.ready;
    const state = b.getSnapshot();
    expect(loads.count).toBe(1);
    if (state.phase !== 'app') throw new Error(`expected the app, got ${state.phase}`);
    const controllerState = state.app.controller.getSnapshot();
    expect(controllerState.status).toBe('signedIn');
    expect(controllerState.session?.token).toBe('token-1');
    // The engine starts when the browser is idle, after the first render.
    expect(controllerState.engine).toBeNull();
  });

  it('says so when the data layer cannot be loaded for a stored session', async () => {
    const { loads, boot } = device((db) => saveSession(db, makeLogin()).then(() => undefined));
    loads.fail = true;
    const b = boot();
    await b.ready;
    expect(b.getSnapshot().phase).toBe('failed');
  });

  it('completes a sign-in through the data layer, loaded once whatever the number of submits', async () => {
    const { db, loads, boot } = device();
    const b = boot();
    await b.ready;
    expect(loads.workerBoots).toBe(0);
    b.prepare();
    // The worker boots with the submit, not once the data layer has loaded.
    expect(loads.workerBoots).toBe(1);
    b.prepare();
    const result = await b.signIn(makeLogin());
    expect(result.ok).toBe(true);
    expect(loads.count).toBe(1);
    const state = b.getSnapshot();
    if (state.phase !== 'app') throw new Error(`expected the app, got ${state.phase}`);
    expect(state.app.controller.getSnapshot().status).toBe('signedIn');
    expect((await loadSession(db))?.token).toBe('token-1');
  });

  it('keeps the form when the sign-in is refused for another user’s waiting changes', async () => {
    const { db, loads, boot } = device(async (d) => {
      await seedPlan(d);
      await saveSession(d, makeLogin());
      await setPhaseStatus(d, { phaseId: 'ph-1', to: 'done', user: makeUser(), now });
      await d.meta.delete('session'); // signed out, the change still waiting
    });
    const b = boot();
    await b.ready;
    expect(b.getSnapshot().phase).toBe('signedOut');
    const refused = await b.signIn(makeLogin({ id: 'u-2', username: 'other' }, 'token-x'));
    expect(refused).toMatchObject({ ok: false, previousUserName: 'u-1' });
    expect(b.getSnapshot().phase).toBe('signedOut');
    expect(await db.outbox.count()).toBe(1);
    // The same user again: the data layer already loaded is reused.
    expect((await b.signIn(makeLogin())).ok).toBe(true);
    expect(loads.count).toBe(1);
    expect(b.getSnapshot().phase).toBe('app');
  });

  it('tries the data layer again on the next sign-in after its chunk failed to arrive', async () => {
    const { loads, boot } = device();
    const b = boot();
    await b.ready;
    loads.fail = true;
    await expect(b.signIn(makeLogin())).rejects.toThrow('chunk did not arrive');
    expect(b.getSnapshot().phase).toBe('signedOut');
    loads.fail = false;
    expect((await b.signIn(makeLogin())).ok).toBe(true);
    expect(loads.count).toBe(2);
  });
});
