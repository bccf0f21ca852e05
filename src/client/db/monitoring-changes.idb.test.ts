import { describe, expect, it } from 'vitest';
import { queuePlanChange } from './plan-changes.ts';
import { applyPullPage } from '../sync/apply-pull.ts';
import { applyPushAnswer } from '../sync/apply-push.ts';
import {
  AREA_ID,
  OBJECTIVE_ID,
  PLAN_ID,
  makeLogin,
  makePlan,
  makeUser,
  newBrowser,
  openTab,
  pullPage,
  seedPlanTree,
} from '../../../test/helpers/device.ts';
import { admin, ok, PHASES } from '../../../test/helpers/plan-changes.ts';
import type { SessionUser } from '../../shared/auth.ts';
import type { PullRow } from '../../shared/pull.ts';
import { saveSession } from './session.ts';
import type { PlanRecord, TraguardiDb } from './schema.ts';

const evaluator = makeUser({ id: 'u-nucleo', username: 'nucleo', role: 'evaluator', areaIds: [] });
const head = makeUser({ id: 'u-head', username: 'resp', role: 'head', areaIds: [AREA_ID] });
const otherHead = makeUser({ id: 'u-head2', username: 'resp2', role: 'head', areaIds: ['area-2'] });
const officer = makeUser({ id: 'u-off', role: 'officer', areaIds: [AREA_ID] });

const SNAP = 'snap-1';
const REPORT_ID = `${SNAP}:${OBJECTIVE_ID}`;
const take = { snapshotId: SNAP, planId: PLAN_ID, asOf: '2022-06-30', label: 'Monitoraggio di giugno' };
const report = {
  snapshotId: SNAP,
  objectiveId: OBJECTIVE_ID,
  done: 'Avviata la gara',
  issues: 'Ritardo del fornitore',
  reachable: true,
  action: '',
};

async function deviceOf(user: SessionUser, plan: Partial<PlanRecord> = {}): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, plan, PHASES);
  await saveSession(db, makeLogin(user));
  return db;
}

/** The server's snapshot row as a pull brings it (frozen rows and the server's takenAt). */
function pulledSnapshot(version: number, roundClosedAt: string | null = null): PullRow {
  return {
    type: 'snapshot',
    id: SNAP,
    version,
    deleted: false,
    data: {
      planId: PLAN_ID,
      asOf: take.asOf,
      label: take.label,
      takenAt: '2022-07-03T08:00:00.000Z',
      takenBy: admin.id,
      phases: [],
      objectives: [
        {
          objectiveId: OBJECTIVE_ID,
          areaId: AREA_ID,
          state: 'active',
          weights: { head: null, giunta: null, nucleo: null },
        },
      ],
      roundClosedAt,
      roundClosedBy: roundClosedAt ? admin.id : null,
    },
  };
}

async function reject(db: TraguardiDb, code: string) {
  const sent = await db.outbox.orderBy('seq').toArray();
  await applyPushAnswer(
    db,
    sent,
    {
      lastSeq: sent.at(-1)?.seq ?? 0,
      results: sent.map((e) => ({
        seq: e.seq,
        id: e.id,
        status: 'rejected' as const,
        reason: { code, message: 'Rifiutato' },
      })),
    },
    new Date(),
  );
}

