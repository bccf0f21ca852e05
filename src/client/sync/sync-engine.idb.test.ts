import { describe, expect, it } from 'vitest';
import { createSyncEngine, type TimerApi } from './sync-engine.ts';
import { setPhaseStatus } from '../db/local-change.ts';
import { saveSession } from '../db/session.ts';
import {
  OnlineFlag,
  makeLogin,
  makeUser,
  newBrowser,
  openTab,
  seedPlan,
} from '../../../test/helpers/device.ts';

/** A scripted server: answers push and pull from a little state, or fails as told. */
function stubServer() {
  const state = { lastSeq: 0, failWith: null as number | 'network' | null, requests: [] as string[] };
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const path = new URL(url, 'http://x').pathname;
    state.requests.push(`${init.method} ${path}`);
    if (state.failWith === 'network') throw new TypeError('fetch failed');
    if (state.failWith)
      return Response.json({ error: { code: 'x', message: 'x' } }, { status: state.failWith });
    if (path === '/api/sync/push') {
      const body = JSON.parse(String(init.body)) as { mutations: { seq: number; id: string }[] };
      const results = body.mutations.map((m) => {
        const status = m.seq <= state.lastSeq ? 'duplicate' : 'applied';
        state.lastSeq = Math.max(state.lastSeq, m.seq);
        return { seq: m.seq, id: m.id, status, ...(status === 'duplicate' ? { original: 'applied' } : {}) };
      });
      return Response.json({ lastSeq: state.lastSeq, results });
    }
    return Response.json({ cursor: 1, lastSeq: state.lastSeq, hasMore: false, rows: [] });
  };
  return { state, fetch };
}

/** Timers the test fires by hand; records each delay asked for. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const api: TimerApi = {
    setTimeout: (fn, ms) => {
      pending.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    api,
    delays: () => [...pending.values()].map((p) => p.ms),
    /** Fires the timers set for `ms`. */
    fire(ms: number) {
      for (const [h, p] of [...pending]) {
        if (p.ms !== ms) continue;
        pending.delete(h);
        p.fn();
      }
    },
  };
}

async function setup() {
  const db = openTab(newBrowser());
  await seedPlan(db);
  await saveSession(db, makeLogin());
  const server = stubServer();
  const timers = manualTimers();
  const online = new OnlineFlag();
  const engine = createSyncEngine({
    db,
    fetch: server.fetch,
    now: () => new Date('2026-03-01T10:00:00Z'),
    online,
    lock: null,
    visibility: null,
    timers: timers.api,
    random: () => 1, // no jitter: delays are exact
    periodMs: 60_000,
    backoffBaseMs: 1_000,
    backoffCapMs: 8_000,
  });
  return { db, server, timers, online, engine };
}

/** Waits until the engine has gone idle (its background cycle finished). */
async function settle(
  engine: { status: { getSnapshot(): { syncing: boolean } } },
  requests: string[],
  count: number,
) {
  for (let i = 0; i < 200 && (requests.length < count || engine.status.getSnapshot().syncing); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sync engine scheduling', () => {
  it('does not touch the network offline and syncs when the device comes online', async () => {
    const { db, server, online, engine } = await setup();
    online.set(false);
    engine.start();
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'offline' });
    expect(server.state.requests).toEqual([]);
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user: makeUser(), now: new Date() });
    online.set(true);
    await settle(engine, server.state.requests, 2);
    expect(server.state.requests).toEqual(['POST /api/sync/push', 'GET /api/sync/pull']);
    expect(await db.outbox.count()).toBe(0);
    expect(engine.status.getSnapshot()).toMatchObject({ online: true, pending: 0, error: null });
    await engine.stop();
  });

  it('backs off exponentially up to the cap, and returns to the period after a success', async () => {
    const { server, timers, engine } = await setup();
    server.state.failWith = 503;
    engine.start(); // its first cycle fails: 1 s
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'server' });
      seen.push(...timers.delays());
    }
    expect(seen).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
    server.state.failWith = 'network';
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'network' });
    server.state.failWith = null;
    expect(await engine.syncNow()).toMatchObject({ ok: true });
    expect(timers.delays()).toEqual([60_000]);
    expect(engine.status.getSnapshot().error).toBeNull();
    await engine.stop();
    expect(timers.delays()).toEqual([]);
  });

  it('runs by itself only once started', async () => {
    const { server, timers, engine } = await setup();
    server.state.failWith = 503;
    expect(await engine.syncNow()).toMatchObject({ ok: false });
    engine.notifyLocalChange();
    expect(timers.delays()).toEqual([]);
  });

  it('debounces local changes into one cycle', async () => {
    const { db, server, timers, engine } = await setup();
    engine.start();
    await engine.syncNow();
    server.state.requests.length = 0;
    for (let i = 0; i < 5; i++) {
      const to = i % 2 ? 'blocked' : 'in_progress';
      await setPhaseStatus(db, { phaseId: 'ph-1', to, user: makeUser(), now: new Date() });
      engine.notifyLocalChange();
    }
    expect(timers.delays().filter((ms) => ms === 500)).toHaveLength(1);
    timers.fire(500);
    await settle(engine, server.state.requests, 2);
    expect(server.state.requests).toEqual(['POST /api/sync/push', 'GET /api/sync/pull']);
    expect(await db.outbox.count()).toBe(0);
    await engine.stop();
  });

  it('runs one cycle at a time and coalesces requests made meanwhile', async () => {
    const { db, server, engine } = await setup();
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user: makeUser(), now: new Date() });
    const all = await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(all.map((r) => r.ok)).toEqual([true, true, true]);
    // the first cycle pushes and pulls; the two later calls share one more cycle (pull only)
    expect(server.state.requests).toEqual([
      'POST /api/sync/push',
      'GET /api/sync/pull',
      'GET /api/sync/pull',
    ]);
  });

  it('keeps a stable snapshot object while nothing changes', async () => {
    const { engine } = await setup();
    const a = engine.status.getSnapshot();
    expect(engine.status.getSnapshot()).toBe(a);
    let calls = 0;
    const unsubscribe = engine.status.subscribe(() => calls++);
    await engine.syncNow();
    expect(engine.status.getSnapshot()).not.toBe(a);
    expect(calls).toBeGreaterThan(0);
    unsubscribe();
  });
});
