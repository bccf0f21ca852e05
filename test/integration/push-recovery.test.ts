// What must hold when things go wrong: a lost answer then a retry, a crash between applying and
// committing, two tabs pushing at once, a clientId used by another user, a note retried through a
// new clientId. On PGlite and on PostgreSQL.
// "Once" is counted as applications on the server (test/sync/applications.ts): the outcome rows per
// seq and the version each spent, the audit entries (one per applied mutation), the note's rows and
// the history rows per mutation; a device's map of rows by id could never show a note twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, setStatus, TestDevice } from '../helpers/server-sync.ts';
import { auditedFor, historyRowsOf, noteRowsOf, recordedFor } from '../sync/applications.ts';

describe.each(DB_KINDS)('push recovery on %s', (db) => {
  let server: TestServer;
  let head: Session;
  /** Set to make the next push fail after applying its mutations, before its commit. */
  let crashBeforeCommit = false;
  beforeAll(async () => {
    server = await startTestServer({
      db,
      metricsToken: 'push-recovery-metrics',
      pushHooks: {
        beforeCommit: () => {
          if (crashBeforeCommit) {
            crashBeforeCommit = false;
            throw new Error('injected crash before commit');
          }
        },
      },
    });
    head = await loginAs(server, 'resp.persona');
  });
  beforeEach(() => {
    crashBeforeCommit = false;
  });
  afterAll(() => server.close());
  const serverDb = () => server.database.db;

  async function freshDevice(session: Session = head) {
    const device = new TestDevice(session);
    await device.pullAll();
    return { device, plan: demoPlan(device) };
  }

  it('a lost acknowledgement then a retry changes nothing the second time', async () => {
    const { device, plan } = await freshDevice();
    const [phase] = plan.freshPhases('persona');
    if (!phase) throw new Error('no phase');
    const noteId = crypto.randomUUID();
    const batch = device.stamp([
      setStatus(phase.id, 'not_started', 'in_progress'),
      addNote(phase.data.objectiveId, 'Fatto', { noteId }),
    ]);
    await device.send(batch); // the answer is "lost"
    const cursorAfterFirst = (await device.pullPage()).body;
    const retry = await device.send(batch);
    expect(retry.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Nothing new to pull after the retry: no version was spent.
    const before = 'resync' in cursorAfterFirst ? -1 : cursorAfterFirst.cursor;
    await device.pullAll();
    expect(device.cursor).toBe(before);
    // Each mutation taken once: one outcome per seq, the note written by the note.add that spent its
    // version, one audit entry each, one history row for the status.
    const [status, note] = batch;
    if (!status || !note) throw new Error('unreachable');
    const written = await noteRowsOf(serverDb(), noteId);
    expect(written.rows).toBe(1);
    expect(await recordedFor(serverDb(), device.clientId)).toEqual([
      { seq: 1, id: status.id, status: 'applied', version: expect.any(Number) },
      { seq: 2, id: note.id, status: 'applied', version: written.version },
    ]);
    expect(await auditedFor(serverDb(), device.clientId)).toEqual([
      `note.add ${noteId}`,
      `phase.setStatus ${phase.id}`,
    ]);
    expect(await historyRowsOf(serverDb(), [status.id])).toEqual(new Map([[status.id, 1]]));
  });

  it('a crash between applying and committing answers 503, changes nothing, and the retry applies once', async () => {
    const { device, plan } = await freshDevice();
    const [phase] = plan.freshPhases('persona');
    if (!phase) throw new Error('no phase');
    const batch = device.stamp([setStatus(phase.id, 'not_started', 'done')]);
    const cursor = device.cursor;

    crashBeforeCommit = true;
    const crashed = await device.send(batch);
    expect(crashed.status).toBe(503);
    expect((crashed.body as unknown as ErrorBody).error.code).toBe('unavailable');
    const page = await device.pullPage(cursor);
    expect(page.body).toMatchObject({ cursor, lastSeq: 0, rows: [] });

    const retry = await device.send(batch);
    expect(retry.body).toEqual({ lastSeq: 1, results: [{ seq: 1, id: batch[0]?.id, status: 'applied' }] });
    const again = await device.send(batch);
    expect(again.body.results[0]?.status).toBe('duplicate');
    await device.pullAll();
    expect(device.row('phase', phase.id)?.data).toMatchObject({ status: 'done' });
    // The crashed attempt left nothing: one outcome, one audit entry, the history of one change
    // (status, and percent to 100 with it).
    const [m] = batch;
    if (!m) throw new Error('unreachable');
    expect(await recordedFor(serverDb(), device.clientId)).toEqual([
      { seq: 1, id: m.id, status: 'applied', version: device.row('phase', phase.id)?.version },
    ]);
    expect(await auditedFor(serverDb(), device.clientId)).toEqual([`phase.setStatus ${phase.id}`]);
    expect(await historyRowsOf(serverDb(), [m.id])).toEqual(new Map([[m.id, 2]]));
  });

  it('two tabs pushing the same mutations at once apply them exactly once', async () => {
    const { device, plan } = await freshDevice();
    const phases = plan.freshPhases('persona').slice(0, 3);
    const batch = device.stamp(phases.map((p) => setStatus(p.id, 'not_started', 'in_progress')));
    const [a, b] = await Promise.all([device.send(batch), device.send(batch)]);
    const outcomes = [...(a?.body.results ?? []), ...(b?.body.results ?? [])].map((r) => r.status).sort();
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'duplicate', 'duplicate', 'duplicate']);
    // Counted on the server: one outcome per seq, one audit entry and one history row per mutation.
    const recorded = await recordedFor(serverDb(), device.clientId);
    expect(recorded.map((r) => [r.seq, r.id, r.status])).toEqual(batch.map((m) => [m.seq, m.id, 'applied']));
    expect(await auditedFor(serverDb(), device.clientId)).toEqual(
      phases.map((p) => `phase.setStatus ${p.id}`).sort(),
    );
    expect(
      await historyRowsOf(
        serverDb(),
        batch.map((m) => m.id),
      ),
    ).toEqual(new Map(batch.map((m) => [m.id, 1])));
  });

  it("refuses another user's clientId with 403, on push and on pull", async () => {
    const { device } = await freshDevice();
    const intruder = new TestDevice(await loginAs(server, 'istruttore.persona'), device.clientId);
    const push = await intruder.send(intruder.stamp([]));
    expect(push.status).toBe(403);
    expect((push.body as unknown as ErrorBody).error.code).toBe('forbidden');
    expect((await intruder.pullPage(0)).status).toBe(403);
    // Across enti too.
    const other = new TestDevice(await loginAs(server, 'admin.prova'), device.clientId);
    expect((await other.pullPage(0)).status).toBe(403);
  });

  it('one note whatever the retries, even through a new clientId after signing in again', async () => {
    const { device, plan } = await freshDevice();
    const objectiveId = plan.objectiveIn('persona');
    const noteId = crypto.randomUUID();
    const note = addNote(objectiveId, 'Nota scritta offline', { noteId });
    const first = await device.push([note]);
    const second = new TestDevice(await loginAs(server, 'resp.persona'));
    const res = await second.push([note]);
    expect(res.results[0]?.status).toBe('applied');
    // Two applications (one per clientId), one of which wrote the note: the first spent the note's
    // version, the second is applied with none (nothing changed); each has its audit entry.
    const written = await noteRowsOf(serverDb(), noteId);
    expect(written.rows).toBe(1);
    expect(await recordedFor(serverDb(), device.clientId)).toEqual([
      { seq: 1, id: first.results[0]?.id, status: 'applied', version: written.version },
    ]);
    expect(await recordedFor(serverDb(), second.clientId)).toEqual([
      { seq: 1, id: res.results[0]?.id, status: 'applied', version: null },
    ]);
    expect(await auditedFor(serverDb(), device.clientId)).toEqual([`note.add ${noteId}`]);
    expect(await auditedFor(serverDb(), second.clientId)).toEqual([`note.add ${noteId}`]);
  });

  it('counts pushes and mutations in /api/metrics', async () => {
    const res = await new Api(server.url, 'push-recovery-metrics').get<string>('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/traguardi_sync_pushes_total [1-9]/);
    expect(res.body).toMatch(/traguardi_sync_mutations_total\{outcome="applied"\} [1-9]/);
    expect(res.body).toMatch(/traguardi_sync_mutations_total\{outcome="duplicate"\} [1-9]/);
    expect(res.body).toMatch(/traguardi_http_requests_total\{method="POST",status="503"\} 1/);
  });
});
