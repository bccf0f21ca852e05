import { useLiveQuery } from 'dexie-react-hooks';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../db/schema.ts';
import { readDataVersion } from './read-data-version.ts';
import { useDb } from './use-db.ts';

export interface PlanData {
  enteName: string | null;
  plan: PlanRecord | null;
  /** In the plan's order. */
  areas: AreaRecord[];
  objectives: ObjectiveRecord[];
  phases: PhaseRecord[];
  /** The last day of the plan's last year: when a phase without a deadline is due. */
  planEnd: string;
  /** The fingerprint of the rows read (read-data-version.ts); null if they changed while read. */
  version: string | null;
}

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator('it', { numeric: true });

function byNumber(a: { number: string }, b: { number: string }): number {
  return collator.compare(a.number, b.number);
}

/**
 * The whole plan as it stands on the device (the newest plan of the ente when there are several);
 * undefined while loading or when `enabled` is false. Re-renders on every local or pulled change.
 */
export function usePlanData(enabled = true): PlanData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!enabled) return undefined;
    // The rows are read in separate transactions, which IndexedDB serves in parallel (one
    // transaction would serve them one after another); the fingerprint read before and after tells
    // whether they all describe one state (every row write changes it in the same transaction).
    const before = await readDataVersion(db);
    // The device holds one ente, usually one plan: reading whole tables (IDBObjectStore.getAll)
    // and filtering here is several times faster than index cursors over the plan's areas.
    const [ente, plans, allAreas, allObjectives, allPhases] = await Promise.all([
      db.ente.toCollection().first(),
      db.plans.toArray(),
      db.areas.toArray(),
      db.objectives.toArray(),
      db.phases.toArray(),
    ]);
    const after = await readDataVersion(db);
    const plan = plans.sort((a, b) => Math.max(...b.years) - Math.max(...a.years))[0] ?? null;
    const areas = allAreas.filter((a) => a.planId === plan?.id).sort((a, b) => a.position - b.position);
    const inPlan = new Set(areas.map((a) => a.id));
    const objectives = allObjectives.filter((o) => inPlan.has(o.areaId));
    const phases = allPhases.filter((p) => inPlan.has(p.areaId));
    objectives.sort(byNumber);
    phases.sort((a, b) => a.number - b.number);
    const lastYear = plan && plan.years.length > 0 ? Math.max(...plan.years) : new Date().getFullYear();
    return {
      enteName: ente?.name ?? null,
      plan,
      areas,
      objectives,
      phases,
      planEnd: `${lastYear}-12-31`,
      version: before === after ? before : null,
    };
  }, [db, enabled]);
}
