/**
 * Scripted interleavings: the real engine (fake-indexeddb) against the real server (PGlite, real
 * HTTP) through a controllable transport. Each scenario names who holds what, step by step.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { Transport } from '../helpers/transport.ts';
import { memoryLock } from '../helpers/device.ts';
import { deviceRows, login, openDevice, serverRows, type SimDevice } from '../helpers/device-sim.ts';
import { addNote, setPhaseStatus } from '../../src/client/db/local-change.ts';
import { DEFAULT_SESSION_TTL_MS } from '../../src/server/auth/sessions.ts';
import type { PhaseRecord } from '../../src/client/db/schema.ts';
import type { PhaseStatus } from '../../src/domain/plan.ts';
import { readClientIdentity } from '../../src/client/db/meta.ts';
import type { IDBFactory } from 'fake-indexeddb';
import { expectAppliedOnce, type MadeMutation } from './applications.ts';

let server: TestServer;
let crashNextPush = false;

beforeAll(async () => {
  server = await startTestServer({
    db: 'pglite',
    demo: true,
    pushHooks: {
      beforeCommit: () => {
        if (!crashNextPush) return;
        crashNextPush = false;
        throw new Error('crash between applying and committing');
      },
    },
  });
});
afterAll(async () => server?.close());

const PUSH = { method: 'POST', path: '/api/sync/push' };
const PULL = { method: 'GET', path: '/api/sync/pull' };
const now = () => new Date();
const used = new Set<string>();
/** The mutations each browser made (its tabs share one clientId), to count their applications. */
const made = new Map<IDBFactory, Omit<MadeMutation, 'clientId'>[]>();
const remember = (d: SimDevice, m: Omit<MadeMutation, 'clientId'>) =>
  made.set(d.browser, [...(made.get(d.browser) ?? []), m]);

/** A fresh phase of the device user's own area (active objective), not used by another scenario. */
async function freshPhase(d: SimDevice, mine = true): Promise<PhaseRecord> {
  const areas = new Set(d.session.user.areaIds);
  const objectives = new Map((await d.db.objectives.toArray()).map((o) => [o.id, o]));
  const phase = (await d.db.phases.toArray()).find(
    (p) =>
      areas.has(p.areaId) === mine &&
      !used.has(p.id) &&
      objectives.get(p.objectiveId)?.state === 'active' &&
      p.status !== 'done' &&
      p.status !== 'cancelled',
  );
  if (!phase) throw new Error('no phase left for the scenario');
  used.add(phase.id);
  return phase;
}

async function device(username = 'istruttore.persona', transport = new Transport(server.url)) {
  const d = await openDevice({ transport, serverUrl: server.url, username });
  expect(await d.engine.syncNow()).toMatchObject({ ok: true });
  return { d, t: transport };
}

async function change(d: SimDevice, phaseId: string, to: PhaseStatus) {
  const r = await setPhaseStatus(d.db, { phaseId, to, user: d.session.user, now: now() });
  if (!r.ok) throw new Error(r.code);
  remember(d, { id: r.mutationId, name: 'phase.setStatus' });
}

async function note(d: SimDevice, objectiveId: string, text: string, photos: Blob[] = []) {
  const r = await addNote(d.db, { objectiveId, text, photos, user: d.session.user, now: now() });
  if (!r.ok) throw new Error(r.code);
  remember(d, { id: r.mutationId, name: 'note.add', noteId: r.noteId });
  return r.noteId;
}

/**
 * The server's rows for the device's user; the device must hold exactly these. And every change the
 * browser made was applied (or rejected) exactly once, counted on the server (applications.ts).
 */
async function expectConverged(d: SimDevice) {
  expect(await d.db.outbox.count()).toBe(0);
  const truth = await serverRows(server.url, d.session.token);
  expect(await deviceRows(d.db)).toEqual(truth);
  const clientId = (await readClientIdentity(d.db))?.clientId;
  if (!clientId) throw new Error('no clientId');
  const mine = (made.get(d.browser) ?? []).map((m) => ({ ...m, clientId }));
  await expectAppliedOnce(server.database.db, mine, d.name);
  return truth;
}

function notesWithText(rows: Map<string, { data: Record<string, unknown> }>, text: string) {
  return [...rows.values()].filter((r) => r.data.text === text);
}

