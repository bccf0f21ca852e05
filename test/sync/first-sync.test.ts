/**
 * A first sync in two parts: the real engine (fake-indexeddb) against the real server (PGlite, real
 * HTTP, small pages) through a controllable transport. The core arrives and is usable first; the
 * deferred rows (an admin's notes, the history) follow with their progress; a lost connection or a
 * closed tab in the middle resumes where the last stored batch left it; what the user changes
 * meanwhile goes out between the deferred pages and is never lost. Every scenario ends with the
 * device holding exactly what a full pull gives.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, setPhaseStatus } from '../../src/client/db/local-change.ts';
import { readFirstSync } from '../../src/client/sync/first-sync.ts';
import type { FirstSyncProgress } from '../../src/client/sync/first-sync.ts';
import { deviceRows, openDevice, serverRows, type SimDevice } from '../helpers/device-sim.ts';
import { loginAs, startTestServer, type TestServer } from '../helpers/server.ts';
import { addNote as draftNote, TestDevice } from '../helpers/server-sync.ts';
import { openTab } from '../helpers/device.ts';
import { Transport, type Gate } from '../helpers/transport.ts';

const DEFERRED = { method: 'GET', path: '/api/sync/pull', query: /part=deferred/ };
const NOTES = 40;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ db: 'pglite', demo: true, pullPageSize: 8 });
  // Notes in every area, so an admin's deferred part spans several pages.
  const writer = new TestDevice(await loginAs(server, 'admin'), undefined, 2);
  await writer.pullAll();
  const objectives = writer.all<{ state: string }>('objective').filter((o) => o.data.state === 'active');
  await writer.push(
    Array.from({ length: NOTES }, (_, i) =>
      draftNote(objectives[i % objectives.length]?.id ?? '', `Nota ${i} ${randomUUID()}`),
    ),
  );
});
afterAll(async () => server?.close());

/** The device holds exactly what a full pull gives its user, and nothing waits to be sent. */
async function expectEqualToFullPull(d: SimDevice) {
  expect(await d.db.outbox.count()).toBe(0);
  expect(await readFirstSync(d.db)).toBeNull();
  const truth = await serverRows(server.url, d.session.token);
  expect(await deviceRows(d.db)).toEqual(truth);
  return truth;
}

/** The cursors the deferred requests asked from, in order. */
function deferredCursors(t: Transport): number[] {
  return t.log
    .filter((l) => l.path.includes('part=deferred'))
    .map((l) => Number(new URLSearchParams(l.path.split('?')[1]).get('cursor')));
}

/** Waits until the first sync has stored some deferred rows (the next page's request may be out). */
async function untilSomeDeferredStored(d: SimDevice): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const s = await readFirstSync(d.db);
    if (s?.stage === 'deferred' && s.cursor > 0) return s.cursor;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no deferred rows stored');
}

