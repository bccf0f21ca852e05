import { useLiveQuery } from 'dexie-react-hooks';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../db/schema.ts';
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
}

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator('it', { numeric: true });

function byNumber(a: { number: string }, b: { number: string }): number {
  return collator.compare(a.number, b.number);
}

/**
 * The whole plan as it stands on the device (the newest plan of the ente when there are several);
 * undefined while loading. Re-renders on every local or pulled change.
 */
export function usePlanData(): PlanData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [ente, plans] = await Promise.all([db.ente.toCollection().first(), db.plans.toArray()]);
    const plan = plans.sort((a, b) => Math.max(...b.years) - Math.max(...a.years))[0] ?? null;
    const areas = plan ? await db.areas.where('planId').equals(plan.id).sortBy('position') : [];
    // The device holds one ente, usually one plan: reading whole tables (IDBObjectStore.getAll) and
    // filtering here is several times faster than an index cursor over the plan's areas.
    const inPlan = new Set(areas.map((a) => a.id));
    const [allObjectives, allPhases] = await Promise.all([db.objectives.toArray(), db.phases.toArray()]);
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
    };
  }, [db]);
}
