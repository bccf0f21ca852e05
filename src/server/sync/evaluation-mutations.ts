/**
 * The Nucleo's evaluation and the head's own assessment (protocol Part 2 "Evaluation by the Nucleo",
 * and this server's extension selfAssessment.set): evaluation.setObjective, evaluation.setPhaseVerdict,
 * selfAssessment.set. The close of the year is in plan-close-mutations.ts.
 *
 * Checks in the contract's order: args (parsed; evaluation-args.ts picks the clear messages) → role →
 * not found → area → the same effect already there (applied, nothing changes: a retry of something
 * applied before a close still answers applied) → locked → illegal_transition (a draft, an objective
 * removed or replaced, a phase removed: domain/evaluation-rules.ts). Each throws its Rejection before
 * it writes, then writes its one row with ONE new version (id = the objective's or the phase's: the
 * last write wins). The rows copy plan_id and area_id, which the pull's visibility reads
 * (row-sources.ts: admin, evaluator and the area's head while the plan is open; everyone once closed).
 */
import { eq } from 'drizzle-orm';
import { assessmentGate, storedVerdictReason, type AssessedTarget } from '../../domain/evaluation-rules.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { evaluation, phaseVerdict, selfAssessment } from '../db/schema.ts';
import {
  asObjectiveState,
  asPlanStatus,
  findObjective,
  findPhase,
  requireArea,
  takeVersion,
  UNCHANGED,
  type PlanCtx,
  type PlanOutcome,
  type PlanRow,
} from './plan-context.ts';
import { Rejection } from './rejection.ts';

function requireEvaluator(ctx: PlanCtx): void {
  if (ctx.user.role !== 'evaluator') throw new Rejection('forbidden', 'evaluate_forbidden');
}

/** locked → illegal_transition, once the same effect is known not to be there already. */
function requireAssessable(planRow: PlanRow, target: AssessedTarget): void {
  const gate = assessmentGate(asPlanStatus(planRow.status), target);
  if (!gate.ok) throw new Rejection(gate.code, gate.key, gate.params);
}

/** The Nucleo's achievement of an objective: 0–100, or null (not evaluated, NV), with a comment. */
export async function setObjectiveEvaluation(
  ctx: PlanCtx,
  args: PlanMutationArgs['evaluation.setObjective'],
): Promise<PlanOutcome> {
  requireEvaluator(ctx);
  const found = await findObjective(ctx, args.objectiveId);
  if (!found) throw new Rejection('not_found', 'objective_not_found');
  const { objective, plan } = found;
  const [current] = await ctx.tx.select().from(evaluation).where(eq(evaluation.id, objective.id));
  // No row is "not evaluated, no comment": recording that again changes nothing.
  const held = current ?? { percent: null, comment: '' };
  if (held.percent === args.percent && held.comment === args.comment) return UNCHANGED;
  requireAssessable(plan, { objectiveState: asObjectiveState(objective.state) });
  const version = await takeVersion(ctx);
  const values = {
    percent: args.percent,
    comment: args.comment,
    userId: ctx.user.id,
    updatedAt: ctx.now,
    version,
  };
  await ctx.tx
    .insert(evaluation)
    .values({
      id: objective.id,
      enteId: ctx.user.enteId,
      planId: plan.id,
      areaId: objective.areaId,
      ...values,
    })
    .onConflictDoUpdate({ target: evaluation.id, set: values });
  return { version, before: current ? { percent: current.percent, comment: current.comment } : null };
}

/** The Nucleo's verdict on a phase: validated, contested (with its reason), or null to clear it. */
export async function setPhaseVerdict(
  ctx: PlanCtx,
  args: PlanMutationArgs['evaluation.setPhaseVerdict'],
): Promise<PlanOutcome> {
  requireEvaluator(ctx);
  const found = await findPhase(ctx, args.phaseId);
  if (!found) throw new Rejection('not_found', 'phase_not_found');
  const { phase, objective, plan } = found;
  const reason = storedVerdictReason(args.verdict, args.reason);
  const [current] = await ctx.tx.select().from(phaseVerdict).where(eq(phaseVerdict.id, phase.id));
  const held = current ?? { verdict: null, reason: null };
  if (held.verdict === args.verdict && held.reason === reason) return UNCHANGED;
  requireAssessable(plan, { objectiveState: asObjectiveState(objective.state), phaseRemoved: phase.removed });
  const version = await takeVersion(ctx);
  const values = { verdict: args.verdict, reason, userId: ctx.user.id, updatedAt: ctx.now, version };
  await ctx.tx
    .insert(phaseVerdict)
    .values({
      id: phase.id,
      enteId: ctx.user.enteId,
      planId: plan.id,
      objectiveId: objective.id,
      areaId: phase.areaId,
      ...values,
    })
    .onConflictDoUpdate({ target: phaseVerdict.id, set: values });
  return { version, before: current ? { verdict: current.verdict, reason: current.reason } : null };
}

/** Extension: the area head's own percent (or none) and note on an objective, beside the Nucleo's. */
export async function setSelfAssessment(
  ctx: PlanCtx,
  args: PlanMutationArgs['selfAssessment.set'],
): Promise<PlanOutcome> {
  if (ctx.user.role !== 'head' && ctx.user.role !== 'admin')
    throw new Rejection('forbidden', 'self_assessment_forbidden');
  const found = await findObjective(ctx, args.objectiveId);
  if (!found) throw new Rejection('not_found', 'objective_not_found');
  const { objective, plan } = found;
  requireArea(ctx.user, objective.areaId);
  const [current] = await ctx.tx.select().from(selfAssessment).where(eq(selfAssessment.id, objective.id));
  const held = current ?? { percent: null, note: '' };
  if (held.percent === args.percent && held.note === args.note) return UNCHANGED;
  requireAssessable(plan, { objectiveState: asObjectiveState(objective.state) });
  const version = await takeVersion(ctx);
  const values = { percent: args.percent, note: args.note, userId: ctx.user.id, updatedAt: ctx.now, version };
  await ctx.tx
    .insert(selfAssessment)
    .values({
      id: objective.id,
      enteId: ctx.user.enteId,
      planId: plan.id,
      areaId: objective.areaId,
      ...values,
    })
    .onConflictDoUpdate({ target: selfAssessment.id, set: values });
  return { version, before: current ? { percent: current.percent, note: current.note } : null };
}
