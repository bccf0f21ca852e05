import { describe, expect, it } from 'vitest';
import { queuePlanChange } from './plan-changes.ts';
import { applyPullPage } from '../sync/apply-pull.ts';
import { applyPushAnswer } from '../sync/apply-push.ts';
import {
  AREA_ID,
  OBJECTIVE_ID,
  PLAN_ID,
  makeLogin,
  makeObjective,
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
const officer = makeUser({ id: 'u-off', role: 'officer', areaIds: [AREA_ID] });

/** The seeded plan tree on a device signed in as `user` (the rebase re-applies as the session's user). */
async function deviceOf(user: SessionUser, plan: Partial<PlanRecord> = {}): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, plan, PHASES);
  await saveSession(db, makeLogin(user));
  return db;
}
const evaluatorDevice = (plan: Partial<PlanRecord> = {}) => deviceOf(evaluator, plan);

/** Every row of the tables the cycle mutations touch, to compare a device before and after. */
async function figures(db: TraguardiDb) {
  return {
    plans: await db.plans.toArray(),
    evaluations: await db.evaluations.toArray(),
    phaseVerdicts: await db.phaseVerdicts.toArray(),
    selfAssessments: await db.selfAssessments.toArray(),
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
        reason: { code, message: 'Il piano è chiuso' },
      })),
    },
    new Date(),
  );
}

function pulledEvaluation(version: number, percent: number | null, comment: string): PullRow {
  return {
    type: 'evaluation',
    id: OBJECTIVE_ID,
    version,
    deleted: false,
    data: {
      objectiveId: OBJECTIVE_ID,
      planId: PLAN_ID,
      areaId: AREA_ID,
      percent,
      comment,
      userId: 'u-other',
      updatedAt: '2023-02-01T09:00:00.000Z',
    },
  };
}

