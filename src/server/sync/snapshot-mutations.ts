/**
 * Monitoring snapshots and the heads' monitoring reports (protocol Part 2 "Monitoring snapshot", and
 * this server's extensions): snapshot.take, monitoring.setReport, snapshot.closeRound.
 *
 * Decided one at a time inside the push transaction, like every plan mutation (plan-context.ts): the
 * checks in the contract's order — role → not found → area → an id or content already there
 * (applied, unchanged) → locked → wrong state — each refusal thrown before anything is written, then
 * ONE version for the row written. The rules are the shared ones (domain/monitoring-rules.ts), so the
 * device refuses the same things; the frozen content is domain/snapshot-figures.ts `freezePlan`.
 *
 * - snapshot.take freezes the plan's objectives and phases as this transaction reads them: the
 *   progress mutations earlier in the same push are already written (push.ts flushes its run before
 *   a plan mutation), later ones and every later amendment never reach the row. `takenAt` is when the
 *   server applied it, `asOf` the day the client chose: a snapshot taken offline on 30 June and synced
 *   on 3 July keeps both. Idempotent by snapshotId: a replay (any content) changes nothing.
 * - monitoring.setReport writes `<snapshotId>:<objectiveId>` (last write wins); the same content
 *   again changes nothing, so a retry after the round's close or the plan's close still answers
 *   applied.
 * - snapshot.closeRound stamps the snapshot's round closed (its only change after the take); a second
 *   close changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import {
  closeRoundGate,
  mayCloseRound,
  mayReportInArea,
  mayTakeSnapshot,
  mayWriteReports,
  reportGate,
  sameReport,
  snapshotGate,
  type MonitoringGate,
} from '../../domain/monitoring-rules.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_UNITS } from '../../domain/plan.ts';
import { freezePlan, type FigureObjective, type FreezablePhase } from '../../domain/snapshot-figures.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { monitoringReportId } from '../../shared/rows.ts';
import { area, monitoringReport, objective, phase, plan, snapshot } from '../db/schema.ts';
import type { MessageParams } from '../messages.ts';
import {
  asPlanStatus,
  findObjective,
  findPlan,
  takeVersion,
  UNCHANGED,
  type PlanCtx,
  type PlanOutcome,
} from './plan-context.ts';
import { Rejection } from './rejection.ts';

function pass(gate: MonitoringGate, params: MessageParams = {}): void {
  if (!gate.ok) throw new Rejection(gate.code, gate.key, params);
}

/** A value read from a text column, narrowed to its domain union (a stray value reads as the first). */
function oneOf<T extends string>(values: readonly T[], value: string | null): T {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : (values[0] as T);
}

/** The plan's objectives and phases as the server holds them now (tombstones left out). */
async function livePlan(
  ctx: PlanCtx,
  planId: string,
): Promise<{ objectives: FigureObjective[]; phases: FreezablePhase[] }> {
  const objectives = await ctx.tx
    .select({
      id: objective.id,
      areaId: objective.areaId,
      state: objective.state,
      head: objective.weightHead,
      giunta: objective.weightGiunta,
      nucleo: objective.weightNucleo,
    })
    .from(objective)
    .innerJoin(area, eq(area.id, objective.areaId))
    .where(and(eq(area.planId, planId), eq(area.deleted, false), eq(objective.deleted, false)));
  const phases = await ctx.tx
    .select({
      id: phase.id,
      objectiveId: phase.objectiveId,
      status: phase.status,
      percent: phase.percent,
      weight: phase.weight,
      weightUnit: phase.weightUnit,
      deadline: phase.deadline,
      removed: phase.removed,
    })
    .from(phase)
    .innerJoin(objective, eq(objective.id, phase.objectiveId))
    .innerJoin(area, eq(area.id, objective.areaId))
    .where(
      and(
        eq(area.planId, planId),
        eq(area.deleted, false),
        eq(objective.deleted, false),
        eq(phase.deleted, false),
      ),
    );
  return {
    objectives: objectives.map((o) => ({
      id: o.id,
      areaId: o.areaId,
      state: oneOf(OBJECTIVE_STATES, o.state),
      weights: { head: o.head, giunta: o.giunta, nucleo: o.nucleo },
    })),
    phases: phases.map((p) => ({
      ...p,
      status: oneOf(PHASE_STATUSES, p.status),
      weightUnit: p.weightUnit === null ? null : oneOf(WEIGHT_UNITS, p.weightUnit),
    })),
  };
}

