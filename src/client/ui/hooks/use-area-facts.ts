import { useCallback, useSyncExternalStore } from 'react';
import type { ObjectiveFact, PhaseFact } from '../../db/facts.ts';
import { afterScreenReads } from '../../db/read-priority.ts';
import { rowsOfKeys } from '../../db/rows-of-keys.ts';
import type { TraguardiDb } from '../../db/schema.ts';
import { sharedValue, subscribeShared } from '../../db/shared-live-read.ts';
import { timed } from '../../sync/sync-timing.ts';
import { useDb } from './use-db.ts';

export interface AreaFacts {
  phases: PhaseFact[];
  objectives: ObjectiveFact[];
}

const FACT_TABLES = ['phaseFacts', 'objectiveFacts'];

/** The key of a set of areas: sorted, so the same set is the same read whatever its order. */
export function areaSetKey(areaIds: Iterable<string>): string {
  return [...new Set(areaIds)].sort().join(',');
}

/** After the screen's own read, if one runs (the dashboard's: db/read-priority.ts). */
async function readAreaFacts(db: TraguardiDb, key: string): Promise<AreaFacts> {
  const areaIds = key ? key.split(',') : [];
  await afterScreenReads();
  return timed('work-read', async () => {
    const [phases, objectives] = await Promise.all([
      rowsOfKeys(db.phaseFacts, 'areaId', areaIds),
      rowsOfKeys(db.objectiveFacts, 'areaId', areaIds),
    ]);
    return { phases, objectives };
  });
}

/**
 * The phase and objective facts (db/facts.ts) of the areas named by `key` (areaSetKey), live, read
 * once for every component asking for the same areas (db/shared-live-read.ts); undefined while
 * loading or while `key` is undefined.
 */
export function useAreaFacts(key: string | undefined): AreaFacts | undefined {
  const db = useDb();
  const name = key === undefined ? undefined : `area-facts|${key}`;
  const subscribe = useCallback(
    (listener: () => void) =>
      name === undefined || key === undefined
        ? () => undefined
        : subscribeShared(db, name, FACT_TABLES, () => readAreaFacts(db, key), listener),
    [db, name, key],
  );
  const snapshot = useCallback(
    () => (name === undefined ? undefined : sharedValue<AreaFacts>(db, name)),
    [db, name],
  );
  return useSyncExternalStore(subscribe, snapshot);
}
