import { useLiveQuery } from 'dexie-react-hooks';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import type { PlanStatus } from './amend-rules.ts';
import { rowsOfKeys } from '../../../db/rows-of-keys.ts';

export interface PlanOfArea {
  plan: PlanRecord;
  status: PlanStatus;
  /** The plan's performance year (deadlines fall in it); null on rows from before protocol v2. */
  year: number | null;
  headsMayAmend: boolean;
  areas: AreaRecord[];
  /** Every objective and phase of the plan's areas, so forms check numbers against all of them. */
  objectives: ObjectiveRecord[];
  phases: PhaseRecord[];
}

/**
 * The plan an area belongs to, with what the editing forms check against. Read from the device's
 * rows (live), so it works offline and follows optimistic changes at once. Undefined while loading,
 * null when the area or its plan is not on the device.
 */
export function usePlanOfArea(areaId: string | null): PlanOfArea | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (areaId === null) return null;
    const area = await db.areas.get(areaId);
    const plan = area ? await db.plans.get(area.planId) : undefined;
    if (!plan) return null;
    const [areas, ente] = await Promise.all([
      db.areas.where('planId').equals(plan.id).sortBy('position'),
      db.ente.toCollection().first(),
    ]);
    const areaIds = areas.map((a) => a.id);
    const [objectives, phases] = await Promise.all([
      rowsOfKeys(db.objectives, 'areaId', areaIds),
      rowsOfKeys(db.phases, 'areaId', areaIds),
    ]);
    return {
      plan,
      status: plan.status ?? 'approved',
      year: plan.year ?? (plan.years.length > 0 ? Math.max(...plan.years) : null),
      headsMayAmend: ente?.settings?.headsMayAmend ?? false,
      areas,
      objectives,
      phases,
    };
  }, [db, areaId]);
}
