import { useLiveQuery } from 'dexie-react-hooks';
import type {
  AmendmentRecord,
  AreaRecord,
  ObjectiveRecord,
  PhaseRecord,
  PlanRecord,
} from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import { rowsOfKeys } from '../../../db/rows-of-keys.ts';

export interface AmendmentView {
  amendment: AmendmentRecord;
  /** Written on this device and not yet acknowledged by the server. */
  pending: boolean;
}

export interface AmendmentsData {
  plan: PlanRecord;
  amendments: AmendmentView[];
  areas: Map<string, AreaRecord>;
  objectives: Map<string, ObjectiveRecord>;
  phases: Map<string, PhaseRecord>;
  users: Map<string, string>;
}

/**
 * A local amendment row (plan-changes.ts writes one with each queued change) is pending until a pull
 * replaces it with the server's: it has version 0 or says `pending`.
 */
function isPending(a: AmendmentRecord): boolean {
  return a.version === 0 || (a as AmendmentRecord & { pending?: boolean }).pending === true;
}

/**
 * The amendments of a plan (or of one objective and its phases), newest first, with what is needed to
 * name what they changed and who made them; live, from the device. Undefined while loading, null
 * when the plan is not on the device.
 */
export function useAmendments(
  scope: { planId: string } | { objectiveId: string },
): AmendmentsData | null | undefined {
  const db = useDb();
  const key = 'planId' in scope ? `p:${scope.planId}` : `o:${scope.objectiveId}`;
  return useLiveQuery(async () => {
    let planId: string;
    if ('planId' in scope) planId = scope.planId;
    else {
      const objective = await db.objectives.get(scope.objectiveId);
      const area = objective ? await db.areas.get(objective.areaId) : undefined;
      if (!area) return null;
      planId = area.planId;
    }
    const plan = await db.plans.get(planId);
    if (!plan) return null;
    const [rows, areas, users] = await Promise.all([
      db.amendments.where('planId').equals(planId).toArray(),
      db.areas.where('planId').equals(planId).toArray(),
      db.users.toArray(),
    ]);
    const areaIds = areas.map((a) => a.id);
    const [objectives, phases] = await Promise.all([
      rowsOfKeys(db.objectives, 'areaId', areaIds),
      rowsOfKeys(db.phases, 'areaId', areaIds),
    ]);
    const inScope =
      'objectiveId' in scope
        ? rows.filter((a) => a.objectiveId === scope.objectiveId || a.entityId === scope.objectiveId)
        : rows;
    inScope.sort((a, b) =>
      a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
    );
    return {
      plan,
      amendments: inScope.map((amendment) => ({ amendment, pending: isPending(amendment) })),
      areas: new Map(areas.map((a) => [a.id, a])),
      objectives: new Map(objectives.map((o) => [o.id, o])),
      phases: new Map(phases.map((p) => [p.id, p])),
      users: new Map(users.map((u) => [u.id, u.displayName])),
    };
    // `key` stands for the scope object, which is new on every render.
  }, [db, key]);
}
