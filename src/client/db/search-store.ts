/**
 * What the search index (client/search) reads and writes in the device database: the search log
 * (search-log.ts) after a position, the rows it names, whole tables in chunks for a build, and the
 * index's snapshot in `searchIndex`. Read-only on the synced tables.
 *
 * Invariants:
 * - A snapshot covers the log up to its `pos`; the log is pruned only up to a saved snapshot's pos,
 *   and `pruned` records how far, so an index behind it (another tab's) knows to reload the
 *   snapshot instead of replaying a log that is gone.
 * - Log entries and the rows they name are read in one transaction: the rows are at least as new
 *   as the last entry read, so an index that applies them and moves to that entry misses nothing.
 */
import { liveQuery } from 'dexie';
import { META } from './meta.ts';
import type { NoteRecord, ObjectiveRecord, PhaseRecord, TraguardiDb } from './schema.ts';
import { SEARCH_TABLES, type SearchTable } from './search-log.ts';

export type SearchRow = { objectives: ObjectiveRecord; phases: PhaseRecord; notes: NoteRecord };

export interface StoredSearchSnapshot {
  /** The index's layout and tokenisation (client/search): another format is rebuilt, not read. */
  format: number;
  /** The last search log entry the snapshot covers. */
  pos: number;
  /** The user it was built for (a snapshot is never read for another). */
  userId: string;
  savedAt: string;
  /** The index itself, as client/search serialises it. */
  index: unknown;
}

const SNAPSHOT = 'snapshot';
const PRUNED = 'pruned';

async function prunedTo(db: TraguardiDb): Promise<number> {
  const v = (await db.searchIndex.get(PRUNED))?.value;
  return typeof v === 'number' ? v : 0;
}

/** The position of the last change logged (0 before any). */
export async function lastSearchLogSeq(db: TraguardiDb): Promise<number> {
  return db.transaction('r', [db.searchLog, db.searchIndex], async () => {
    const last = (await db.searchLog.orderBy(':id').lastKey()) ?? 0;
    return Math.max(typeof last === 'number' ? last : 0, await prunedTo(db));
  });
}

export type SearchChanges =
  | { stale: true }
  | {
      stale: false;
      /** The last entry read: the caller's new position. */
      last: number;
      /** Tables cleared or range-deleted: rebuild them whole. */
      all: Set<SearchTable>;
      /** The named rows as they are now; undefined = deleted. Tables in `all` are left out. */
      rows: { [T in SearchTable]: Map<string, SearchRow[T] | undefined> };
    };

/**
 * The changes logged after `after`, about `maxIds` rows at most (a first sync logs 100,000 notes:
 * they are taken in steps). `stale` when the log after `after` was pruned: reload the snapshot.
 */
export async function readSearchChanges(
  db: TraguardiDb,
  after: number,
  maxIds = 5000,
): Promise<SearchChanges> {
  return db.transaction(
    'r',
    [db.searchLog, db.searchIndex, ...SEARCH_TABLES.map((t) => db.table(t))],
    async () => {
      if (after < (await prunedTo(db))) return { stale: true };
      const ids: { [T in SearchTable]: Set<string> } = {
        objectives: new Set(),
        phases: new Set(),
        notes: new Set(),
      };
      const all = new Set<SearchTable>();
      let last = after;
      let count = 0;
      await db.searchLog
        .where('seq')
        .above(after)
        .until(() => count >= maxIds)
        .each((entry) => {
          last = entry.seq ?? last;
          if (entry.all) all.add(entry.table);
          for (const id of entry.ids ?? []) ids[entry.table].add(id);
          count += entry.ids?.length ?? 1;
        });
      const read = async <T extends SearchTable>(table: T) => {
        if (all.has(table) || ids[table].size === 0) return new Map<string, SearchRow[T] | undefined>();
        const keys = [...ids[table]];
        const rows = (await db.table(table).bulkGet(keys)) as (SearchRow[T] | undefined)[];
        return new Map(keys.map((id, i) => [id, rows[i]]));
      };
      return {
        stale: false,
        last,
        all,
        rows: {
          objectives: await read('objectives'),
          phases: await read('phases'),
          notes: await read('notes'),
        },
      };
    },
  );
}

/** Up to `limit` rows of `table` after the id `afterId`, in id order (a build reads in chunks). */
export async function readSearchRows<T extends SearchTable>(
  db: TraguardiDb,
  table: T,
  afterId: string | null,
  limit: number,
): Promise<SearchRow[T][]> {
  const t = db.table<SearchRow[T], string>(table);
  const range = afterId === null ? t.orderBy(':id') : t.where(':id').above(afterId);
  return range.limit(limit).toArray();
}

export async function countSearchRows(db: TraguardiDb): Promise<number> {
  return db.transaction('r', [db.objectives, db.phases, db.notes], async () => {
    const counts = await Promise.all(SEARCH_TABLES.map((t) => db.table(t).count()));
    return counts.reduce((a, b) => a + b, 0);
  });
}

export async function loadSearchSnapshot(db: TraguardiDb): Promise<StoredSearchSnapshot | null> {
  const v = (await db.searchIndex.get(SNAPSHOT))?.value;
  return typeof v === 'object' && v !== null && 'format' in v && 'pos' in v && 'index' in v
    ? (v as StoredSearchSnapshot)
    : null;
}

/**
 * Saves the snapshot, then prunes the log it covers (two transactions: the big write touches only
 * `searchIndex`, so it never holds up the writers of rows, whose transactions include the log).
 */
export async function saveSearchSnapshot(db: TraguardiDb, snapshot: StoredSearchSnapshot): Promise<void> {
  await db.searchIndex.put({ key: SNAPSHOT, value: snapshot });
  await db.transaction('rw', [db.searchLog, db.searchIndex], async () => {
    const pruned = await prunedTo(db);
    if (snapshot.pos <= pruned) return;
    await db.searchLog.where('seq').belowOrEqual(snapshot.pos).delete();
    await db.searchIndex.put({ key: PRUNED, value: snapshot.pos });
  });
}

/** Forgets the snapshot (sign-out); the log stays, and the next index is built from the rows. */
export async function clearSearchSnapshot(db: TraguardiDb): Promise<void> {
  await db.searchIndex.delete(SNAPSHOT);
}

/** Calls `listener` with the last logged position now and after every change, in any tab. */
export function watchSearchLog(db: TraguardiDb, listener: (last: number) => void): () => void {
  const sub = liveQuery(() => lastSearchLogSeq(db)).subscribe({ next: listener, error: () => {} });
  return () => sub.unsubscribe();
}

/**
 * Calls `listener` with whether a session is stored, now and after every change. Reads only the
 * key's presence, not the session (whose parser would bring zod into the search worker's file).
 */
export function watchSignedIn(db: TraguardiDb, listener: (signedIn: boolean) => void): () => void {
  const sub = liveQuery(async () => (await db.meta.get(META.session)) !== undefined).subscribe({
    next: listener,
    error: () => {},
  });
  return () => sub.unsubscribe();
}
