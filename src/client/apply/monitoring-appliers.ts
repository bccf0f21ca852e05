/**
 * The device's side of snapshot.take, monitoring.setReport and snapshot.closeRound, as the server
 * decides them (server/sync/snapshot-mutations.ts), with the same rules (domain/monitoring-rules.ts)
 * and message keys, in the contract's order: role → not found → area → an id or content already
 * there (applied, nothing changes) → locked → wrong state.
 *
 * A snapshot taken here is written `pending` with NO frozen rows: the freeze is the server's (it
 * reads the plan as its push transaction has written it), so figures computed from this device's
 * copy could differ from it. The page shows it as waiting for sync until the pull brings the
 * server's row, with the same id, which replaces it.
 *
 * Pure (see plan-mutation.ts): the mutation's clientTime stands for the server's "now".
 */
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
  type MonitoringRole,
} from '../../domain/monitoring-rules.ts';
import { monitoringReportId } from '../../shared/rows.ts';
import type { MonitoringReportRecord, SnapshotRecord } from '../db/schema.ts';
import {
  areaWithPlan,
  PlanRefusal,
  planStatus,
  type ApplyCtx,
  type Handler,
  type PlanRefusalKey,
} from './plan-apply-context.ts';

/** The amender's role as the rules name it (an unknown role may do nothing a rule allows). */
function roleOf(ctx: ApplyCtx): MonitoringRole | null {
  const role = ctx.amender?.role;
  return role === 'admin' ||
    role === 'head' ||
    role === 'officer' ||
    role === 'evaluator' ||
    role === 'viewer'
    ? role
    : null;
}

/** The role check; with no amender (a rebase replaying the session's own change) it passes. */
function requireRole(ctx: ApplyCtx, allowed: (role: MonitoringRole) => boolean, key: PlanRefusalKey): void {
  if (!ctx.amender) return;
  const role = roleOf(ctx);
  if (role === null || !allowed(role)) throw new PlanRefusal('forbidden', key);
}

function pass(gate: MonitoringGate, params: Record<string, string | number> = {}): void {
  if (!gate.ok) throw new PlanRefusal(gate.code, gate.key, params);
}

function findSnapshot(ctx: ApplyCtx, id: string): SnapshotRecord {
  const found = ctx.set.snapshots.get(id);
  if (!found) throw new PlanRefusal('not_found', 'snapshot_not_found');
  return found;
}

const take: Handler<'snapshot.take'> = (ctx, args) => {
  requireRole(ctx, mayTakeSnapshot, 'snapshot_forbidden');
  const plan = ctx.set.plans.get(args.planId);
  if (!plan) throw new PlanRefusal('not_found', 'plan_not_found');
  // Idempotent by id, whatever the content (as on the server).
  if (ctx.set.snapshots.has(args.snapshotId)) return [];
  pass(snapshotGate(planStatus(plan)));
  const row: SnapshotRecord = {
    id: args.snapshotId,
    version: 0,
    planId: plan.id,
    asOf: args.asOf,
    label: args.label.trim(),
    takenAt: ctx.m.clientTime,
    takenBy: ctx.userId,
    phases: [],
    objectives: [],
    roundClosedAt: null,
    roundClosedBy: null,
    pending: true,
  };
  return [{ table: 'snapshots', id: row.id, row }];
};

const setReport: Handler<'monitoring.setReport'> = (ctx, args) => {
  requireRole(ctx, mayWriteReports, 'report_forbidden');
  const snapshot = findSnapshot(ctx, args.snapshotId);
  const objective = ctx.set.objectives.get(args.objectiveId);
  const found = objective ? areaWithPlan(ctx, objective.areaId) : null;
  if (!objective || !found) throw new PlanRefusal('not_found', 'objective_not_found');
  if (found.plan.id !== snapshot.planId) throw new PlanRefusal('invalid', 'objective_not_of_snapshot');
  const amender = ctx.amender;
  const role = roleOf(ctx);
  if (amender && (role === null || !mayReportInArea({ role, areaIds: amender.areaIds }, objective.areaId)))
    throw new PlanRefusal('forbidden', 'area_forbidden');
  const id = monitoringReportId(snapshot.id, objective.id);
  const content = { done: args.done, issues: args.issues, reachable: args.reachable, action: args.action };
  const current = ctx.set.monitoringReports.get(id);
  if (current && sameReport(current, content)) return [];
  pass(reportGate(planStatus(found.plan), snapshot.roundClosedAt != null), { label: snapshot.label });
  const row: MonitoringReportRecord = {
    id,
    version: current?.version ?? 0,
    snapshotId: snapshot.id,
    planId: snapshot.planId,
    objectiveId: objective.id,
    areaId: objective.areaId,
    ...content,
    userId: ctx.userId,
    updatedAt: ctx.m.clientTime,
  };
  return [{ table: 'monitoringReports', id, row }];
};

const closeRound: Handler<'snapshot.closeRound'> = (ctx, args) => {
  requireRole(ctx, mayCloseRound, 'round_close_forbidden');
  const snapshot = findSnapshot(ctx, args.snapshotId);
  if (snapshot.roundClosedAt != null) return [];
  const plan = ctx.set.plans.get(snapshot.planId);
  // The device holds a snapshot's plan; without it the server decides (no optimistic effect).
  if (!plan) return [];
  pass(closeRoundGate(planStatus(plan)));
  const row: SnapshotRecord = { ...snapshot, roundClosedAt: ctx.m.clientTime, roundClosedBy: ctx.userId };
  return [{ table: 'snapshots', id: row.id, row }];
};

export const monitoringHandlers: {
  'snapshot.take': Handler<'snapshot.take'>;
  'monitoring.setReport': Handler<'monitoring.setReport'>;
  'snapshot.closeRound': Handler<'snapshot.closeRound'>;
} = {
  'snapshot.take': take,
  'monitoring.setReport': setReport,
  'snapshot.closeRound': closeRound,
};
