// Concurrent changes of one phase: the later write in server order wins, the result says conflict,
// a conflict row names both users and both see it, and the history keeps the overwritten value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { demoPlan, setProgress, setStatus, TestDevice } from '../helpers/server-sync.ts';

interface ConflictData {
  phaseId: string;
  field: string;
  overwritten: unknown;
  winner: unknown;
  userIds: string[];
}
interface HistoryData {
  phaseId: string;
  field: string;
  before: unknown;
  after: unknown;
  userId: string;
  conflict: boolean;
}

describe.each(DB_KINDS)('conflicts on %s', (db) => {
  let server: TestServer;
  let head: Session;
  let officer: Session;
  beforeAll(async () => {
    server = await startTestServer({ db });
    [head, officer] = await Promise.all([
      loginAs(server, 'resp.persona'),
      loginAs(server, 'istruttore.persona'),
    ]);
  });
  afterAll(() => server.close());

  it('status: both saw not_started; the later write wins and both users see the conflict', async () => {
    const a = new TestDevice(head);
    const b = new TestDevice(officer);
    await Promise.all([a.pullAll(), b.pullAll()]);
    const [phase] = demoPlan(a).freshPhases('persona');
    if (!phase) throw new Error('no phase');

    const first = await a.push([setStatus(phase.id, 'not_started', 'in_progress')]);
    expect(first.results[0]).toEqual(expect.objectContaining({ status: 'applied' }));
    expect(first.results[0]?.conflict).toBeUndefined();
    const second = await b.push([setStatus(phase.id, 'not_started', 'done')]);
    expect(second.results[0]).toMatchObject({ status: 'applied', conflict: true });

    await Promise.all([a.pullAll(), b.pullAll()]);
    for (const device of [a, b]) {
      expect(device.row('phase', phase.id)?.data).toMatchObject({
        status: 'done',
        percent: 100,
        updatedBy: officer.user.id,
      });
      const conflicts = device.all<ConflictData>('conflict').filter((c) => c.data.phaseId === phase.id);
      expect(conflicts.map((c) => c.data)).toEqual([
        expect.objectContaining({
          field: 'status',
          overwritten: 'in_progress',
          winner: 'done',
          userIds: [head.user.id, officer.user.id],
        }),
      ]);
      const history = device
        .all<HistoryData>('phaseHistory')
        .filter((h) => h.data.phaseId === phase.id)
        .sort((x, y) => x.version - y.version || x.data.field.localeCompare(y.data.field))
        .map((h) => [h.data.field, h.data.before, h.data.after, h.data.userId, h.data.conflict]);
      expect(history).toEqual([
        ['status', 'not_started', 'in_progress', head.user.id, false],
        ['percent', 0, 100, officer.user.id, false],
        ['status', 'in_progress', 'done', officer.user.id, true],
      ]);
    }
    // Every role of the ente sees it (phases are visible to all).
    const viewer = new TestDevice(await loginAs(server, 'lettore'));
    await viewer.pullAll();
    expect(viewer.all<ConflictData>('conflict').some((c) => c.data.phaseId === phase.id)).toBe(true);
  });

  it('percent: a stale `from` still applies, flagged as a conflict; a fresh one is not', async () => {
    const a = new TestDevice(head);
    const b = new TestDevice(officer);
    await Promise.all([a.pullAll(), b.pullAll()]);
    const [phase] = demoPlan(a).freshPhases('persona');
    if (!phase) throw new Error('no phase');
    expect((await a.push([setProgress(phase.id, 40, 0)])).results[0]?.conflict).toBeUndefined();
    const res = await b.push([setProgress(phase.id, 70, 0)]);
    expect(res.results[0]).toMatchObject({ status: 'applied', conflict: true });
    const dup = await b.send([
      { id: crypto.randomUUID(), seq: 1, name: 'x', args: {}, clientTime: new Date().toISOString() },
    ]);
    expect(dup.body.results[0]).toMatchObject({ status: 'duplicate', original: 'applied', conflict: true });
    await a.pullAll();
    expect(a.row('phase', phase.id)?.data).toMatchObject({ status: 'in_progress', percent: 70 });
    const conflict = a.all<ConflictData>('conflict').find((c) => c.data.phaseId === phase.id);
    expect(conflict?.data).toMatchObject({ field: 'percent', overwritten: 40, winner: 70 });
    // Without `from` (the contract's v1 args) no conflict is claimed.
    expect((await a.push([setProgress(phase.id, 80)])).results[0]?.conflict).toBeUndefined();
  });

  it('a change that changes nothing is applied without spending a version', async () => {
    const a = new TestDevice(head);
    await a.pullAll();
    const [phase] = demoPlan(a).freshPhases('persona');
    if (!phase) throw new Error('no phase');
    const cursor = a.cursor;
    expect((await a.push([setStatus(phase.id, 'not_started', 'not_started')])).results[0]?.status).toBe(
      'applied',
    );
    await a.pullAll();
    expect(a.cursor).toBe(cursor);
  });
});