describe('the Nucleo’s evaluation on the device: optimistic, rolled back, rebased', () => {
  it('evaluation.setObjective writes the evaluation row at once (NV kept as null), and queues it', async () => {
    const db = await evaluatorDevice();
    const q = ok(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: null,
        comment: 'Non valutabile: mancano i dati',
      }),
    );
    expect(await db.evaluations.get(OBJECTIVE_ID)).toEqual({
      id: OBJECTIVE_ID,
      version: 0,
      objectiveId: OBJECTIVE_ID,
      planId: PLAN_ID,
      areaId: AREA_ID,
      percent: null,
      comment: 'Non valutabile: mancano i dati',
      userId: evaluator.id,
      updatedAt: (await db.outbox.get(q.seq))?.clientTime,
    });
    expect((await db.outbox.get(q.seq))?.touched).toEqual([`evaluations:${OBJECTIVE_ID}`]);
    expect(await db.bases.get(`evaluations:${OBJECTIVE_ID}`)).toMatchObject({ row: null });
  });

  it('a contested verdict keeps its reason; clearing it clears the reason too', async () => {
    const db = await evaluatorDevice();
    ok(
      await queuePlanChange(db, evaluator, 'evaluation.setPhaseVerdict', {
        phaseId: 'ph-2',
        verdict: 'contested',
        reason: 'Nessun documento a supporto',
      }),
    );
    expect(await db.phaseVerdicts.get('ph-2')).toMatchObject({
      phaseId: 'ph-2',
      objectiveId: OBJECTIVE_ID,
      areaId: AREA_ID,
      planId: PLAN_ID,
      verdict: 'contested',
      reason: 'Nessun documento a supporto',
    });
    ok(
      await queuePlanChange(db, evaluator, 'evaluation.setPhaseVerdict', { phaseId: 'ph-2', verdict: null }),
    );
    expect(await db.phaseVerdicts.get('ph-2')).toMatchObject({ verdict: null, reason: null });
  });

  it('refuses in the contract’s order: role, then not found, then locked, then a draft', async () => {
    const db = await evaluatorDevice();
    const set = { objectiveId: OBJECTIVE_ID, percent: 80, comment: '' };
    expect(await queuePlanChange(db, admin, 'evaluation.setObjective', set)).toMatchObject({
      ok: false,
      code: 'forbidden',
      key: 'planChange.evaluate_forbidden',
    });
    expect(
      await queuePlanChange(db, officer, 'evaluation.setObjective', { ...set, objectiveId: 'gone' }),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', { ...set, objectiveId: 'gone' }),
    ).toMatchObject({ code: 'not_found', key: 'planChange.objective_not_found' });
    await db.plans.put(makePlan({ status: 'closed' }));
    expect(await queuePlanChange(db, evaluator, 'evaluation.setObjective', set)).toMatchObject({
      code: 'locked',
      key: 'planChange.plan_locked',
    });
    await db.plans.put(makePlan({ status: 'draft' }));
    expect(await queuePlanChange(db, evaluator, 'evaluation.setObjective', set)).toMatchObject({
      code: 'illegal_transition',
      key: 'planChange.plan_draft',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.evaluations.count()).toBe(0);
  });

  it('a percent outside 0–100 and a contested verdict without reason are refused invalid, nothing queued', async () => {
    const db = await evaluatorDevice();
    expect(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: 101,
        comment: '',
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(
      await queuePlanChange(db, evaluator, 'evaluation.setPhaseVerdict', {
        phaseId: 'ph-1',
        verdict: 'contested',
        reason: '   ',
      }),
    ).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a rejection (locked) rolls the optimistic rows back without a trace and keeps the change for review', async () => {
    const db = await evaluatorDevice();
    const before = await figures(db);
    ok(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: 70,
        comment: 'Raggiunto in parte',
      }),
    );
    ok(
      await queuePlanChange(db, evaluator, 'evaluation.setPhaseVerdict', {
        phaseId: 'ph-1',
        verdict: 'validated',
      }),
    );
    ok(await queuePlanChange(db, evaluator, 'plan.close', { planId: PLAN_ID }));
    expect((await db.plans.get(PLAN_ID))?.status).toBe('closed');
    await reject(db, 'locked');
    expect(await figures(db)).toEqual(before);
    expect(await db.bases.count()).toBe(0);
    expect((await db.rejected.orderBy('seq').toArray()).map((r) => [r.name, r.reason.code])).toEqual([
      ['evaluation.setObjective', 'locked'],
      ['evaluation.setPhaseVerdict', 'locked'],
      ['plan.close', 'locked'],
    ]);
  });

  it('a pending evaluation survives a pull of another evaluator’s newer row, and is re-applied on top', async () => {
    const db = await evaluatorDevice();
    const q = ok(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: 90,
        comment: 'Mio giudizio',
      }),
    );
    await applyPullPage(db, pullPage([pulledEvaluation(8, 40, 'Altro giudizio')], 8, 0));
    expect(await db.evaluations.get(OBJECTIVE_ID)).toMatchObject({
      version: 8,
      percent: 90,
      comment: 'Mio giudizio',
      userId: evaluator.id,
    });
    expect((await db.bases.get(`evaluations:${OBJECTIVE_ID}`))?.row).toMatchObject({
      version: 8,
      percent: 40,
    });
    // Applied; the server's row arrives with the pull that covers the seq: the base goes.
    await db.outbox.update(q.seq, { confirmed: true });
    await applyPullPage(db, pullPage([pulledEvaluation(9, 90, 'Mio giudizio')], 9, q.seq));
    expect(await db.evaluations.get(OBJECTIVE_ID)).toMatchObject({ version: 9, percent: 90 });
    expect(await db.bases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('after a pull closes the plan, the pending evaluation is not re-applied (locked) and its row rolls back', async () => {
    const db = await evaluatorDevice();
    ok(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: 60,
        comment: '',
      }),
    );
    const { id, version: _v, ...data } = makePlan({ status: 'closed' });
    await applyPullPage(db, pullPage([{ type: 'plan', id, version: 10, deleted: false, data }], 10, 0));
    expect(await db.evaluations.get(OBJECTIVE_ID)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1); // still waiting for the server's word (locked)
  });
});

