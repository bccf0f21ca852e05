import { useLiveQuery } from 'dexie-react-hooks';
import { objectiveCounts } from '../../../../domain/plan-structure.ts';
import type { AreaRecord, ObjectiveRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';

export interface RolloverArea {
  area: AreaRecord;
  /** By number; `carried` is false for a removed or replaced objective (the server skips those). */
  objectives: { objective: ObjectiveRecord; carried: boolean }[];
}

const collator = new Intl.Collator('it', { numeric: true });

/**
 * The plan's areas in order, each with its objectives by number, read live from the device: what
 * the rollover form offers. Undefined while loading.
 */
export function useRolloverChoices(planId: string): RolloverArea[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const areas = await db.areas.where('planId').equals(planId).sortBy('position');
    const objectives = await db.objectives
      .where('areaId')
      .anyOf(areas.map((a) => a.id))
      .toArray();
    objectives.sort((a, b) => collator.compare(a.number, b.number));
    return areas.map((area) => ({
      area,
      objectives: objectives
        .filter((o) => o.areaId === area.id)
        .map((objective) => ({ objective, carried: objectiveCounts(objective.state) })),
    }));
  }, [db, planId]);
}
