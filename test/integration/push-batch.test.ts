// A push is decided in memory and written in bulk (src/server/sync/push.ts): these tests pin what the
// per-mutation implementation guaranteed for changes WITHIN one push — state carried from one mutation
// to the next, one version per applied change in seq order, a phase's version = its last change,
// rejections leaving no trace, a noteId repeated in one push, a seq repeated in one request.
// "Once" is counted on the server (test/sync/applications.ts): the outcome row of each seq and the
// version it spent, the audit entries, the note's rows; the device's rows by id cannot hold one twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import {
  addNote,
  demoPlan,
  setProgress,
  setStatus,
  TestDevice,
  type PhaseData,
} from '../helpers/server-sync.ts';
import { auditedFor, expectAppliedOnce, noteRowsOf, recordedFor } from '../sync/applications.ts';

interface HistoryData {
  phaseId: string;
  field: string;
  before: unknown;
  after: unknown;
  userId: string;
  conflict: boolean;
}

describe.each(DB_KINDS)('push batches on %s', (db) => {
  let server: TestServer;
  let head: Session;
  beforeAll(async () => {
    server = await startTestServer({ db });
    head = await loginAs(server, 'resp.persona');
  });
  afterAll(() => server.close());
  const serverDb = () => server.database.db;

  it('carries each change to the next mutation of the same push, one version per applied change', async () => {
    const device = new TestDevice(head);
    await device.pullAll();
    const plan = demoPlan(device);
    const [phase, other] = plan.freshPhases('persona');
    if (!phase || !other) throw new Error('no phase');
    const objectiveId = phase.data.objectiveId;
    const noteId = randomUUID();
    const start = device.cursor;

    const res = await device.push([
      setStatus(phase.id, 'not_started', 'in_progress'), // 1 applied (v+0)
      setProgress(phase.id, 30, 0), // 2 applied (v+1), `from` fresh: no conflict
      setProgress(phase.id, 101), // 3 invalid args
      setProgress(phase.id, 60, 10), // 4 stale `from` (30 now): applied with conflict (v+2)
      setStatus(other.id, 'not_started', 'not_started'), // 5 no change: applied, no version
      addNote(objectiveId, 'Prima', { noteId, phaseId: phase.id }), // 6 applied (v+3)
      addNote(objectiveId, 'Di nuovo', { noteId }), // 7 same noteId: applied, nothing changes
      setStatus(phase.id, 'in_progress', 'done'), // 8 applied (v+4): percent 100
      setProgress(phase.id, 20), // 9 a done phase takes no percent
      setStatus(randomUUID(), 'in_progress', 'done'), // 10 unknown phase
    ]);
    expect(res.lastSeq).toBe(10);
    expect(res.results.map((r) => [r.status, r.reason?.code ?? r.conflict ?? null])).toEqual([
      ['applied', null],
      ['applied', null],
      ['rejected', 'invalid'],
      ['applied', true],
      ['applied', null],
      ['applied', null],
      ['applied', null],
      ['applied', null],
      ['rejected', 'illegal_transition'],
      ['rejected', 'not_found'],
    ]);

    await device.pullAll();
    expect(device.cursor).toBe(start + 5); // five changes, five versions
    const row = device.row<PhaseData>('phase', phase.id);
    expect(row?.data).toMatchObject({ status: 'done', percent: 100, updatedBy: head.user.id });
    expect(row?.version).toBe(start + 5); // the version of its last change
    expect(device.row<PhaseData>('phase', other.id)?.version).toBe(other.version);

    const history = device
      .all<HistoryData>('phaseHistory')
      .filter((h) => h.data.phaseId === phase.id)
      .sort((x, y) => x.version - y.version || x.data.field.localeCompare(y.data.field))
      .map((h) => [h.version - start, h.data.field, h.data.before, h.data.after, h.data.conflict]);
    expect(history).toEqual([
      [1, 'status', 'not_started', 'in_progress', false],
      [2, 'percent', 0, 30, false],
      [3, 'percent', 30, 60, true],
      [5, 'percent', 60, 100, false],
      [5, 'status', 'in_progress', 'done', false],
    ]);
    const conflicts = device.all<{ phaseId: string; userIds: string[] }>('conflict');
    expect(
      conflicts.filter((c) => c.data.phaseId === phase.id).map((c) => [c.version - start, c.data.userIds]),
    ).toEqual([[3, [head.user.id]]]);
    const notes = device.all<{ text: string; phaseId: string | null }>('note').filter((n) => n.id === noteId);
    expect(notes.map((n) => [n.version - start, n.data.text, n.data.phaseId])).toEqual([
      [4, 'Prima', phase.id],
    ]);

    // On the server: one outcome per seq with the version it spent (none for a rejection or a
    // change of nothing, so the second note.add of the noteId wrote nothing), the note in one row,
    // and one audit entry per applied mutation, none for the rejected ones.
    const recorded = await recordedFor(serverDb(), device.clientId);
    expect(recorded.map((r) => [r.seq, r.status, r.version === null ? null : r.version - start])).toEqual([
      [1, 'applied', 1],
      [2, 'applied', 2],
      [3, 'rejected', null],
      [4, 'applied', 3],
      [5, 'applied', null],
      [6, 'applied', 4],
      [7, 'applied', null],
      [8, 'applied', 5],
      [9, 'rejected', null],
      [10, 'rejected', null],
    ]);
    expect(recorded.map((r) => r.id)).toEqual(res.results.map((r) => r.id));
    expect(await noteRowsOf(serverDb(), noteId)).toEqual({ rows: 1, version: start + 4 });
    expect(await auditedFor(serverDb(), device.clientId)).toEqual(
      [
        `phase.setStatus ${phase.id}`,
        `phase.setProgress ${phase.id}`,
        `phase.setProgress ${phase.id}`,
        `phase.setStatus ${other.id}`,
        `note.add ${noteId}`,
        `note.add ${noteId}`,
        `phase.setStatus ${phase.id}`,
      ].sort(),
    );
  });

  it('answers a seq repeated in one request as a duplicate of the first', async () => {
    const device = new TestDevice(head);
    await device.pullAll();
    const [phase] = demoPlan(device).freshPhases('persona');
    if (!phase) throw new Error('no phase');
    const [first] = device.stamp([setStatus(phase.id, 'not_started', 'in_progress')]);
    if (!first) throw new Error('unreachable');
    const twin = { ...first, id: randomUUID(), args: { phaseId: phase.id, from: 'in_progress', to: 'done' } };
    const res = await device.send([first, twin]);
    expect(res.body).toEqual({
      lastSeq: 1,
      results: [
        { seq: 1, id: first.id, status: 'applied' },
        { seq: 1, id: twin.id, status: 'duplicate', original: 'applied' },
      ],
    });
    await device.pullAll();
    expect(device.row<PhaseData>('phase', phase.id)?.data.status).toBe('in_progress');
    // The twin was never taken: one outcome for seq 1 (the first), one audit entry.
    expect(await recordedFor(serverDb(), device.clientId)).toEqual([
      { seq: 1, id: first.id, status: 'applied', version: device.row<PhaseData>('phase', phase.id)?.version },
    ]);
    expect(await auditedFor(serverDb(), device.clientId)).toEqual([`phase.setStatus ${phase.id}`]);
  });

  it('takes a full push of 1,000 mutations, rejections mixed in, and reports each once', async () => {
    const device = new TestDevice(head);
    await device.pullAll();
    const phases = demoPlan(device).freshPhases('persona');
    const drafts = Array.from({ length: 1000 }, (_, i) => {
      const p = phases[i % phases.length];
      if (!p) throw new Error('no phase');
      if (i % 10 === 9) return setProgress(p.id, 101); // invalid
      if (i % 3 === 0) return addNote(p.data.objectiveId, `Nota ${i}`, { phaseId: p.id });
      return setProgress(p.id, 1 + (i % 90));
    });
    const res = await device.push(drafts);
    expect(res.lastSeq).toBe(1000);
    expect(res.results.map((r) => r.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(res.results.filter((r) => r.status === 'rejected')).toHaveLength(100);
    await device.pullAll();
    const last = [...drafts]
      .reverse()
      .find((d) => d.name === 'phase.setProgress' && (d.args as { percent: number }).percent <= 100);
    const { phaseId, percent } = last?.args as { phaseId: string; percent: number };
    expect(device.row<PhaseData>('phase', phaseId)?.data.percent).toBe(percent);

    // Each of the 1,000 taken once, each applied note.add wrote its note (applications.ts), and one
    // audit entry per applied mutation.
    const outcomes = await expectAppliedOnce(
      serverDb(),
      drafts.map((d, i) => ({
        id: res.results[i]?.id ?? '',
        clientId: device.clientId,
        name: d.name,
        ...(d.name === 'note.add' ? { noteId: (d.args as { noteId: string }).noteId } : {}),
      })),
      'push of 1,000',
    );
    const applied = [...outcomes.values()].filter((o) => o.status === 'applied');
    expect(applied).toHaveLength(900);
    expect(await auditedFor(serverDb(), device.clientId)).toHaveLength(900);
  });
});
