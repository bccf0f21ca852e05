/**
 * The device's side of evaluation.setObjective, evaluation.setPhaseVerdict, plan.close, plan.reopen,
 * plan.setScoring and selfAssessment.set, as the server decides them
 * (server/sync/evaluation-mutations.ts, plan-close-mutations.ts), with the same gates
 * (domain/evaluation-rules.ts) and message keys: the checks in the contract's order — role → not found →
 * area → the same effect already there (applied, nothing changes) → locked → wrong state — and the
 * rows the server will write: an `evaluations`, `phaseVerdicts` or `selfAssessments` row (its id the
 * objective's or the phase's: the last write wins), or the plan's status, events and scoring.
 *
 * Pure (see plan-mutation.ts): the mutation's clientTime stands for the server's "now" until the
 * server's own row arrives by pull and replaces the optimistic one.
 */
import {
  assessmentGate,
  closeGate,
  reopenGate,
  sameScoring,
  scoringGate,
  storedVerdictReason,
  type AssessedTarget,
  type CycleRefusal,
} from '../../domain/evaluation-rules.ts';
import { DEFAULT_SCORING } from '../../domain/scores.ts';
import type {
  EvaluationRecord,
  ObjectiveRecord,
  PhaseRecord,
  PhaseVerdictRecord,
  PlanRecord,
  SelfAssessmentRecord,
} from '../db/schema.ts';
import { areaWithPlan, PlanRefusal, planStatus, type ApplyCtx, type Handler } from './plan-apply-context.ts';

function requireRole(ctx: ApplyCtx, roles: readonly string[], key: PlanRefusal['key']): void {
  if (ctx.amender && !roles.includes(ctx.amender.role)) throw new PlanRefusal('forbidden', key);
}

function objectiveWithPlan(ctx: ApplyCtx, id: string): { objective: ObjectiveRecord; plan: PlanRecord } {
  const objective = ctx.set.objectives.get(id);
  const found = objective ? areaWithPlan(ctx, objective.areaId) : null;
  if (!objective || !found) throw new PlanRefusal('not_found', 'objective_not_found');
  return { objective, plan: found.plan };
}

function refuse(gate: CycleRefusal): never {
  throw new PlanRefusal(gate.code, gate.key, gate.params);
}

/** locked → illegal_transition (a draft, an objective taken out, a phase removed), as the server. */
function requireAssessable(plan: PlanRecord, target: AssessedTarget): void {
  const gate = assessmentGate(planStatus(plan), target);
  if (!gate.ok) refuse(gate);
}

const setObjective: Handler<'evaluation.setObjective'> = (ctx, args) => {
  requireRole(ctx, ['evaluator'], 'evaluate_forbidden');
  const { objective, plan } = objectiveWithPlan(ctx, args.objectiveId);
  const current = ctx.set.evaluations.get(objective.id);
  // No row is "not evaluated, no comment": recording that again changes nothing (as on the server).
  const held = current ?? { percent: null, comment: '' };
  if (held.percent === args.percent && held.comment === args.comment) return [];
  requireAssessable(plan, { objectiveState: objective.state });
  const row: EvaluationRecord = {
    id: objective.id,
    version: current?.version ?? 0,
    objectiveId: objective.id,
    planId: plan.id,
    areaId: objective.areaId,
    percent: args.percent,
    comment: args.comment,
    userId: ctx.userId,
    updatedAt: ctx.m.clientTime,
  };
  return [{ table: 'evaluations', id: row.id, row }];
};

function phaseWithPlan(
  ctx: ApplyCtx,
  id: string,
): { phase: PhaseRecord; objective: ObjectiveRecord; plan: PlanRecord } {
  const phase = ctx.set.phases.get(id);
  const objective = phase ? ctx.set.objectives.get(phase.objectiveId) : undefined;
  const found = objective ? areaWithPlan(ctx, objective.areaId) : null;
  if (!phase || !objective || !found) throw new PlanRefusal('not_found', 'phase_not_found');
  return { phase, objective, plan: found.plan };
}

const setPhaseVerdict: Handler<'evaluation.setPhaseVerdict'> = (ctx, args) => {
  requireRole(ctx, ['evaluator'], 'evaluate_forbidden');
  const { phase, objective, plan } = phaseWithPlan(ctx, args.phaseId);
  // A reason is kept only with a verdict (clearing the verdict clears it); blank is no reason.
  const reason = storedVerdictReason(args.verdict, args.reason);
  const current = ctx.set.phaseVerdicts.get(phase.id);
  const held = current ?? { verdict: null, reason: null };
  if (held.verdict === args.verdict && held.reason === reason) return [];
  requireAssessable(plan, { objectiveState: objective.state, phaseRemoved: phase.removed === true });
  const row: PhaseVerdictRecord = {
    id: phase.id,
    version: current?.version ?? 0,
    phaseId: phase.id,
    objectiveId: phase.objectiveId,
    areaId: phase.areaId,
    planId: plan.id,
    verdict: args.verdict,
    reason,
    userId: ctx.userId,
    updatedAt: ctx.m.clientTime,
  };
  return [{ table: 'phaseVerdicts', id: row.id, row }];
};

