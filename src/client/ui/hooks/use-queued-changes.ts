import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AreaRecord,
  ObjectiveRecord,
  OutboxEntry,
  PhaseRecord,
  PlanRecord,
  RejectedEntry,
} from '../../db/schema.ts';
import { useDb } from './use-db.ts';

export interface QueuedChanges {
  pending: OutboxEntry[];
  rejected: RejectedEntry[];
  phases: Map<string, PhaseRecord>;
  objectives: Map<string, ObjectiveRecord>;
  /** The areas and plans that plan changes name. */
  areas: Map<string, AreaRecord>;
  plans: Map<string, PlanRecord>;
}

function referencedIds(args: unknown, key: 'phaseId' | 'objectiveId' | 'areaId' | 'planId'): string[] {
  if (typeof args !== 'object' || args === null) return [];
  const value: unknown = Object.getOwnPropertyDescriptor(args, key)?.value;
  return typeof value === 'string' ? [value] : [];
}

/**
 * The outbox (changes waiting, oldest first) and the changes the server rejected (newest first), with
 * the phases and objectives they name so the page can describe them in words.
 */
export function useQueuedChanges(): QueuedChanges | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [pending, rejected] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      db.rejected.toArray(),
    ]);
    rejected.sort((a, b) => b.rejectedAt.localeCompare(a.rejectedAt));
    const all = [...pending, ...rejected];
    const phaseIds = [...new Set(all.flatMap((m) => referencedIds(m.args, 'phaseId')))];
    const phases = (await db.phases.bulkGet(phaseIds)).filter((p): p is PhaseRecord => p !== undefined);
    const objectiveIds = [
      ...new Set([
        ...all.flatMap((m) => referencedIds(m.args, 'objectiveId')),
        ...phases.map((p) => p.objectiveId),
      ]),
    ];
    const objectives = (await db.objectives.bulkGet(objectiveIds)).filter(
      (o): o is ObjectiveRecord => o !== undefined,
    );
    const areaIds = [...new Set(all.flatMap((m) => referencedIds(m.args, 'areaId')))];
    const areas = (await db.areas.bulkGet(areaIds)).filter((a): a is AreaRecord => a !== undefined);
    const planIds = [...new Set(all.flatMap((m) => referencedIds(m.args, 'planId')))];
    const plans = (await db.plans.bulkGet(planIds)).filter((p): p is PlanRecord => p !== undefined);
    return {
      pending,
      rejected,
      phases: new Map(phases.map((p) => [p.id, p])),
      objectives: new Map(objectives.map((o) => [o.id, o])),
      areas: new Map(areas.map((a) => [a.id, a])),
      plans: new Map(plans.map((p) => [p.id, p])),
    };
  }, [db]);
}
