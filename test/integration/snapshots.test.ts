// Monitoring snapshots over real HTTP, on PGlite and PostgreSQL (protocol Part 2 "Monitoring
// snapshot"): who may take one, what it freezes (the plan as the server holds it when applied, the
// progress earlier in the same push included), that later progress and amendments never alter it,
// its two dates (asOf chosen by the client, takenAt when the server applied it), a replayed id, a
// draft refused, its figures equal to what the live dashboard showed at that moment, and who pulls it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../src/client/ui/pages/dashboard/dashboard-model.ts';
import {
  freezePlan,
  planFigures,
  snapshotFigures,
  type PlanFigures,
} from '../../src/domain/snapshot-figures.ts';
import { auditEntry, snapshot as snapshotTable } from '../../src/server/db/schema.ts';
import type { PushResult } from '../../src/shared/push.ts';
import type { SnapshotRow } from '../../src/shared/rows.ts';
import {
  liveInputOf,
  monitoringUsers,
  planDataOf,
  snapshotOf,
  take,
  type MonitoringUsers,
} from '../helpers/monitoring.ts';
import { DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';
import { setProgress, setStatus, TestDevice, type DraftMutation } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
const m = (name: string, args: Record<string, unknown>): DraftMutation => ({ name, args });
const amendment = { motivation: 'Riprogrammazione dopo il monitoraggio di giugno' };

interface PhaseData {
  objectiveId: string;
  areaId: string;
  status: string;
  removed?: boolean;
  deadline: string | null;
}
interface ObjectiveData {
  areaId: string;
  state: string;
}

describe.each(DB_KINDS)('monitoring snapshots on %s', (db) => {
  let server: TestServer;
  let users: MonitoringUsers;
  let reader: TestDevice; // the admin's v2 device, pulled before each look
  let planId: string;
  let areaIds: string[];
  const planEnd = '2022-12-31';
  // The snapshot of 30 June and its row as first pulled.
  const june = randomUUID();
  let juneRow: { version: number; data: SnapshotRow };
  let progressed: string; // the phase at 40 % in it

  const push = async (device: TestDevice, drafts: DraftMutation[]): Promise<PushResult[]> =>
    (await device.push(drafts)).results;
  const device = (who: keyof MonitoringUsers, protocol = 2) =>
    new TestDevice(users[who], undefined, protocol);
  const open = () => {
    const objectives = reader.all<ObjectiveData>('objective');
    const counts = new Set(
      objectives.filter((o) => ['active', 'modified'].includes(o.data.state)).map((o) => o.id),
    );
    const personaArea = users.head.user.areaIds.find((id) => areaIds.includes(id)) ?? '';
    return {
      personaArea,
      objectives: objectives.filter((o) => counts.has(o.id) && o.data.areaId === personaArea),
      phases: reader
        .all<PhaseData>('phase')
        .filter(
          (p) =>
            counts.has(p.data.objectiveId) &&
            p.data.areaId === personaArea &&
            p.data.status === 'not_started',
        ),
    };
  };

  beforeAll(async () => {
    server = await startTestServer({ db });
    users = await monitoringUsers(server);
    reader = device('admin');
    await reader.pullAll();
    const plan = reader.all<{ year: number }>('plan').find((p) => p.data.year === 2022);
    planId = plan?.id ?? '';
    areaIds = planDataOf(reader, planId).areas.map((a) => a.id);
  });
  afterAll(() => server.close());

  it('lets the admin and the evaluator take a snapshot; head, officer and viewer are forbidden', async () => {
    const cases: [keyof MonitoringUsers, string][] = [
      ['head', 'forbidden'],
      ['officer', 'forbidden'],
      ['viewer', 'forbidden'],
      ['otherEnte', 'not_found'],
      ['evaluator', 'applied'],
      ['admin', 'applied'],
    ];
    for (const [who, expected] of cases) {
      const id = randomUUID();
      const [result] = await push(device(who), [take(id, planId, '2022-04-30', `Aprile (${who})`)]);
      expect([who, result?.reason?.code ?? result?.status]).toEqual([who, expected]);
      const stored = await server.database.db.select().from(snapshotTable).where(eq(snapshotTable.id, id));
      expect([who, stored.length]).toEqual([who, expected === 'applied' ? 1 : 0]);
    }
    const [forbidden] = await push(device('officer'), [take(randomUUID(), planId, '2022-04-30', 'x')]);
    expect(forbidden?.reason?.message).toContain('Nucleo di Valutazione');
  });

  it('refuses bad args as invalid and an unknown plan as not_found, writing nothing', async () => {
    const results = await push(device('admin'), [
      take(randomUUID(), planId, '2022-02-30', 'Data impossibile'),
      take(randomUUID(), planId, '2022-06-30', '   '),
      take(randomUUID(), randomUUID(), '2022-06-30', 'Piano inesistente'),
    ]);
    expect(results.map((r) => r.reason?.code)).toEqual(['invalid', 'invalid', 'not_found']);
  });

  it('freezes the plan as the server holds it when applied, progress earlier in the push included', async () => {
    const { phases } = open();
    const [first] = phases;
    if (!first) throw new Error('no phase to progress');
    progressed = first.id;
    const admin = device('admin');
    const results = await push(admin, [
      setStatus(first.id, 'not_started', 'in_progress'),
      setProgress(first.id, 40),
      take(june, planId, '2022-06-30', 'Monitoraggio al 30 giugno'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await reader.pullAll();
    const row = reader.row('snapshot', june);
    const data = snapshotOf(reader, june);
    if (!row || !data) throw new Error('snapshot not pulled');
    juneRow = { version: row.version, data };
    expect(data).toMatchObject({
      planId,
      asOf: '2022-06-30',
      label: 'Monitoraggio al 30 giugno',
      roundClosedAt: null,
    });
    expect(data.phases.find((p) => p.phaseId === first.id)).toMatchObject({
      status: 'in_progress',
      percent: 40,
    });
    // Every objective and phase of the plan, exactly as the live rows read now.
    const live = liveInputOf(reader, planId);
    expect({ objectives: data.objectives, phases: data.phases }).toEqual(
      freezePlan(live.objectives, live.phases),
    );
    expect(data.objectives.some((o) => o.state === 'removed')).toBe(true);
  });

  it('gives the figures the live dashboard showed at that moment, per area and for the ente', () => {
    const dashboard = dashboardFigures(planDataOf(reader, planId), 'nucleo', '2022-06-30');
    const frozen = snapshotFigures({ ...juneRow.data }, areaIds, 'nucleo', planEnd);
    const pick = (f: { progress: number | null; expected: number | null; counts: unknown }) => ({
      progress: f.progress,
      expected: f.expected,
      counts: f.counts,
    });
    expect(pick(frozen.plan)).toEqual(pick(dashboard.plan));
    expect(frozen.areas.map(pick)).toEqual(dashboard.areas.map(pick));
    expect(frozen.areas.map((a) => a.areaId)).toEqual(dashboard.areas.map((a) => a.area.id));
    expect(frozen.plan.late.length).toBe(dashboard.plan.counts.late);
    expect(frozen.plan.progress).toBeGreaterThan(0);
  });

  it('is never altered by later progress or amendments: its row and its figures stay as they were', async () => {
    const before = snapshotFigures(juneRow.data, areaIds, 'nucleo', planEnd);
    const { objectives, phases } = open();
    const [second, third] = phases;
    const [o1, o2] = objectives;
    if (!second || !third || !o1 || !o2) throw new Error('not enough of the plan to change');
    const results = await push(device('admin'), [
      setStatus(progressed, 'in_progress', 'done'),
      setStatus(second.id, 'not_started', 'blocked'),
      m('phase.update', { phaseId: third.id, changes: { deadline: '2022-11-30', weight: 70 }, amendment }),
      m('objective.update', {
        objectiveId: o1.id,
        changes: { weights: { head: 1, giunta: 2, nucleo: 90 } },
        amendment,
      }),
      m('objective.remove', { objectiveId: o2.id, amendment }),
      m('phase.add', {
        phaseId: randomUUID(),
        objectiveId: o1.id,
        number: 99,
        description: 'Fase nuova',
        deadline: '2022-10-31',
        amendment,
      }),
    ]);
    expect(results.map((r) => [r.status, r.reason?.code])).toEqual(results.map(() => ['applied', undefined]));
    await reader.pullAll();
    expect(reader.row('snapshot', june)?.version).toBe(juneRow.version);
    expect(snapshotOf(reader, june)).toEqual(juneRow.data);
    const [stored] = await server.database.db.select().from(snapshotTable).where(eq(snapshotTable.id, june));
    expect({ phases: stored?.phases, objectives: stored?.objectives }).toEqual({
      phases: juneRow.data.phases,
      objectives: juneRow.data.objectives,
    });
    expect(snapshotFigures(juneRow.data, areaIds, 'nucleo', planEnd)).toEqual(before);
    // The live plan did move: the same figures of today's rows differ, and a new snapshot sees them.
    const now = planFigures(liveInputOf(reader, planId), 'nucleo', '2022-06-30', planEnd);
    expect(now.plan.progress).not.toBe(before.plan.progress);
    const later = randomUUID();
    await push(device('evaluator'), [take(later, planId, '2022-06-30', 'Dopo le variazioni')]);
    await reader.pullAll();
    const fresh = snapshotOf(reader, later);
    if (!fresh) throw new Error('second snapshot not pulled');
    // Objectives come in the order given (the live rows by number, a snapshot by id).
    const byId = (f: PlanFigures) => ({
      ...f,
      objectives: [...f.objectives].sort((a, b) => a.objectiveId.localeCompare(b.objectiveId)),
    });
    expect(byId(snapshotFigures(fresh, areaIds, 'nucleo', planEnd))).toEqual(byId(now));
  });

  it('keeps both dates: taken offline on 30 June, synced on 3 July', async () => {
    const evaluator = device('evaluator');
    const id = randomUUID();
    const [offline] = evaluator.stamp([take(id, planId, '2022-06-30', 'Sopralluogo del 30 giugno')]);
    if (!offline) throw new Error('no mutation');
    offline.clientTime = '2022-06-30T15:00:00.000Z';
    const synced = Date.parse('2022-07-03T08:30:00.000Z');
    server.clock.offsetMs = synced - Date.now();
    try {
      const res = await evaluator.send([offline]);
      expect(res.body.results[0]?.status).toBe('applied');
    } finally {
      server.clock.offsetMs = 0;
    }
    await reader.pullAll();
    const data = snapshotOf(reader, id);
    expect(data?.asOf).toBe('2022-06-30');
    expect(data?.takenAt.slice(0, 10)).toBe('2022-07-03');
    expect(Math.abs(Date.parse(data?.takenAt ?? '') - synced)).toBeLessThan(60_000);
    expect(data?.takenBy).toBe(users.evaluator.user.id);
  });

  it('answers a replayed snapshotId applied and changes nothing, whatever it carries', async () => {
    const [again] = await push(device('admin'), [take(june, planId, '2022-09-30', 'Altra etichetta')]);
    expect(again?.status).toBe('applied');
    await reader.pullAll();
    expect(reader.row('snapshot', june)?.version).toBe(juneRow.version);
    expect(snapshotOf(reader, june)).toEqual(juneRow.data);
    const audit = await server.database.db.select().from(auditEntry).where(eq(auditEntry.entityId, june));
    expect(audit.map((e) => [e.action, e.entity])).toContainEqual(['snapshot.take', 'snapshot']);
  });

  it('does not monitor a draft (illegal_transition)', async () => {
    const draftId = randomUUID();
    const imported = await users.admin.post('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2031,
      planId: draftId,
    });
    expect(imported.status).toBe(201);
    const [refused] = await push(device('admin'), [take(randomUUID(), draftId, '2031-06-30', 'Bozza')]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
    expect(refused?.reason?.message).toContain('bozza');
    // The evaluator, who may take snapshots, is refused the same way.
    const [hidden] = await push(device('evaluator'), [take(randomUUID(), draftId, '2031-06-30', 'Bozza')]);
    expect(hidden?.reason?.code).toBe('illegal_transition');
  });

  it('is pulled by every role that sees the plan; not by another ente, nor by a v1 device', async () => {
    for (const who of ['admin', 'evaluator', 'head', 'otherHead', 'officer', 'viewer'] as const) {
      const d = device(who);
      await d.pullAll();
      expect([who, snapshotOf(d, june)]).toEqual([who, juneRow.data]);
    }
    const other = device('otherEnte');
    await other.pullAll();
    expect(other.all('snapshot')).toHaveLength(0);
    const v1 = device('head', 1);
    await v1.pullAll();
    expect(v1.all('snapshot')).toHaveLength(0);
    expect(v1.all('phase').length).toBeGreaterThan(0);
  });
});