function findPlan(ctx: ApplyCtx, planId: string): PlanRecord {
  const plan = ctx.set.plans.get(planId);
  if (!plan) throw new PlanRefusal('not_found', 'plan_not_found');
  return plan;
}

function withEvent(plan: PlanRecord, event: NonNullable<PlanRecord['events']>[number]): PlanRecord['events'] {
  return [...(plan.events ?? []), event];
}

/** approved → closed; a closed plan stays as it is (applied, nothing changes); a draft cannot close. */
const close: Handler<'plan.close'> = (ctx, args) => {
  requireRole(ctx, ['evaluator', 'admin'], 'close_forbidden');
  const plan = findPlan(ctx, args.planId);
  const gate = closeGate(planStatus(plan));
  if (!gate.ok) refuse(gate);
  if (!gate.changes) return [];
  const event = { kind: 'closed' as const, at: ctx.m.clientTime, userId: ctx.userId };
  const row: PlanRecord = { ...plan, status: 'closed', events: withEvent(plan, event) };
  return [{ table: 'plans', id: plan.id, row }];
};

/** closed → approved, the reason kept in the plan's events; only a closed plan reopens. */
const reopen: Handler<'plan.reopen'> = (ctx, args) => {
  requireRole(ctx, ['admin'], 'reopen_forbidden');
  const plan = findPlan(ctx, args.planId);
  const gate = reopenGate(planStatus(plan));
  if (!gate.ok) refuse(gate);
  const event = { kind: 'reopened' as const, at: ctx.m.clientTime, userId: ctx.userId, reason: args.reason };
  const row: PlanRecord = { ...plan, status: 'approved', events: withEvent(plan, event) };
  return [{ table: 'plans', id: plan.id, row }];
};

/** The plan's scoring method (a draft's too: the SMVP may be chosen before approval). */
const setScoring: Handler<'plan.setScoring'> = (ctx, args) => {
  requireRole(ctx, ['admin'], 'scoring_forbidden');
  const plan = findPlan(ctx, args.planId);
  if (sameScoring(plan.scoring ?? DEFAULT_SCORING, args.scoring)) return [];
  const gate = scoringGate(planStatus(plan));
  if (!gate.ok) refuse(gate);
  return [{ table: 'plans', id: plan.id, row: { ...plan, scoring: args.scoring } }];
};

/** The head's own assessment of an objective of their areas (an admin's for any). */
const setSelfAssessment: Handler<'selfAssessment.set'> = (ctx, args) => {
  requireRole(ctx, ['head', 'admin'], 'self_assessment_forbidden');
  const { objective, plan } = objectiveWithPlan(ctx, args.objectiveId);
  const a = ctx.amender;
  if (a && a.role !== 'admin' && !a.areaIds.includes(objective.areaId))
    throw new PlanRefusal('forbidden', 'area_forbidden');
  const current = ctx.set.selfAssessments.get(objective.id);
  const held = current ?? { percent: null, note: '' };
  if (held.percent === args.percent && held.note === args.note) return [];
  requireAssessable(plan, { objectiveState: objective.state });
  const row: SelfAssessmentRecord = {
    id: objective.id,
    version: current?.version ?? 0,
    objectiveId: objective.id,
    planId: plan.id,
    areaId: objective.areaId,
    percent: args.percent,
    note: args.note,
    userId: ctx.userId,
    updatedAt: ctx.m.clientTime,
  };
  return [{ table: 'selfAssessments', id: row.id, row }];
};

export const evaluationHandlers: {
  'evaluation.setObjective': Handler<'evaluation.setObjective'>;
  'evaluation.setPhaseVerdict': Handler<'evaluation.setPhaseVerdict'>;
  'plan.close': Handler<'plan.close'>;
  'plan.reopen': Handler<'plan.reopen'>;
  'plan.setScoring': Handler<'plan.setScoring'>;
  'selfAssessment.set': Handler<'selfAssessment.set'>;
} = {
  'evaluation.setObjective': setObjective,
  'evaluation.setPhaseVerdict': setPhaseVerdict,
  'plan.close': close,
  'plan.reopen': reopen,
  'plan.setScoring': setScoring,
  'selfAssessment.set': setSelfAssessment,
};