async function waitUntil(done: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out: ${what}`);
}

describe('a first sync in two parts', () => {
  it('stores the core first, then the deferred rows with their progress; ends equal to a full pull', async () => {
    const t = new Transport(server.url);
    const gate = t.gate(DEFERRED);
    const d = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    const seen: FirstSyncProgress[] = [];
    d.engine.status.subscribe(() => {
      const p = d.engine.status.getSnapshot().firstSync;
      if (p) seen.push(p);
    });
    const done = d.engine.syncNow();
    await gate.reached;
    // The core is on the device and usable: the plan and its progress, no notes, no history yet.
    const truth = await serverRows(server.url, d.session.token);
    const count = (type: string) => [...truth.keys()].filter((k) => k.startsWith(`${type}:`)).length;
    expect(await d.db.phases.count()).toBe(count('phase'));
    expect(await d.db.objectives.count()).toBe(count('objective'));
    expect(await d.db.phaseFacts.count()).toBe(count('phase'));
    expect(await d.db.notes.count()).toBe(0);
    expect(await d.db.phaseHistory.count()).toBe(0);
    const state = await readFirstSync(d.db);
    expect(state).toMatchObject({
      stage: 'deferred',
      cursor: 0,
      total: { note: count('note'), phaseHistory: count('phaseHistory') },
    });
    expect(d.engine.status.getSnapshot().firstSync).toEqual({
      notes: { stored: 0, total: count('note') },
      rows: { stored: 0, total: count('note') + count('phaseHistory') },
    });

    gate.release();
    expect(await done).toMatchObject({ ok: true });
    await expectEqualToFullPull(d);
    expect(d.engine.status.getSnapshot().firstSync).toBeNull();
    // Progress went up page by page to every note.
    const stored = seen.map((p) => p.notes.stored);
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    expect(stored.some((n) => n > 0 && n < count('note'))).toBe(true);
    expect(seen.every((p) => p.notes.total === count('note'))).toBe(true);
    expect(await d.db.notes.count()).toBe(count('note'));
    const cursors = deferredCursors(t);
    expect(cursors.length).toBeGreaterThan(3);
    expect(cursors).toEqual([...new Set(cursors)].sort((a, b) => a - b));
    expect(t.log.filter((l) => l.path.includes('part=core')).length).toBeGreaterThan(1);
  });

  it('a head gets the own areas’ notes in the core; only the history is deferred', async () => {
    const t = new Transport(server.url);
    const gate = t.gate(DEFERRED);
    const d = await openDevice({ transport: t, serverUrl: server.url, username: 'resp.persona' });
    const done = d.engine.syncNow();
    await gate.reached;
    const truth = await serverRows(server.url, d.session.token);
    const notes = [...truth.keys()].filter((k) => k.startsWith('note:')).length;
    expect(notes).toBeGreaterThan(0);
    expect(await d.db.notes.count()).toBe(notes);
    const state = await readFirstSync(d.db);
    expect(state).toMatchObject({ stage: 'deferred', coreNotes: notes });
    expect(state?.stage === 'deferred' && Object.keys(state.total)).toEqual(['phaseHistory']);
    gate.release();
    expect(await done).toMatchObject({ ok: true });
    await expectEqualToFullPull(d);
  });

  it('a lost connection halfway: the next cycle resumes at the last stored batch, nothing missing', async () => {
    const t = new Transport(server.url);
    const first: Gate = t.gate(DEFERRED);
    const d = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    d.engine.start();
    await first.reached;
    const second = t.gate(DEFERRED); // the next page's request, sent while the first is stored
    first.release();
    await second.reached;
    const stoppedAt = await untilSomeDeferredStored(d);
    second.release('fail');
    await waitUntil(async () => (await readFirstSync(d.db)) === null, 'the first sync to finish');
    await d.engine.stop();
    await expectEqualToFullPull(d);
    // The connection dropped on the request after `stoppedAt`; the retry asked from there again.
    const cursors = deferredCursors(t);
    expect(cursors[0]).toBe(0);
    expect(cursors.filter((c) => c === 0)).toHaveLength(1);
    const retried = cursors.indexOf(stoppedAt);
    expect(retried).toBeGreaterThan(0);
    expect(cursors.lastIndexOf(stoppedAt)).toBeGreaterThan(retried);
    expect(t.log.some((l) => l.outcome === 'gate failed')).toBe(true);
  });

  it('a closed tab halfway: a new engine on the same IndexedDB resumes it and ends equal', async () => {
    const t = new Transport(server.url);
    const first = t.gate(DEFERRED);
    const tab = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    const running = tab.engine.syncNow();
    await first.reached;
    const second = t.gate(DEFERRED);
    first.release();
    await second.reached;
    const stoppedAt = await untilSomeDeferredStored(tab);
    const stopping = tab.engine.stop();
    second.release('fail'); // the tab goes away with its request in flight
    await stopping;
    await running;
    tab.db.close();
    const look = openTab(tab.browser);
    expect(await readFirstSync(look)).toMatchObject({ stage: 'deferred', cursor: stoppedAt });
    look.close();

    const before = deferredCursors(t).length;
    const reopened = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'admin',
      browser: tab.browser,
      signIn: false,
    });
    expect(reopened.engine.status.getSnapshot().firstSync).toBeNull();
    expect(await reopened.engine.syncNow()).toMatchObject({ ok: true });
    expect(deferredCursors(t)[before]).toBe(stoppedAt);
    await expectEqualToFullPull(reopened);
  });

  it('the user works while the deferred rows arrive: the change goes out between pages, nothing lost', async () => {
    const t = new Transport(server.url);
    const gate = t.gate(DEFERRED);
    const d = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    const done = d.engine.syncNow();
    await gate.reached;
    // The core is here: the admin changes a phase and writes a note before any deferred row arrived.
    const objectives = new Map((await d.db.objectives.toArray()).map((o) => [o.id, o]));
    const phase = (await d.db.phases.toArray()).find(
      (p) => p.status === 'not_started' && objectives.get(p.objectiveId)?.state === 'active',
    );
    if (!phase) throw new Error('no phase to change');
    const user = d.session.user;
    const changed = await setPhaseStatus(d.db, {
      phaseId: phase.id,
      to: 'in_progress',
      user,
      now: new Date(),
    });
    const text = `Scritta durante il primo sync ${randomUUID()}`;
    const noted = await addNote(d.db, {
      objectiveId: phase.objectiveId,
      phaseId: phase.id,
      text,
      user,
      now: new Date(),
    });
    expect([changed.ok, noted.ok]).toEqual([true, true]);
    expect(await d.db.phases.get(phase.id)).toMatchObject({ status: 'in_progress' });

    gate.release();
    expect(await done).toMatchObject({ ok: true, pushed: 2, rejected: 0 });
    const truth = await expectEqualToFullPull(d);
    expect(truth.get(`phase:${phase.id}`)?.data.status).toBe('in_progress');
    expect([...truth.values()].filter((r) => r.data.text === text)).toHaveLength(1);
    // Sent while the deferred rows were still coming, not after them.
    const paths = t.log.map((l) => l.path);
    const push = paths.findIndex((p) => p.startsWith('/api/sync/push'));
    expect(push).toBeGreaterThan(-1);
    expect(paths.findLastIndex((p) => p.includes('part=deferred'))).toBeGreaterThan(push);
    // The history of the change arrived too (an ordinary pull after the push), once.
    const history = [...truth.entries()].filter(
      ([k, r]) => k.startsWith('phaseHistory:') && r.data.phaseId === phase.id,
    );
    expect(history.length).toBeGreaterThan(0);
    expect(await d.db.phaseHistory.where('phaseId').equals(phase.id).count()).toBe(history.length);
  });

  it('once synced, a device pulls as the contract says (no part)', async () => {
    const d = await openDevice({
      transport: new Transport(server.url),
      serverUrl: server.url,
      username: 'admin',
    });
    expect(await d.engine.syncNow()).toMatchObject({ ok: true });
    await expectEqualToFullPull(d);
    const t = new Transport(server.url);
    const again = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'admin',
      browser: d.browser,
      signIn: false,
    });
    expect(await again.engine.syncNow()).toMatchObject({ ok: true });
    const pulls = t.log.filter((l) => l.path.startsWith('/api/sync/pull'));
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls.every((l) => !l.path.includes('part='))).toBe(true);
  });
});
