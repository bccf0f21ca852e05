import { useLiveQuery } from 'dexie-react-hooks';
import type { ObjectiveFact } from '../../../db/facts.ts';
import type { AreaRecord, PlanRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';

export interface PlanScoreRows {
  plan: PlanRecord;
  areas: AreaRecord[];
  /** The plan's objectives as their progress facts (state, weights, number: what scores read). */
  objectives: ObjectiveFact[];
  achievements: Map<string, number | null>;
}

/**
 * What the Nucleo's scores of a plan are computed from, as the device holds it (the server sends
 * each user the evaluations they may see). Live; undefined while loading, null without the plan.
 */
export function usePlanScoreRows(planId: string | null | undefined): PlanScoreRows | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!planId) return null;
    const plan = await db.plans.get(planId);
    if (!plan) return null;
    const [areas, evaluations] = await Promise.all([
      db.areas.where('planId').equals(planId).sortBy('position'),
      db.evaluations.where('planId').equals(planId).toArray(),
    ]);
    const objectives = await db.objectiveFacts
      .where('areaId')
      .anyOf(areas.map((a) => a.id))
      .toArray();
    return {
      plan,
      areas,
      objectives,
      achievements: new Map(evaluations.map((e) => [e.objectiveId, e.percent])),
    };
  }, [db, planId]);
}
