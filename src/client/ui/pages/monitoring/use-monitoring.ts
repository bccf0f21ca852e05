import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AreaRecord,
  MonitoringReportRecord,
  ObjectiveRecord,
  PhaseRecord,
  PlanRecord,
  SnapshotRecord,
} from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import { rowsOfKeys } from '../../../db/rows-of-keys.ts';

/** The last day of the plan's last year: when a phase without a deadline is due (as the dashboard). */
export function planEndOf(plan: Pick<PlanRecord, 'years' | 'year'>): string {
  const years = plan.years.length > 0 ? plan.years : [plan.year ?? new Date().getFullYear()];
  return `${Math.max(...years)}-12-31`;
}

/** Newest first: by the snapshot's date, then by when it was taken, then by id (stable). */
export function newestFirst(a: SnapshotRecord, b: SnapshotRecord): number {
  if (a.asOf !== b.asOf) return a.asOf < b.asOf ? 1 : -1;
  if (a.takenAt !== b.takenAt) return a.takenAt < b.takenAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface PlanSnapshots {
  plan: PlanRecord;
  snapshots: SnapshotRecord[];
}

/** A plan and its snapshots on the device, newest first. Live; undefined while loading, null without the plan. */
export function usePlanSnapshots(planId: string): PlanSnapshots | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const plan = await db.plans.get(planId);
    if (!plan) return null;
    const snapshots = await db.snapshots.where('planId').equals(planId).toArray();
    return { plan, snapshots: snapshots.sort(newestFirst) };
  }, [db, planId]);
}

export interface SnapshotData {
  plan: PlanRecord;
  snapshot: SnapshotRecord;
  /** The plan's areas in its order (names, and the order of the report). */
  areas: AreaRecord[];
  /** The live objectives and phases: only their numbers and titles are read, never their figures. */
  objectives: Map<string, ObjectiveRecord>;
  phases: Map<string, PhaseRecord>;
  /** The heads' reports of this round by objective id. */
  reports: Map<string, MonitoringReportRecord>;
  /** The objectives whose report was changed on this device and waits to be sent. */
  pendingReports: Set<string>;
}

/**
 * A snapshot with what its report names (live; undefined while loading, null when the plan or the
 * snapshot is not on the device, or the snapshot is of another plan).
 */
export function useSnapshot(planId: string, snapshotId: string): SnapshotData | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [plan, snapshot] = await Promise.all([db.plans.get(planId), db.snapshots.get(snapshotId)]);
    if (!plan || !snapshot || snapshot.planId !== planId) return null;
    const areas = await db.areas.where('planId').equals(planId).sortBy('position');
    const areaIds = areas.map((a) => a.id);
    const [objectives, phases, reports] = await Promise.all([
      rowsOfKeys(db.objectives, 'areaId', areaIds),
      rowsOfKeys(db.phases, 'areaId', areaIds),
      db.monitoringReports.where('snapshotId').equals(snapshotId).toArray(),
    ]);
    // A base is kept while a local change waits (db/change-transaction.ts), as for evaluations.
    const bases = await db.bases.bulkGet(reports.map((r) => `monitoringReports:${r.id}`));
    const pendingIds = new Set(bases.flatMap((b) => (b ? [b.key.slice('monitoringReports:'.length)] : [])));
    return {
      plan,
      snapshot,
      areas,
      objectives: new Map(objectives.map((o) => [o.id, o])),
      phases: new Map(phases.map((p) => [p.id, p])),
      reports: new Map(reports.map((r) => [r.objectiveId, r])),
      pendingReports: new Set(reports.filter((r) => pendingIds.has(r.id)).map((r) => r.objectiveId)),
    };
  }, [db, planId, snapshotId]);
}
