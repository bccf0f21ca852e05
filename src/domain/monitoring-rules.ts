/**
 * The rules of mid-year monitoring (protocol Part 2 "Monitoring snapshot" and this server's
 * extensions), shared by the server's deciders and the device's optimistic applier so both refuse
 * the same things with the same reason:
 * - a snapshot is taken by an admin or the evaluator, of an approved plan (a draft has nothing to
 *   monitor yet; a closed plan is locked);
 * - a monitoring report on an objective is written by the head of the objective's area or an
 *   admin, while the plan is open and the snapshot's round is open;
 * - a round is closed by an admin, once (closing it again changes nothing).
 * Roles are the wire's role names (shared/auth.ts), repeated here because the domain imports nothing.
 */
import type { PlanStatus } from './plan-structure.ts';

export type MonitoringRole = 'admin' | 'head' | 'officer' | 'evaluator' | 'viewer';

export type MonitoringRefusal = {
  ok: false;
  code: 'locked' | 'illegal_transition';
  key: 'plan_locked' | 'snapshot_plan_draft' | 'monitoring_round_closed';
};
export type MonitoringGate = { ok: true } | MonitoringRefusal;

const OK: MonitoringGate = { ok: true };
const LOCKED: MonitoringRefusal = { ok: false, code: 'locked', key: 'plan_locked' };
const DRAFT: MonitoringRefusal = { ok: false, code: 'illegal_transition', key: 'snapshot_plan_draft' };

export function mayTakeSnapshot(role: MonitoringRole): boolean {
  return role === 'admin' || role === 'evaluator';
}

export function mayCloseRound(role: MonitoringRole): boolean {
  return role === 'admin';
}

/** The role check of a report (before the snapshot and objective are looked up). */
export function mayWriteReports(role: MonitoringRole): boolean {
  return role === 'admin' || role === 'head';
}

/** The area check of a report, once the objective is found: an admin anywhere, a head in their areas. */
export function mayReportInArea(
  user: { role: MonitoringRole; areaIds: readonly string[] },
  areaId: string,
): boolean {
  return user.role === 'admin' || (user.role === 'head' && user.areaIds.includes(areaId));
}

/** snapshot.take: only an approved plan is monitored. */
export function snapshotGate(status: PlanStatus): MonitoringGate {
  if (status === 'closed') return LOCKED;
  if (status === 'draft') return DRAFT;
  return OK;
}

/** monitoring.setReport: the plan open (locked first, as everywhere), then the round open. */
export function reportGate(status: PlanStatus, roundClosed: boolean): MonitoringGate {
  if (status === 'closed') return LOCKED;
  if (status === 'draft') return DRAFT;
  if (roundClosed) return { ok: false, code: 'illegal_transition', key: 'monitoring_round_closed' };
  return OK;
}

/** snapshot.closeRound on a round still open (an already closed one is applied, unchanged, before). */
export function closeRoundGate(status: PlanStatus): MonitoringGate {
  return status === 'closed' ? LOCKED : OK;
}

/** What a head writes per objective for a round (its id is `<snapshotId>:<objectiveId>`). */
export interface ReportContent {
  done: string;
  issues: string;
  /** Reachable by 31/12; null: not said. */
  reachable: boolean | null;
  action: string;
}

/** Whether a report would change nothing: the same content again is applied, unchanged. */
export function sameReport(a: ReportContent, b: ReportContent): boolean {
  return a.done === b.done && a.issues === b.issues && a.reachable === b.reachable && a.action === b.action;
}
