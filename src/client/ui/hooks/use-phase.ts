import { useLiveQuery } from 'dexie-react-hooks';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

export interface PhaseData {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
  area: AreaRecord | undefined;
  /** The phase's own plan (its as-of day is the page's day: plan-choice/choose-plan.ts). */
  plan: PlanRecord | undefined;
}

/** A phase with its objective and area; null when not on the device, undefined while loading. */
export function usePhase(id: string): PhaseData | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const phase = await db.phases.get(id);
    if (!phase) return null;
    const [objective, area] = await Promise.all([
      db.objectives.get(phase.objectiveId),
      db.areas.get(phase.areaId),
    ]);
    const plan = area ? await db.plans.get(area.planId) : undefined;
    return { phase, objective, area, plan };
  }, [db, id]);
}