describe('monitoring snapshots on the device', () => {
  it('snapshot.take writes a pending snapshot with no frozen rows, both dates kept; a replayed id changes nothing', async () => {
    const db = await deviceOf(evaluator);
    const q = ok(await queuePlanChange(db, evaluator, 'snapshot.take', take));
    expect(await db.snapshots.get(SNAP)).toEqual({
      id: SNAP,
      version: 0,
      planId: PLAN_ID,
      asOf: '2022-06-30',
      label: 'Monitoraggio di giugno',
      takenAt: (await db.outbox.get(q.seq))?.clientTime,
      takenBy: evaluator.id,
      phases: [],
      objectives: [],
      roundClosedAt: null,
      roundClosedBy: null,
      pending: true,
    });
    expect(await db.bases.get(`snapshots:${SNAP}`)).toMatchObject({ row: null });
    const again = ok(await queuePlanChange(db, evaluator, 'snapshot.take', { ...take, label: 'Altro' }));
    expect((await db.outbox.get(again.seq))?.touched).toEqual([]);
    expect((await db.snapshots.get(SNAP))?.label).toBe('Monitoraggio di giugno');
  });

  it('refuses in the contract’s order: role, not found, locked, draft; a blank label is invalid', async () => {
    const db = await deviceOf(admin);
    expect(await queuePlanChange(db, head, 'snapshot.take', take)).toMatchObject({
      code: 'forbidden',
      key: 'planChange.snapshot_forbidden',
    });
    expect(await queuePlanChange(db, admin, 'snapshot.take', { ...take, planId: 'gone' })).toMatchObject({
      code: 'not_found',
      key: 'planChange.plan_not_found',
    });
    expect(await queuePlanChange(db, admin, 'snapshot.take', { ...take, label: '  ' })).toMatchObject({
      code: 'invalid',
    });
    await db.plans.put(makePlan({ status: 'closed' }));
    expect(await queuePlanChange(db, admin, 'snapshot.take', take)).toMatchObject({
      code: 'locked',
      key: 'planChange.plan_locked',
    });
    await db.plans.put(makePlan({ status: 'draft' }));
    expect(await queuePlanChange(db, admin, 'snapshot.take', take)).toMatchObject({
      code: 'illegal_transition',
      key: 'planChange.snapshot_plan_draft',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('the pulled server row replaces the pending one once the take is acknowledged', async () => {
    const db = await deviceOf(admin);
    const q = ok(await queuePlanChange(db, admin, 'snapshot.take', take));
    await db.outbox.update(q.seq, { confirmed: true });
    await applyPullPage(db, pullPage([pulledSnapshot(5)], 5, q.seq));
    const row = await db.snapshots.get(SNAP);
    expect(row).toMatchObject({ version: 5, takenAt: '2022-07-03T08:00:00.000Z' });
    expect(row?.pending).toBeUndefined();
    expect(row?.objectives).toHaveLength(1);
    expect(await db.bases.count()).toBe(0);
  });

  it('a rejected take rolls back without a trace and is kept for review', async () => {
    const db = await deviceOf(admin);
    ok(await queuePlanChange(db, admin, 'snapshot.take', take));
    await reject(db, 'locked');
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => r.name)).toEqual(['snapshot.take']);
  });
});

describe('the heads’ monitoring reports and the round’s close on the device', () => {
  async function withSnapshot(user: SessionUser): Promise<TraguardiDb> {
    const db = await deviceOf(user);
    await applyPullPage(db, pullPage([pulledSnapshot(5)], 5, 0));
    return db;
  }

  it('the area’s head writes the report at once; the same content again changes nothing', async () => {
    const db = await withSnapshot(head);
    const q = ok(await queuePlanChange(db, head, 'monitoring.setReport', report));
    expect(await db.monitoringReports.get(REPORT_ID)).toEqual({
      id: REPORT_ID,
      version: 0,
      snapshotId: SNAP,
      planId: PLAN_ID,
      objectiveId: OBJECTIVE_ID,
      areaId: AREA_ID,
      done: 'Avviata la gara',
      issues: 'Ritardo del fornitore',
      reachable: true,
      action: '',
      userId: head.id,
      updatedAt: (await db.outbox.get(q.seq))?.clientTime,
    });
    const again = ok(await queuePlanChange(db, head, 'monitoring.setReport', report));
    expect((await db.outbox.get(again.seq))?.touched).toEqual([]);
  });

  it('refuses: officer and evaluator (role), unknown snapshot, another area’s head, texts over 5,000', async () => {
    const db = await withSnapshot(head);
    for (const who of [officer, evaluator])
      expect(await queuePlanChange(db, who, 'monitoring.setReport', report)).toMatchObject({
        code: 'forbidden',
        key: 'planChange.report_forbidden',
      });
    expect(
      await queuePlanChange(db, head, 'monitoring.setReport', { ...report, snapshotId: 'gone' }),
    ).toMatchObject({ code: 'not_found', key: 'planChange.snapshot_not_found' });
    expect(
      await queuePlanChange(db, head, 'monitoring.setReport', { ...report, objectiveId: 'gone' }),
    ).toMatchObject({ code: 'not_found', key: 'planChange.objective_not_found' });
    expect(await queuePlanChange(db, otherHead, 'monitoring.setReport', report)).toMatchObject({
      code: 'forbidden',
      key: 'planChange.area_forbidden',
    });
    expect(
      await queuePlanChange(db, head, 'monitoring.setReport', { ...report, done: 'x'.repeat(5001) }),
    ).toMatchObject({ code: 'invalid' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('the admin closes the round at once (once); then a report is illegal_transition with the label', async () => {
    const db = await withSnapshot(admin);
    expect(await queuePlanChange(db, head, 'snapshot.closeRound', { snapshotId: SNAP })).toMatchObject({
      code: 'forbidden',
      key: 'planChange.round_close_forbidden',
    });
    const q = ok(await queuePlanChange(db, admin, 'snapshot.closeRound', { snapshotId: SNAP }));
    expect(await db.snapshots.get(SNAP)).toMatchObject({
      roundClosedAt: (await db.outbox.get(q.seq))?.clientTime,
      roundClosedBy: admin.id,
    });
    const again = ok(await queuePlanChange(db, admin, 'snapshot.closeRound', { snapshotId: SNAP }));
    expect((await db.outbox.get(again.seq))?.touched).toEqual([]);
    expect(await queuePlanChange(db, admin, 'monitoring.setReport', report)).toMatchObject({
      code: 'illegal_transition',
      key: 'planChange.monitoring_round_closed',
      params: { label: take.label },
    });
  });

  it('a report queued offline is rolled back when a pull closes the round first (rebase)', async () => {
    const db = await withSnapshot(head);
    ok(await queuePlanChange(db, head, 'monitoring.setReport', report));
    expect(await db.monitoringReports.count()).toBe(1);
    await applyPullPage(db, pullPage([pulledSnapshot(6, '2022-07-10T10:00:00.000Z')], 6, 0));
    expect(await db.monitoringReports.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1); // the server has the last word
  });

  it('a rejected report rolls back to the server’s earlier report', async () => {
    const db = await withSnapshot(head);
    const earlier: PullRow = {
      type: 'monitoringReport',
      id: REPORT_ID,
      version: 7,
      deleted: false,
      data: {
        ...report,
        planId: PLAN_ID,
        areaId: AREA_ID,
        done: 'Prima versione',
        userId: head.id,
        updatedAt: '2022-07-01T00:00:00.000Z',
      },
    };
    await applyPullPage(db, pullPage([earlier], 7, 0));
    ok(await queuePlanChange(db, head, 'monitoring.setReport', report));
    expect((await db.monitoringReports.get(REPORT_ID))?.done).toBe('Avviata la gara');
    await reject(db, 'illegal_transition');
    expect(await db.monitoringReports.get(REPORT_ID)).toMatchObject({ version: 7, done: 'Prima versione' });
    expect(await db.bases.count()).toBe(0);
  });
});