export async function takeSnapshot(
  ctx: PlanCtx,
  args: PlanMutationArgs['snapshot.take'],
): Promise<PlanOutcome> {
  if (!mayTakeSnapshot(ctx.user.role)) throw new Rejection('forbidden', 'snapshot_forbidden');
  const planRow = await findPlan(ctx, args.planId);
  if (!planRow) throw new Rejection('not_found', 'plan_not_found');
  // Any ente: the id is the table's key, so a replay must not try to insert it again.
  const [taken] = await ctx.tx
    .select({ id: snapshot.id })
    .from(snapshot)
    .where(eq(snapshot.id, args.snapshotId))
    .limit(1);
  if (taken) return UNCHANGED;
  pass(snapshotGate(asPlanStatus(planRow.status)));
  const live = await livePlan(ctx, planRow.id);
  const frozen = freezePlan(live.objectives, live.phases);
  const version = await takeVersion(ctx);
  await ctx.tx.insert(snapshot).values({
    id: args.snapshotId,
    enteId: ctx.user.enteId,
    planId: planRow.id,
    asOf: args.asOf,
    label: args.label,
    takenAt: ctx.now,
    takenBy: ctx.user.id,
    phases: [...frozen.phases],
    objectives: [...frozen.objectives],
    roundClosedAt: null,
    roundClosedBy: null,
    version,
  });
  return { version };
}

interface FoundSnapshot {
  id: string;
  planId: string;
  label: string;
  roundClosedAt: Date | null;
  planStatus: string;
}

/** The user's ente's snapshot (without its frozen arrays) and its plan's status, or not_found. */
async function findSnapshot(ctx: PlanCtx, snapshotId: string): Promise<FoundSnapshot> {
  const [row] = await ctx.tx
    .select({
      id: snapshot.id,
      planId: snapshot.planId,
      label: snapshot.label,
      roundClosedAt: snapshot.roundClosedAt,
      planStatus: plan.status,
    })
    .from(snapshot)
    .innerJoin(plan, eq(plan.id, snapshot.planId))
    .where(
      and(eq(snapshot.id, snapshotId), eq(snapshot.enteId, ctx.user.enteId), eq(snapshot.deleted, false)),
    );
  if (!row) throw new Rejection('not_found', 'snapshot_not_found');
  return row;
}

export async function setMonitoringReport(
  ctx: PlanCtx,
  args: PlanMutationArgs['monitoring.setReport'],
): Promise<PlanOutcome> {
  if (!mayWriteReports(ctx.user.role)) throw new Rejection('forbidden', 'report_forbidden');
  const found = await findSnapshot(ctx, args.snapshotId);
  const target = await findObjective(ctx, args.objectiveId);
  if (!target) throw new Rejection('not_found', 'objective_not_found');
  if (target.plan.id !== found.planId) throw new Rejection('invalid', 'objective_not_of_snapshot');
  if (!mayReportInArea(ctx.user, target.objective.areaId)) throw new Rejection('forbidden', 'area_forbidden');
  const id = monitoringReportId(found.id, target.objective.id);
  const content = { done: args.done, issues: args.issues, reachable: args.reachable, action: args.action };
  const [existing] = await ctx.tx
    .select({
      done: monitoringReport.done,
      issues: monitoringReport.issues,
      reachable: monitoringReport.reachable,
      action: monitoringReport.action,
    })
    .from(monitoringReport)
    .where(eq(monitoringReport.id, id));
  if (existing && sameReport(existing, content)) return UNCHANGED;
  pass(reportGate(asPlanStatus(target.plan.status), found.roundClosedAt !== null), {
    label: found.label,
  });
  const version = await takeVersion(ctx);
  const written = {
    ...content,
    userId: ctx.user.id,
    updatedAt: ctx.now,
    areaId: target.objective.areaId,
    version,
  };
  await ctx.tx
    .insert(monitoringReport)
    .values({
      id,
      enteId: ctx.user.enteId,
      snapshotId: found.id,
      planId: found.planId,
      objectiveId: target.objective.id,
      ...written,
    })
    .onConflictDoUpdate({ target: monitoringReport.id, set: written });
  return { version, before: existing ? { ...existing } : null };
}

export async function closeMonitoringRound(
  ctx: PlanCtx,
  args: PlanMutationArgs['snapshot.closeRound'],
): Promise<PlanOutcome> {
  if (!mayCloseRound(ctx.user.role)) throw new Rejection('forbidden', 'round_close_forbidden');
  const found = await findSnapshot(ctx, args.snapshotId);
  if (found.roundClosedAt !== null) return UNCHANGED;
  pass(closeRoundGate(asPlanStatus(found.planStatus)));
  const version = await takeVersion(ctx);
  await ctx.tx
    .update(snapshot)
    .set({ roundClosedAt: ctx.now, roundClosedBy: ctx.user.id, version })
    .where(eq(snapshot.id, found.id));
  return { version, before: { roundClosedAt: null } };
}
