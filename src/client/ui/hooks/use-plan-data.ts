import { useLiveQuery } from 'dexie-react-hooks';
import type { ObjectiveFact, PhaseFact } from '../../db/facts.ts';
import type { AreaRecord, ObjectiveRecord, PlanRecord, TraguardiDb } from '../../db/schema.ts';
import { readDataVersion } from './read-data-version.ts';
import { useEffect, useRef, useState } from 'react';
import { asScreenRead, claimScreenRead } from '../../db/read-priority.ts';
import { serialLiveRead } from '../../db/serial-live-read.ts';
import { timed } from '../../sync/sync-timing.ts';
import { useDb } from './use-db.ts';

/**
 * The plan's progress data as it stands on the device. Phases (and, for the whole plan, objectives)
 * are their progress facts (db/facts.ts): only the fields the calculations read, which is what makes
 * reading 12,000 of them fast; `O` is the full objective record where a page shows titles.
 */
export interface PlanData<O extends ObjectiveFact = ObjectiveFact> {
  enteName: string | null;
  plan: PlanRecord | null;
  /** In the plan's order. */
  areas: AreaRecord[];
  /** By number. */
  objectives: O[];
  /** By number. */
  phases: PhaseFact[];
  /** The last day of the plan's last year: when a phase without a deadline is due. */
  planEnd: string;
  /** The fingerprint of the rows read (read-data-version.ts); null if they changed while read. */
  version: string | null;
}

// One collator for every comparison: localeCompare with options builds one per call.
const collator = new Intl.Collator('it', { numeric: true });

function byNumber(a: { number: string }, b: { number: string }): number {
  return collator.compare(a.number, b.number);
}

/**
 * Reads the plan `planId` (the selected one, use-selected-plan.ts; the newest when undefined), its
 * areas, and the objectives and phases `read` returns, keeping those of the plan's areas, sorted. The rows are read in separate
 * transactions, which IndexedDB serves in parallel (one transaction would serve them one after
 * another); the fingerprint read before and after tells whether they all describe one state (every
 * row write changes it in the same transaction).
 */
async function readPlanData<O extends ObjectiveFact>(
  db: TraguardiDb,
  planId: string | null | undefined,
  read: () => Promise<[O[], PhaseFact[]]>,
): Promise<PlanData<O>> {
  const before = await readDataVersion(db);
  const [ente, plans, allAreas, [allObjectives, allPhases]] = await Promise.all([
    db.ente.toCollection().first(),
    db.plans.toArray(),
    db.areas.toArray(),
    read(),
  ]);
  const after = await readDataVersion(db);
  const plan =
    planId === undefined
      ? (plans.sort((a, b) => Math.max(...b.years) - Math.max(...a.years))[0] ?? null)
      : (plans.find((p) => p.id === planId) ?? null);
  const areas = allAreas.filter((a) => a.planId === plan?.id).sort((a, b) => a.position - b.position);
  const inPlan = new Set(areas.map((a) => a.id));
  const objectives = allObjectives.filter((o) => inPlan.has(o.areaId));
  const phases = allPhases.filter((p) => inPlan.has(p.areaId));
  objectives.sort(byNumber);
  phases.sort((a, b) => a.number - b.number);
  const lastYear = plan && plan.years.length > 0 ? Math.max(...plan.years) : new Date().getFullYear();
  return {
    enteName: ente?.name ?? null,
    plan,
    areas,
    objectives,
    phases,
    planEnd: `${lastYear}-12-31`,
    version: before === after ? before : null,
  };
}

/**
 * The whole plan's progress data (objective and phase facts). Each facts table is read in its own
 * explicit read transaction: still observed by a live query, but not kept in Dexie's live-query cache,
 * which deep-clones every cached result for each reader (12,000 objects here); the facts are read
 * once and never mutated. A screen read (db/read-priority.ts): the reminder badge's read waits for it.
 */
export function readPlanProgress(db: TraguardiDb, planId?: string | null): Promise<PlanData> {
  return asScreenRead(() =>
    timed('plan-read', () =>
      readPlanData(db, planId, () =>
        // No plan chosen (none on the device yet): nothing of the facts would be kept, so none is read.
        planId === null
          ? Promise.resolve([[], []])
          : Promise.all([
              db.transaction('r', db.objectiveFacts, () => db.objectiveFacts.toArray()),
              db.transaction('r', db.phaseFacts, () => db.phaseFacts.toArray()),
            ]),
      ),
    ),
  );
}

/**
 * The plan `planId`'s progress data (readPlanProgress), live; undefined while loading or when
 * `enabled` is false (or planId is undefined: the selection is still loading). Re-renders on every
 * local or pulled change.
 */
export function usePlanData(planId: string | null | undefined, enabled = true): PlanData | undefined {
  const db = useDb();
  const [data, setData] = useState<{ key: string; value: PlanData } | undefined>(undefined);
  const key = `${planId ?? ''}|${String(enabled)}`;
  // The screen's place before the reads that yield to it (db/read-priority.ts), taken at mount,
  // while the selected plan is still being read, and given back with the first figures.
  const claim = useRef<(() => void) | null>(null);
  useEffect(() => {
    claim.current = claimScreenRead();
    return () => claim.current?.();
  }, []);
  useEffect(() => {
    if (data !== undefined) claim.current?.();
  }, [data]);
  useEffect(() => {
    if (!enabled || planId === undefined) return undefined;
    // A serial read (db/serial-live-read.ts), not a liveQuery: while the first sync writes the
    // plan, a liveQuery restarted this multi-second read at every page and delivered none of them.
    // What it reads: the tables the figures come from, and the outbox and rejections (a local change
    // or its rollback). Not `meta`: the deferred notes move its records every batch, and the
    // figures do not depend on them.
    const read = serialLiveRead(db, PLAN_DATA_TABLES, () => readPlanProgress(db, planId), {
      next: (value) => setData({ key, value }),
    });
    return () => read.unsubscribe();
  }, [db, planId, enabled, key]);
  // Another plan's figures are never shown while this one is read.
  return data?.key === key ? data.value : undefined;
}

/** The tables readPlanProgress reads (and the writes that can change what it computes). */
const PLAN_DATA_TABLES = ['ente', 'plans', 'areas', 'objectiveFacts', 'phaseFacts', 'outbox', 'rejected'];

/**
 * One area's data: the plan and its areas, the area's full objective records (the page shows their
 * titles and motivations) and its phase facts; undefined while loading.
 */
export function useAreaData(areaId: string): PlanData<ObjectiveRecord> | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      // The area's own plan, whichever is selected: an address names one area of one plan.
      readPlanData(db, (await db.areas.get(areaId))?.planId ?? null, () =>
        Promise.all([
          db.objectives.where('areaId').equals(areaId).toArray(),
          db.phaseFacts.where('areaId').equals(areaId).toArray(),
        ]),
      ),
    [db, areaId],
  );
}
