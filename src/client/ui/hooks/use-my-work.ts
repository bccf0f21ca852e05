import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { dueSoonPhases, latePhases, phaseCounts, type PhaseCounts } from '../../../domain/deadlines.ts';
import { objectiveAcceptsProgress } from '../../../domain/phase-transitions.ts';
import type { SessionUser } from '../../../shared/auth.ts';
import type { ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { worksOnOwnAreas } from '../permissions.ts';
import { useDb } from './use-db.ts';
import { rowsOfKeys } from '../../db/rows-of-keys.ts';

export interface WorkItem {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
}

export interface MyWork {
  late: WorkItem[];
  dueSoon: WorkItem[];
  inProgress: WorkItem[];
  /** The phases in scope that take progress, by bucket (the year-closed notice counts them). */
  counts: PhaseCounts;
  /** False until the first pull has brought the plan to the device. */
  hasPlan: boolean;
}

export const DUE_SOON_DAYS = 14;

/**
 * The user's phases in the selected plan (`planAreaIds`, use-selected-plan.ts; heads and officers:
 * their areas of it; everyone else: all of it) that are late, due in the next 14 days, or in
 * progress as of `today` (the plan's as-of day) — each phase in the first list it belongs to. Phases
 * of removed or replaced objectives are left out: they take no more progress. Undefined while the
 * selection or the rows load.
 */
export function useMyWork(
  user: SessionUser,
  today: string | undefined,
  planAreaIds: ReadonlySet<string> | undefined,
): MyWork | undefined {
  const db = useDb();
  const own = worksOnOwnAreas(user);
  // A string key, so the live query re-runs when the set's content changes, not its identity.
  const areaKey = planAreaIds
    ? [...planAreaIds].filter((id) => !own || user.areaIds.includes(id)).join(',')
    : undefined;
  const data = useLiveQuery(async () => {
    if (areaKey === undefined) return undefined;
    const areaIds = areaKey ? areaKey.split(',') : [];
    const [phases, objectives] = await Promise.all([
      rowsOfKeys(db.phases, 'areaId', areaIds),
      rowsOfKeys(db.objectives, 'areaId', areaIds),
    ]);
    return { phases, objectives, hasPlan: (await db.plans.count()) > 0 };
  }, [db, areaKey]);
  return useMemo(() => {
    if (!data || today === undefined) return undefined;
    const objectiveOf = new Map(data.objectives.map((o) => [o.id, o]));
    const open = data.phases.filter((p) => {
      const objective = objectiveOf.get(p.objectiveId);
      return !objective || objectiveAcceptsProgress(objective.state);
    });
    const item = (phase: PhaseRecord): WorkItem => ({ phase, objective: objectiveOf.get(phase.objectiveId) });
    const late = latePhases(open, today);
    const seen = new Set(late.map((p) => p.id));
    const dueSoon = dueSoonPhases(open, today, DUE_SOON_DAYS).filter((p) => !seen.has(p.id));
    for (const p of dueSoon) seen.add(p.id);
    const inProgress = open
      .filter((p) => p.status === 'in_progress' && !seen.has(p.id))
      .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.number - b.number);
    return {
      late: late.map(item),
      dueSoon: dueSoon.map(item),
      inProgress: inProgress.map(item),
      counts: phaseCounts(open, today),
      hasPlan: data.hasPlan,
    };
  }, [data, today]);
}
