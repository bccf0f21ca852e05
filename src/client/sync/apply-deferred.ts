/**
 * Storing a page of a first sync's deferred rows (part=deferred, first-sync.ts) in short transactions
 * of about CHUNK rows, each storing its rows AND moving the first sync's cursor past them, so a local
 * change never waits long behind them and an interruption resumes at the last committed batch.
 *
 * Guarantees:
 * - A stored row is never replaced: a deferred row the device already holds came from a later pull
 *   (a version above `until`) and stays. So the order in which the two parts arrive does not matter.
 * - The cursor never passes a row that was not stored: a row whose data does not parse stops there
 *   (`stalled`), as in apply-pull.ts; a batch never ends inside a version.
 * - A batch applies only if the first sync is still where the page was asked from (same `until` and
 *   cursor): after a resync, a user switch or another tab's progress the page is dropped (`stale`).
 * Safe to replay.
 */
import type { PullPage, PullRow } from '../../shared/pull.ts';
import { rowDataSchemas, type RowType } from '../../shared/rows.ts';
import { addMissing } from '../db/add-missing.ts';
import { TABLE_OF_ROW_TYPE, type TraguardiDb } from '../db/schema.ts';
import { readFirstSync, writeFirstSync, type FirstSyncState } from './first-sync.ts';
import { asBackgroundBatch } from '../db/page-read-lock.ts';
import { timed } from './sync-timing.ts';

/** Rows per transaction: ~100–300 ms of IndexedDB work on a phone, so local changes interleave. */
export const CHUNK = 2_000;

export interface StoredDeferred {
  /** The first sync after the page (null: every deferred row is stored). */
  state: FirstSyncState | null;
  /** Rows handled (added, or already held). */
  stored: number;
  stalled: { id: string; type: string; version: number } | null;
  /** The first sync was not where the page was asked from: nothing (more) was stored. */
  stale: boolean;
}

function isRowType(type: string): type is RowType {
  return Object.hasOwn(rowDataSchemas, type);
}

/** The page's rows in batches of about `size`, each ending at a version boundary. */
function batches(rows: readonly PullRow[], size: number): PullRow[][] {
  const out: PullRow[][] = [];
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + size, rows.length);
    while (end < rows.length && rows[end]?.version === rows[end - 1]?.version) end++;
    out.push(rows.slice(start, end));
    start = end;
  }
  return out;
}

export async function storeDeferredPage(
  db: TraguardiDb,
  page: PullPage,
  asked: { cursor: number; until: number },
  size = CHUNK,
): Promise<StoredDeferred> {
  const parts = batches(page.rows, size);
  if (parts.length === 0) parts.push([]); // an empty page still moves the cursor to its end
  let from = asked.cursor;
  let stored = 0;
  let state: FirstSyncState | null = null;
  for (const [i, batch] of parts.entries()) {
    const last = i === parts.length - 1;
    const tables = new Set<string>(['meta']);
    for (const r of batch) if (isRowType(r.type)) tables.add(TABLE_OF_ROW_TYPE[r.type]);
    // Checked before the lock and the transaction: the parse needs neither.
    const { byTable, received, stalled } = prepare(batch);
    // A page's large read asked for meanwhile goes first (page-read-lock.ts).
    const outcome = await asBackgroundBatch(() =>
      timed('deferred-store', () =>
        db.transaction('rw', [...tables], async () => {
          const current = await readFirstSync(db);
          if (current?.stage !== 'deferred' || current.until !== asked.until || current.cursor !== from)
            return { stale: true as const };
          for (const [table, records] of byTable) await addMissing(db.table(table), records);
          const end = last ? page.cursor : (batch.at(-1)?.version ?? from);
          const covered = stalled ? Math.min(stalled.version - 1, end) : end;
          const counts = { ...current.received };
          for (const [type, n] of Object.entries(received)) counts[type] = (counts[type] ?? 0) + n;
          const done = last && !page.hasMore && !stalled;
          const next: FirstSyncState | null = done
            ? null
            : { ...current, cursor: Math.max(current.cursor, covered), received: counts };
          await writeFirstSync(db, next);
          return { stale: false as const, next, stalled, count: batch.length };
        }),
      ),
    );
    if (outcome.stale) return { state, stored, stalled: null, stale: true };
    state = outcome.next;
    if (outcome.stalled) return { state, stored, stalled: outcome.stalled, stale: false };
    stored += outcome.count;
    from = state?.stage === 'deferred' ? state.cursor : from;
  }
  return { state, stored, stalled: null, stale: false };
}

/** The batch's records by table, checked with their types' shared schemas, up to the first bad one. */
function prepare(batch: readonly PullRow[]): {
  byTable: Map<string, Record<string, unknown>[]>;
  received: Record<string, number>;
  stalled: StoredDeferred['stalled'];
} {
  const byTable = new Map<string, Record<string, unknown>[]>();
  const received: Record<string, number> = {};
  for (const row of batch) {
    // A type of a later protocol is skipped, as in apply-pull.ts; a tombstone stores nothing (a first
    // sync never held an earlier version of a deferred row).
    if (!isRowType(row.type) || row.deleted) continue;
    const parsed = rowDataSchemas[row.type].safeParse(row.data);
    if (!parsed.success)
      return { byTable, received, stalled: { id: row.id, type: row.type, version: row.version } };
    const raw = typeof row.data === 'object' && row.data !== null ? row.data : {};
    const table = TABLE_OF_ROW_TYPE[row.type];
    const records = byTable.get(table) ?? [];
    records.push({ ...raw, ...parsed.data, id: row.id, version: row.version });
    byTable.set(table, records);
    received[row.type] = (received[row.type] ?? 0) + 1;
  }
  return { byTable, received, stalled: null };
}
