import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { dueSoonPhases, latePhases } from '../../../domain/deadlines.ts';
import { objectiveAcceptsProgress } from '../../../domain/phase-transitions.ts';
import type { SessionUser } from '../../../shared/auth.ts';
import type { ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { worksOnOwnAreas } from '../permissions.ts';
import { useDb } from './use-db.ts';

export interface WorkItem {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
}

export interface MyWork {
  late: WorkItem[];
  dueSoon: WorkItem[];
  inProgress: WorkItem[];
  /** False until the first pull has brought the plan to the device. */
  hasPlan: boolean;
}

export const DUE_SOON_DAYS = 14;

/**
 * The user's phases (heads and officers: their areas; everyone else: the whole ente) that are late,
 * due in the next 14 days, or in progress — each phase in the first list it belongs to. Phases of
 * removed or replaced objectives are left out: they take no more progress.
 */
export function useMyWork(user: SessionUser, today: string): MyWork | undefined {
  const db = useDb();
  const own = worksOnOwnAreas(user);
  const areaKey = user.areaIds.join(',');
  const data = useLiveQuery(async () => {
    const areaIds = areaKey ? areaKey.split(',') : [];
    const [phases, objectives] = await Promise.all([
      own ? db.phases.where('areaId').anyOf(areaIds).toArray() : db.phases.toArray(),
      own ? db.objectives.where('areaId').anyOf(areaIds).toArray() : db.objectives.toArray(),
    ]);
    return { phases, objectives, hasPlan: (await db.plans.count()) > 0 };
  }, [db, own, areaKey]);
  return useMemo(() => {
    if (!data) return undefined;
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
      hasPlan: data.hasPlan,
    };
  }, [data, today]);
}
