/**
 * The sync engine run as the app runs it in a browser: in a worker (serve-sync.ts) that the page
 * talks to through messages (worker-engine.ts) — here a real MessageChannel, the two ends on one
 * fake-indexeddb browser profile, the worker's fetch through a controllable transport to the real
 * server. A first sync, its progress seen by the page, a local change made in the page pushed by the
 * worker, and a stop that waits for the worker.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../src/client/db/local-change.ts';
import { saveSession } from '../../src/client/db/session.ts';
import type { FirstSyncProgress } from '../../src/client/sync/first-sync.ts';
import { readFirstSync } from '../../src/client/sync/first-sync.ts';
import { serveSync } from '../../src/client/sync/serve-sync.ts';
import { portEngine } from '../../src/client/sync/worker-engine.ts';
import { newBrowser, OnlineFlag, openTab } from '../helpers/device.ts';
import { deviceRows, login, serverRows } from '../helpers/device-sim.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { TRANSPORT_ORIGIN, Transport } from '../helpers/transport.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ db: 'pglite', demo: true, pullPageSize: 8 });
});
afterAll(async () => server?.close());

describe('the sync engine in a worker', () => {
  it('syncs, shows the first sync’s progress in the page, sends the page’s changes, and stops', async () => {
    const browser = newBrowser();
    const page = openTab(browser);
    const session = await login(server.url, 'admin');
    expect((await saveSession(page, session)).ok).toBe(true);
    const transport = new Transport(server.url);
    const channel = new MessageChannel();
    let workerDb: ReturnType<typeof openTab> | null = null;
    serveSync(channel.port2, {
      open: (name) => (workerDb = openTab(browser, name)),
      fetch: transport.fetch,
      baseUrl: TRANSPORT_ORIGIN,
      lock: null,
      tuning: { debounceMs: 20, backoffBaseMs: 50, backoffCapMs: 500 },
    });
    let ended = false;
    const online = new OnlineFlag();
    const engine = portEngine(channel.port1, {
      db: page,
      online,
      visibility: null,
      onStopped: () => (ended = true),
    });
    channel.port1.start();
    channel.port2.start();
    const seen: FirstSyncProgress[] = [];
    engine.status.subscribe(() => {
      const p = engine.status.getSnapshot().firstSync;
      if (p) seen.push(p);
    });
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'stopped' }); // not started yet
    engine.start();
    expect(await engine.syncNow()).toMatchObject({ ok: true });
    expect(await readFirstSync(page)).toBeNull();
    expect(seen.length).toBeGreaterThan(0);
    expect(engine.status.getSnapshot()).toMatchObject({ syncing: false, error: null, firstSync: null });
    expect(await deviceRows(page)).toEqual(await serverRows(server.url, session.token));

    // A note written in the page: the worker's engine hears of it and sends it.
    const objective = (await page.objectives.toArray()).find((o) => o.state === 'active');
    const text = `Dalla pagina ${randomUUID()}`;
    const r = await addNote(page, {
      objectiveId: objective?.id ?? '',
      text,
      user: session.user,
      now: new Date(),
    });
    expect(r.ok).toBe(true);
    engine.notifyLocalChange();
    for (let i = 0; i < 200 && (await page.outbox.count()) > 0; i++)
      await new Promise((res) => setTimeout(res, 20));
    expect(await page.outbox.count()).toBe(0);
    const truth = await serverRows(server.url, session.token);
    expect([...truth.values()].filter((row) => row.data.text === text)).toHaveLength(1);
    expect(engine.status.getSnapshot().pending).toBe(0);

    // Offline as the page sees it: the worker's engine does not try.
    online.set(false);
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'offline' });
    expect(engine.status.getSnapshot().online).toBe(false);

    await engine.stop();
    expect(ended).toBe(true);
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'stopped' });
    expect(workerDb).not.toBeNull();
    channel.port1.close();
  });
});
