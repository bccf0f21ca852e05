import { useCallback, useSyncExternalStore } from 'react';
import { readCursor } from '../../db/meta.ts';
import type { TraguardiDb } from '../../db/schema.ts';
import { sharedValue, subscribeShared } from '../../db/shared-live-read.ts';
import { readFirstSync } from '../../sync/first-sync.ts';
import { useDb } from './use-db.ts';

const KEY = 'core-stored';
const TABLES = ['meta', 'plans'];

/**
 * Whether the plan's core is on the device: a first sync past its core, or, with none under way,
 * anything pulled (a cursor) or a plan held (rows put by other means: an import's preview, tests).
 */
async function readCoreStored(db: TraguardiDb): Promise<boolean> {
  const [state, cursor] = await Promise.all([readFirstSync(db), readCursor(db)]);
  if (state) return state.stage !== 'core';
  return cursor > 0 || (await db.plans.count()) > 0;
}

/**
 * True once the plan's core is on the device (first-sync.ts: the structure and progress, stored in
 * pages by a first sync; a device that has pulled without a first sync under way has it too), false
 * before — nothing pulled yet, or the core's pages still arriving; undefined while loading.
 *
 * The pages that read the whole plan's facts wait for it: during the core a read after each page was
 * made stale by the next one, and those reads slowed the pages' storing (one IndexedDB backend).
 * One read for every component (shared-live-read.ts): each hook's own liveQuery flipped at its own
 * moment, up to half a second apart. A boolean, so the deferred notes' progress records (`meta`,
 * every batch) re-render nothing.
 */
export function useCoreStored(): boolean | undefined {
  const db = useDb();
  const subscribe = useCallback(
    (listener: () => void) => subscribeShared(db, KEY, TABLES, () => readCoreStored(db), listener),
    [db],
  );
  const snapshot = useCallback(() => sharedValue<boolean>(db, KEY), [db]);
  return useSyncExternalStore(subscribe, snapshot);
}
