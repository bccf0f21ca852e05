import { useLiveQuery } from 'dexie-react-hooks';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

export interface ObjectiveData {
  objective: ObjectiveRecord;
  area: AreaRecord | undefined;
  phases: PhaseRecord[];
  /** The objective's own plan (its as-of day is the page's day: plan-choice/choose-plan.ts). */
  plan: PlanRecord | undefined;
  planEnd: string;
}

/** An objective with its area and phases (by number); null when not on the device, undefined while loading. */
export function useObjective(id: string): ObjectiveData | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const objective = await db.objectives.get(id);
    if (!objective) return null;
    const [area, phases] = await Promise.all([
      db.areas.get(objective.areaId),
      db.phases.where('objectiveId').equals(id).sortBy('number'),
    ]);
    const plan = area ? await db.plans.get(area.planId) : undefined;
    const lastYear = plan && plan.years.length > 0 ? Math.max(...plan.years) : new Date().getFullYear();
    return { objective, area, phases, plan, planEnd: `${lastYear}-12-31` };
  }, [db, id]);
}
