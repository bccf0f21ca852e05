import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { dueSoonPhases, latePhases, phaseCounts, type PhaseCounts } from '../../../domain/deadlines.ts';
import { objectiveAcceptsProgress } from '../../../domain/phase-transitions.ts';
import type { SessionUser } from '../../../shared/auth.ts';
import type { ObjectiveFact, PhaseFact } from '../../db/facts.ts';
import type { ObjectiveRecord, PhaseRecord, TraguardiDb } from '../../db/schema.ts';
import { serialLiveRead } from '../../db/serial-live-read.ts';
import { timed } from '../../sync/sync-timing.ts';
import { worksOnOwnAreas } from '../permissions.ts';
import { areaSetKey, useAreaFacts } from './use-area-facts.ts';
import { useCoreStored } from './use-core-stored.ts';
import { useDb } from './use-db.ts';

export interface WorkItem {
  phase: PhaseRecord;
  objective: ObjectiveRecord | undefined;
}

export interface MyWork {
  /** The phases' facts (db/facts.ts): the lists are whole, their cards' rows are read by useWorkItems. */
  late: PhaseFact[];
  dueSoon: PhaseFact[];
  inProgress: PhaseFact[];
  /** The phases in scope that take progress, by bucket (the year-closed notice counts them). */
  counts: PhaseCounts;
  /** False until the first pull has brought the plan to the device. */
  hasPlan: boolean;
}

export const DUE_SOON_DAYS = 14;

/**
 * The phases of `phases` that are late, due in the next `DUE_SOON_DAYS`, or in progress as of
 * `today` — each in the first list it belongs to. Phases of removed or replaced objectives are left
 * out: they take no more progress. Pure: the hook below feeds it the facts it read.
 */
export function myWorkOf(
  phases: readonly PhaseFact[],
  objectives: readonly ObjectiveFact[],
  today: string,
): Omit<MyWork, 'hasPlan'> {
  const stateOf = new Map(objectives.map((o) => [o.id, o.state]));
  const open = phases.filter((p) => {
    const state = stateOf.get(p.objectiveId);
    return state === undefined || objectiveAcceptsProgress(state);
  });
  const late = latePhases(open, today);
  const seen = new Set(late.map((p) => p.id));
  const dueSoon = dueSoonPhases(open, today, DUE_SOON_DAYS).filter((p) => !seen.has(p.id));
  for (const p of dueSoon) seen.add(p.id);
  const inProgress = open
    .filter((p) => p.status === 'in_progress' && !seen.has(p.id))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.number - b.number);
  return { late, dueSoon, inProgress, counts: phaseCounts(open, today) };
}

/**
 * The user's phases in the selected plan (`planAreaIds`, use-selected-plan.ts; heads and officers:
 * their areas of it; everyone else: all of it), bucketed by myWorkOf as of `today` (the plan's
 * as-of day). Undefined while the selection or the facts load.
 *
 * Read from the facts tables (useAreaFacts: a serial live read shared with the reminders), not as a
 * liveQuery of the full rows: during a first sync a liveQuery restarted the read of 10,000 full
 * phase rows at every page written and delivered none, so the page said "the plan is not on the
 * device yet" for seconds after it was.
 */
export function useMyWork(
  user: SessionUser,
  today: string | undefined,
  planAreaIds: ReadonlySet<string> | undefined,
): MyWork | undefined {
  const db = useDb();
  const own = worksOnOwnAreas(user);
  const areaKey = planAreaIds
    ? areaSetKey([...planAreaIds].filter((id) => !own || user.areaIds.includes(id)))
    : undefined;
  // While a first sync stores the core, the plan is not on the device yet (useCoreStored).
  const coreStored = useCoreStored();
  const facts = useAreaFacts(coreStored ? areaKey : undefined);
  const plans = useLiveQuery(() => db.plans.count(), [db]);
  return useMemo(() => {
    if (today === undefined) return undefined;
    if (coreStored === false) return { ...myWorkOf([], [], today), hasPlan: false };
    if (!facts || plans === undefined) return undefined;
    return { ...myWorkOf(facts.phases, facts.objectives, today), hasPlan: plans > 0 };
  }, [coreStored, facts, plans, today]);
}

/**
 * The full rows of the phases a list shows (and of their objectives), live: a phase changed on the
 * card or by a pull shows at once. Only the shown phases are read — a handful, not the plan — by a
 * serial live read, so it goes before the first sync's background batches (page-read-lock.ts).
 * Items whose row is not read yet are left out (the previous read's stay while a longer list loads).
 */
export function useWorkItems(shown: readonly PhaseFact[]): WorkItem[] {
  const db = useDb();
  const ids = shown.map((p) => p.id).join(',');
  const [rows, setRows] = useState<WorkRows | undefined>(undefined);
  useEffect(() => {
    const read = serialLiveRead(
      db,
      WORK_ROW_TABLES,
      () => timed('work-items', () => readWorkRows(db, ids ? ids.split(',') : [])),
      { next: setRows },
    );
    return () => read.unsubscribe();
  }, [db, ids]);
  return useMemo(() => {
    if (!rows) return [];
    return shown.flatMap((fact) => {
      const phase = rows.phases.get(fact.id);
      return phase ? [{ phase, objective: rows.objectives.get(phase.objectiveId) }] : [];
    });
  }, [rows, shown]);
}

const WORK_ROW_TABLES = ['phases', 'objectives'];

interface WorkRows {
  phases: Map<string, PhaseRecord>;
  objectives: Map<string, ObjectiveRecord>;
}

async function readWorkRows(db: TraguardiDb, phaseIds: string[]): Promise<WorkRows> {
  const phases = (await db.phases.bulkGet(phaseIds)).filter((p): p is PhaseRecord => p !== undefined);
  const objectiveIds = [...new Set(phases.map((p) => p.objectiveId))];
  const objectives = (await db.objectives.bulkGet(objectiveIds)).filter(
    (o): o is ObjectiveRecord => o !== undefined,
  );
  return {
    phases: new Map(phases.map((p) => [p.id, p])),
    objectives: new Map(objectives.map((o) => [o.id, o])),
  };
}