describe('scripted interleavings', () => {
  it('lost acknowledgement, then retry: applied once', async () => {
    const { d, t } = await device();
    const p = await freshPhase(d);
    await change(d, p.id, 'blocked');
    const text = `lost-ack ${randomUUID()}`;
    await note(d, p.objectiveId, text);
    t.loseAnswer(PUSH); // the server commits both, the device never hears
    expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'network' });
    expect(await d.db.outbox.count()).toBe(2);
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 2, rejected: 0 });
    const truth = await expectConverged(d);
    expect(truth.get(`phase:${p.id}`)?.data.status).toBe('blocked');
    expect(notesWithText(truth, text)).toHaveLength(1);
    expect(t.log.filter((l) => l.path === PUSH.path).map((l) => l.outcome)).toEqual([
      'answer lost (200)',
      '200',
    ]);
  });

  it('a seq gap (first mutation lost on the way): the device resends from lastSeq+1', async () => {
    const { d, t } = await device();
    const p = await freshPhase(d);
    const texts = [1, 2, 3].map((i) => `gap ${i} ${randomUUID()}`);
    for (const text of texts) await note(d, p.objectiveId, text);
    t.rewrite(PUSH, (body) => {
      const b = JSON.parse(body) as { mutations: unknown[] };
      return JSON.stringify({ ...b, mutations: b.mutations.slice(1) });
    });
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 3 });
    expect(t.log.filter((l) => l.path === PUSH.path)).toHaveLength(2);
    const truth = await expectConverged(d);
    for (const text of texts) expect(notesWithText(truth, text)).toHaveLength(1);
  });

  it('two tabs pushing at once: each mutation once, both tabs agree', async () => {
    const { d: tab1, t } = await device();
    const tab2 = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'istruttore.persona',
      browser: tab1.browser,
      signIn: false,
    });
    const p = await freshPhase(tab1);
    const text = `two tabs ${randomUUID()}`;
    await note(tab1, p.objectiveId, text);
    await change(tab2, p.id, 'in_progress');
    const g1 = t.gate(PUSH);
    const g2 = t.gate(PUSH);
    const c1 = tab1.engine.syncNow();
    await g1.reached;
    const c2 = tab2.engine.syncNow();
    await g2.reached; // both pushes carry seq 1 and 2
    g1.release();
    g2.release();
    expect(await c1).toMatchObject({ ok: true });
    expect(await c2).toMatchObject({ ok: true });
    await tab1.engine.syncNow();
    const truth = await expectConverged(tab1);
    expect(await deviceRows(tab2.db)).toEqual(truth);
    expect(notesWithText(truth, text)).toHaveLength(1);
    expect(truth.get(`phase:${p.id}`)?.data.status).toBe('in_progress');
    expect(await tab1.db.rejected.count()).toBe(0);
  });

  it('with the Web Lock, a second tab waits for the first cycle', async () => {
    const { d: tab1, t } = await device();
    const lock = memoryLock();
    const a = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'istruttore.persona',
      browser: tab1.browser,
      signIn: false,
      lock,
    });
    const b = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'istruttore.persona',
      browser: tab1.browser,
      signIn: false,
      lock,
    });
    await change(a, (await freshPhase(a)).id, 'blocked');
    const g = t.gate(PUSH);
    const ca = a.engine.syncNow();
    await g.reached;
    const requests = t.log.length;
    const cb = b.engine.syncNow();
    await new Promise((r) => setTimeout(r, 150));
    expect(t.log.length).toBe(requests); // b sent nothing while a holds the lock
    g.release();
    expect(await ca).toMatchObject({ ok: true, pushed: 1 });
    expect(await cb).toMatchObject({ ok: true, pushed: 0 });
    await expectConverged(a);
  });

  it('a pull racing a push: the stale page takes nothing back', async () => {
    const { d: tabA, t } = await device();
    const tabB = await openDevice({
      transport: t,
      serverUrl: server.url,
      username: 'istruttore.persona',
      browser: tabA.browser,
      signIn: false,
    });
    const p = await freshPhase(tabA);
    // Someone else changes the phase: the next pull carries it at version v1.
    const head = await login(server.url, 'resp.persona');
    await pushAs(head.token, {
      name: 'phase.setStatus',
      args: { phaseId: p.id, from: p.status, to: 'blocked' },
    });
    const stale = t.gate(PULL, 'after');
    const cB = tabB.engine.syncNow(); // B's pull answers from the snapshot with v1, held on the way
    await stale.reached;
    await change(tabA, p.id, 'in_progress'); // A: in_progress over blocked
    expect(await tabA.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    const cursorAfterA = (await tabA.db.meta.get('cursor'))?.value;
    stale.release();
    expect(await cB).toMatchObject({ ok: true });
    expect(await tabA.db.phases.get(p.id)).toMatchObject({ status: 'in_progress' });
    expect((await tabA.db.meta.get('cursor'))?.value).toBe(cursorAfterA);
    await expectConverged(tabA);
  });

  it("a rejected mutation (an officer changing another area's phase) lands in `rejected`", async () => {
    const { d } = await device();
    const theirs = await freshPhase(d, false);
    await change(d, theirs.id, 'blocked');
    expect(await d.db.phases.get(theirs.id)).toMatchObject({ status: 'blocked' }); // optimistic
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 0, rejected: 1 });
    const [rejected] = await d.db.rejected.toArray();
    expect(rejected?.reason.code).toBe('forbidden');
    expect(rejected?.reason.message.length).toBeGreaterThan(0);
    expect(rejected?.args).toMatchObject({ phaseId: theirs.id, to: 'blocked' });
    expect(await d.db.phases.get(theirs.id)).toMatchObject({ status: theirs.status }); // rolled back
    expect(d.engine.status.getSnapshot()).toMatchObject({ rejected: 1, pending: 0, error: null });
    await expectConverged(d);
  });

  it('a crash between applying and committing: nothing half-applied, the retry applies once', async () => {
    const { d } = await device();
    const p = await freshPhase(d);
    const text = `crash ${randomUUID()}`;
    await note(d, p.objectiveId, text);
    crashNextPush = true;
    expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'server' });
    expect(notesWithText(await serverRows(server.url, d.session.token), text)).toHaveLength(0);
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect(notesWithText(await expectConverged(d), text)).toHaveLength(1);
  });

  it('uploads a note photo before the push that names it', async () => {
    const { d, t } = await device();
    const p = await freshPhase(d);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const noteId = await note(d, p.objectiveId, 'con foto', [new Blob([bytes], { type: 'image/jpeg' })]);
    t.loseAnswer({ method: 'PUT', path: '/api/attachments/' }); // uploaded, answer lost: sent again
    expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'network' });
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    const [att] = await d.db.attachments.toArray();
    expect(att).toMatchObject({ noteId, uploaded: true });
    const order = t.log.map((l) => `${l.method} ${l.path.split('?')[0]}`);
    expect(order.lastIndexOf(`PUT /api/attachments/${att?.id}`)).toBeLessThan(
      order.lastIndexOf('POST /api/sync/push'),
    );
    const res = await fetch(`${server.url}/api/attachments/${att?.id}`, {
      headers: { authorization: `Bearer ${d.session.token}` },
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    await expectConverged(d);
  });

  it('426 keeps the queue and says the app is too old', async () => {
    const { d, t } = await device();
    await change(d, (await freshPhase(d)).id, 'blocked');
    t.respond(PUSH, 426, { error: { code: 'client_too_old', message: 'aggiorna' } });
    expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'client_too_old' });
    expect(d.engine.status.getSnapshot()).toMatchObject({ error: 'client_too_old', pending: 1 });
    expect(await d.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    await expectConverged(d);
  });

  it('401 keeps the queue until a new sign-in, then resumes by itself', async () => {
    const { d, t } = await device();
    const p = await freshPhase(d);
    d.engine.start();
    await waitFor(async () => !d.engine.status.getSnapshot().syncing && (await d.db.outbox.count()) === 0);
    server.clock.advance(DEFAULT_SESSION_TTL_MS + 60_000); // the token expires
    try {
      await change(d, p.id, 'blocked');
      expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'unauthorized' });
      const requests = t.log.length;
      expect(await d.engine.syncNow()).toMatchObject({ ok: false, error: 'unauthorized' });
      expect(t.log.length).toBe(requests); // nothing sent with the refused token
      expect(await d.db.outbox.count()).toBe(1);
      const { saveSession } = await import('../../src/client/db/session.ts');
      const fresh = await login(server.url, 'istruttore.persona');
      expect(await saveSession(d.db, fresh)).toMatchObject({ ok: true, switchedUser: false });
      d.session = fresh;
      await waitFor(
        async () => (await d.db.outbox.count()) === 0 && d.engine.status.getSnapshot().error === null,
      );
      await expectConverged(d);
    } finally {
      await d.engine.stop();
      server.clock.offsetMs = 0;
    }
  });
});

/** Another user's mutation, pushed directly (a fresh clientId, seq 1). */
async function pushAs(token: string, m: { name: string; args: unknown }) {
  const res = await fetch(`${server.url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUUID(),
      schemaVersion: 1,
      mutations: [{ id: randomUUID(), seq: 1, ...m, clientTime: new Date().toISOString() }],
    }),
  });
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results[0]?.status).toBe('applied');
}

async function waitFor(cond: () => Promise<boolean>, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