describe('the close of the year on the device', () => {
  it('plan.close closes at once with its event; closing again changes nothing; a draft does not close', async () => {
    const db = await evaluatorDevice();
    const q = ok(await queuePlanChange(db, evaluator, 'plan.close', { planId: PLAN_ID }));
    const clientTime = (await db.outbox.get(q.seq))?.clientTime;
    expect(await db.plans.get(PLAN_ID)).toMatchObject({
      status: 'closed',
      events: [{ kind: 'closed', at: clientTime, userId: evaluator.id }],
    });
    ok(await queuePlanChange(db, admin, 'plan.close', { planId: PLAN_ID }));
    expect((await db.plans.get(PLAN_ID))?.events).toHaveLength(1);
    // Once closed, every other change of the plan is refused here, as the server will.
    expect(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: 10,
        comment: '',
      }),
    ).toMatchObject({ code: 'locked' });
    expect(await queuePlanChange(db, head, 'plan.close', { planId: PLAN_ID })).toMatchObject({
      code: 'forbidden',
      key: 'planChange.close_forbidden',
    });
    const draft = await evaluatorDevice({ status: 'draft' });
    expect(await queuePlanChange(draft, admin, 'plan.close', { planId: PLAN_ID })).toMatchObject({
      code: 'illegal_transition',
      key: 'planChange.plan_draft',
    });
  });

  it('plan.reopen: the admin with a reason; the reason is kept in the events; only a closed plan', async () => {
    const db = await evaluatorDevice({ status: 'closed' });
    expect(
      await queuePlanChange(db, evaluator, 'plan.reopen', { planId: PLAN_ID, reason: 'Errore' }),
    ).toMatchObject({ code: 'forbidden', key: 'planChange.reopen_forbidden' });
    expect(await queuePlanChange(db, admin, 'plan.reopen', { planId: PLAN_ID, reason: ' ' })).toMatchObject({
      code: 'invalid',
    });
    ok(await queuePlanChange(db, admin, 'plan.reopen', { planId: PLAN_ID, reason: 'Punteggio da rivedere' }));
    expect(await db.plans.get(PLAN_ID)).toMatchObject({
      status: 'approved',
      events: [{ kind: 'reopened', userId: admin.id, reason: 'Punteggio da rivedere' }],
    });
    expect(
      await queuePlanChange(db, admin, 'plan.reopen', { planId: PLAN_ID, reason: 'Di nuovo' }),
    ).toMatchObject({ code: 'illegal_transition', key: 'planChange.plan_not_closed' });
  });

  it('plan.setScoring: the admin’s; the same method changes nothing; locked once closed', async () => {
    const db = await evaluatorDevice();
    const threshold = { kind: 'threshold' as const, threshold: 60 };
    expect(
      await queuePlanChange(db, evaluator, 'plan.setScoring', { planId: PLAN_ID, scoring: threshold }),
    ).toMatchObject({ code: 'forbidden', key: 'planChange.scoring_forbidden' });
    ok(await queuePlanChange(db, admin, 'plan.setScoring', { planId: PLAN_ID, scoring: threshold }));
    expect((await db.plans.get(PLAN_ID))?.scoring).toEqual(threshold);
    const again = ok(
      await queuePlanChange(db, admin, 'plan.setScoring', { planId: PLAN_ID, scoring: threshold }),
    );
    expect((await db.outbox.get(again.seq))?.touched).toEqual([]);
    await db.plans.put(makePlan({ status: 'closed', scoring: threshold }));
    expect(
      await queuePlanChange(db, admin, 'plan.setScoring', { planId: PLAN_ID, scoring: { kind: 'linear' } }),
    ).toMatchObject({ code: 'locked' });
  });
});

describe('the head’s own assessment on the device', () => {
  it('the area’s head sets it (percent optional); another area’s head, the officer and the evaluator may not', async () => {
    const db = await deviceOf(head);
    ok(
      await queuePlanChange(db, head, 'selfAssessment.set', {
        objectiveId: OBJECTIVE_ID,
        percent: null,
        note: 'Svolto come previsto',
      }),
    );
    expect(await db.selfAssessments.get(OBJECTIVE_ID)).toMatchObject({
      percent: null,
      note: 'Svolto come previsto',
      userId: head.id,
      areaId: AREA_ID,
      planId: PLAN_ID,
    });
    const args = { objectiveId: OBJECTIVE_ID, percent: 90, note: '' };
    const otherHead = { ...head, id: 'u-head2', areaIds: ['area-2'] };
    expect(await queuePlanChange(db, otherHead, 'selfAssessment.set', args)).toMatchObject({
      code: 'forbidden',
      key: 'planChange.area_forbidden',
    });
    expect(await queuePlanChange(db, officer, 'selfAssessment.set', args)).toMatchObject({
      key: 'planChange.self_assessment_forbidden',
    });
    expect(await queuePlanChange(db, evaluator, 'selfAssessment.set', args)).toMatchObject({
      key: 'planChange.self_assessment_forbidden',
    });
    ok(await queuePlanChange(db, admin, 'selfAssessment.set', args));
    expect(await db.selfAssessments.get(OBJECTIVE_ID)).toMatchObject({ percent: 90, userId: admin.id });
  });

  it('NV with no comment where nothing was recorded changes nothing, as on the server', async () => {
    const db = await evaluatorDevice();
    const q = ok(
      await queuePlanChange(db, evaluator, 'evaluation.setObjective', {
        objectiveId: OBJECTIVE_ID,
        percent: null,
        comment: '',
      }),
    );
    expect(await db.evaluations.count()).toBe(0);
    expect((await db.outbox.get(q.seq))?.touched).toEqual([]);
  });

  it('an objective taken out of the plan takes no figures, nor do its phases', async () => {
    const db = await deviceOf(head);
    await db.objectives.put(makeObjective({ state: 'removed', motivation: 'Stralcio' }));
    expect(
      await queuePlanChange(db, head, 'selfAssessment.set', {
        objectiveId: OBJECTIVE_ID,
        percent: 1,
        note: '',
      }),
    ).toMatchObject({ code: 'illegal_transition', key: 'planChange.objective_taken_out' });
    expect(
      await queuePlanChange(db, evaluator, 'evaluation.setPhaseVerdict', {
        phaseId: 'ph-1',
        verdict: 'validated',
      }),
    ).toMatchObject({ code: 'illegal_transition', key: 'planChange.objective_taken_out' });
  });
});
