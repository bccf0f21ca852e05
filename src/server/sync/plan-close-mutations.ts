/**
 * The close of the year (protocol Part 2 "Evaluation by the Nucleo", and this server's extension
 * plan.setScoring): plan.close, plan.reopen, plan.setScoring. Checks in the contract's order: role →
 * not found → the same effect already there (applied, unchanged) → locked → illegal_transition
 * (domain/evaluation-rules.ts); each throws its Rejection before it writes, then takes ONE version.
 *
 * Closed means locked: every other change of the plan's structure, progress, notes, evaluation,
 * self-assessment and scoring answers `locked` while the plan's status is 'closed' (the gates in
 * plan-context.ts, rejection.ts, evaluation-mutations.ts and here).
 *
 * Visibility follows the close (protocol Part 2 "Rows that become visible later still arrive"): while
 * open, the Nucleo's figures (evaluation, phaseVerdict rows) are the admin's, the evaluator's and the
 * area's head's; once closed, everyone's (row-sources.ts). So
 * - plan.close gives the plan's evaluation and phase_verdict rows the close's version: every role's
 *   next pull brings them (no resync);
 * - plan.reopen narrows what heads, officers and viewers see, so when the plan holds any of those
 *   rows it sets their `visible_from` to the reopen's version and their next pull answers
 *   `{"resync": true}`: the device drops the figures it may no longer hold (pull.ts, as after an
 *   admin's change of role or areas). Admins and evaluators see the same rows before and after, and
 *   keep their cursors.
 */
import { and, eq, lt, notInArray } from 'drizzle-orm';
import { closeGate, reopenGate, sameScoring, scoringGate } from '../../domain/evaluation-rules.ts';
import { ROLES } from '../../shared/auth.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { appUser, evaluation, phaseVerdict, plan, type PlanEvent } from '../db/schema.ts';
import {
  asPlanStatus,
  findPlan,
  takeVersion,
  UNCHANGED,
  type PlanCtx,
  type PlanOutcome,
} from './plan-context.ts';
import { seesOpenEvaluations } from './permissions.ts';
import { Rejection } from './rejection.ts';

/** The roles that see the Nucleo's figures of an open plan: a reopen narrows nothing for them. */
const OPEN_EVALUATION_ROLES: string[] = ROLES.filter(seesOpenEvaluations);

function event(ctx: PlanCtx, kind: PlanEvent['kind'], reason?: string): PlanEvent {
  return {
    kind,
    at: ctx.now.toISOString(),
    userId: ctx.user.id,
    ...(reason === undefined ? {} : { reason }),
  };
}

/** approved → closed, by the evaluator or an admin; a closed plan stays as it is (applied). */
export async function closePlan(ctx: PlanCtx, args: PlanMutationArgs['plan.close']): Promise<PlanOutcome> {
  if (ctx.user.role !== 'evaluator' && ctx.user.role !== 'admin')
    throw new Rejection('forbidden', 'close_forbidden');
  const row = await findPlan(ctx, args.planId);
  if (!row) throw new Rejection('not_found', 'plan_not_found');
  const gate = closeGate(asPlanStatus(row.status));
  if (!gate.ok) throw new Rejection(gate.code, gate.key, gate.params);
  if (!gate.changes) return UNCHANGED;
  const version = await takeVersion(ctx);
  const { tx } = ctx;
  await tx
    .update(plan)
    .set({ status: 'closed', events: [...row.events, event(ctx, 'closed')], version })
    .where(eq(plan.id, row.id));
  // Now every role may see them: they arrive with everyone's next pull.
  await tx.update(evaluation).set({ version }).where(eq(evaluation.planId, row.id));
  await tx.update(phaseVerdict).set({ version }).where(eq(phaseVerdict.planId, row.id));
  return { version, before: { status: row.status } };
}

/** closed → approved, by an admin, the reason kept in the plan's events. */
export async function reopenPlan(ctx: PlanCtx, args: PlanMutationArgs['plan.reopen']): Promise<PlanOutcome> {
  if (ctx.user.role !== 'admin') throw new Rejection('forbidden', 'reopen_forbidden');
  const row = await findPlan(ctx, args.planId);
  if (!row) throw new Rejection('not_found', 'plan_not_found');
  const gate = reopenGate(asPlanStatus(row.status));
  if (!gate.ok) throw new Rejection(gate.code, gate.key, gate.params);
  const version = await takeVersion(ctx);
  const { tx } = ctx;
  await tx
    .update(plan)
    .set({ status: 'approved', events: [...row.events, event(ctx, 'reopened', args.reason)], version })
    .where(eq(plan.id, row.id));
  const [anyEvaluation] = await tx
    .select({ id: evaluation.id })
    .from(evaluation)
    .where(eq(evaluation.planId, row.id))
    .limit(1);
  const [anyVerdict] = anyEvaluation
    ? [anyEvaluation]
    : await tx
        .select({ id: phaseVerdict.id })
        .from(phaseVerdict)
        .where(eq(phaseVerdict.planId, row.id))
        .limit(1);
  if (anyVerdict) {
    // The figures go back to the admin, the evaluator and each area's head: the others start over.
    await tx
      .update(appUser)
      .set({ visibleFrom: version })
      .where(
        and(
          eq(appUser.enteId, ctx.user.enteId),
          notInArray(appUser.role, OPEN_EVALUATION_ROLES),
          lt(appUser.visibleFrom, version),
        ),
      );
  }
  return { version, before: { status: row.status } };
}

/** Extension: the plan's scoring method (its SMVP), an admin's choice until the plan is closed. */
export async function setPlanScoring(
  ctx: PlanCtx,
  args: PlanMutationArgs['plan.setScoring'],
): Promise<PlanOutcome> {
  if (ctx.user.role !== 'admin') throw new Rejection('forbidden', 'scoring_forbidden');
  const row = await findPlan(ctx, args.planId);
  if (!row) throw new Rejection('not_found', 'plan_not_found');
  if (sameScoring(row.scoring, args.scoring)) return UNCHANGED;
  const gate = scoringGate(asPlanStatus(row.status));
  if (!gate.ok) throw new Rejection(gate.code, gate.key, gate.params);
  const version = await takeVersion(ctx);
  await ctx.tx.update(plan).set({ scoring: args.scoring, version }).where(eq(plan.id, row.id));
  return { version, before: { scoring: row.scoring } };
}
