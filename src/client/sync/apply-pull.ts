/**
 * Applying one pull page to the device database, in ONE rw transaction: the rows (puts and
 * tombstones), the cursor, the last seq the server processed, the acknowledged outbox entries
 * dropped, and the still pending mutations re-applied on top (rebase, including pending notes the
 * server has not returned yet).
 *
 * Guarantees:
 * - The cursor never passes a row that was not stored: a row of an unknown type or with data that
 *   does not parse stops the page there, and the cursor stays below that row's version (`stalled`).
 * - A row never goes back to an older version (a stale page racing a newer one changes nothing).
 * - The cursor and serverLastSeq never go backwards, except that `reset` (a resync) starts the rows
 *   and the cursor again from 0.
 * - An outbox entry leaves only when the server has processed it (seq ≤ lastSeq) AND a push told
 *   this device it applied (`confirmed`): an entry whose answer was lost is pushed again, so a
 *   rejection is never mistaken for an acknowledgement.
 * - A page of the first sync's core (`part: 'core'`) also records where the first sync stands
 *   (first-sync.ts), in the same transaction: still in the core, or, on its last page, the deferred
 *   rows still to come; a first page (cursor 0) starts that record afresh.
 * Safe to replay: applying the same page twice leaves the same state.
 *
 * Cost: every stored row has a version at or below the stored cursor (the cursor covers what is
 * stored), so only rows at or below it can be older than a stored one; an in-order page (all of a
 * first sync's) is written without reading a row first.
 */
import type { PullPage } from '../../shared/pull.ts';
import { rowDataSchemas, type RowType } from '../../shared/rows.ts';
import { META, raiseNextSeq, readClientIdentity, readCursor, readServerLastSeq } from '../db/meta.ts';
import { rebase, rebaseTables } from '../db/rebase.ts';
import { TABLE_OF_ROW_TYPE, type BaseEntry, type ConflictRecord, type TraguardiDb } from '../db/schema.ts';
import { readFirstSync, writeFirstSync, type FirstSyncState } from './first-sync.ts';
import { timed, timedSync } from './sync-timing.ts';

export interface ApplyPullResult {
  /** The cursor now stored. */
  cursor: number;
  stored: number;
  /** Outbox entries acknowledged and dropped. */
  acknowledged: number;
  /** A row could not be stored: the caller stops pulling (the same row will come again). */
  stalled: { id: string; type: string; version: number } | null;
  /** Where a first sync stands after a core page (undefined for other pages). */
  firstSync?: FirstSyncState | null;
}

export interface ApplyPullOptions {
  /** A resync: the rows start again from 0 (in this page's transaction). */
  reset?: boolean;
  /** A page of the first sync's core (pulled with part=core). */
  part?: 'core';
}

type SyncedTable = (typeof TABLE_OF_ROW_TYPE)[RowType];

function isRowType(type: string): type is RowType {
  return Object.hasOwn(rowDataSchemas, type);
}

/** The tables of server rows, cleared by a resync (outbox, attachments, rejected and meta stay). */
export function syncedTables(db: TraguardiDb) {
  return Object.values(TABLE_OF_ROW_TYPE).map((name) => db.table(name));
}

export async function applyPullPage(
  db: TraguardiDb,
  page: PullPage,
  options: ApplyPullOptions = {},
): Promise<ApplyPullResult> {
  const tables = [...new Set([...syncedTables(db), ...rebaseTables(db)])];
  return db.transaction('rw', tables, async () => {
    let oldCursor = await readCursor(db);
    const oldLastSeq = await readServerLastSeq(db);
    const bases = new Map((await db.bases.toArray()).map((b) => [b.key, b]));
    const dismissed = new Set<string>();

    if (options.reset) {
      for (const c of await db.conflicts.toArray()) if (c.dismissed) dismissed.add(c.id);
      for (const t of syncedTables(db)) await t.clear();
      for (const b of bases.values()) b.row = null; // rows come again from 0; absent ones are gone
      oldCursor = 0;
    }

    const { writes, stalled, stored, notes } = timedSync('rows', () => prepareRows(page));

    for (const [table, rows] of writes) {
      await timed('stale', () => dropStale(db, table, rows, oldCursor));
      const puts = [...rows.values()].filter((r) => r !== null);
      const deletes = [...rows].filter(([, r]) => r === null).map(([id]) => id);
      if (table === 'conflicts') await keepDismissed(db, puts, dismissed);
      await timed('write', async () => {
        if (puts.length) await db.table(table).bulkPut(puts);
        if (deletes.length) await db.table(table).bulkDelete(deletes);
      });
      // The server copy of a row with pending changes (any table: plan mutations change areas,
      // plans, …): the rebase below starts from it.
      for (const [id, r] of rows) {
        const base = bases.get(`${table}:${id}`);
        if (base && !(base.row && r && base.row.version > Number(r.version)))
          base.row = r as BaseEntry['row'];
      }
    }
    await db.bases.bulkPut([...bases.values()]);

    const covered = stalled ? Math.min(page.cursor, stalled.version - 1) : page.cursor;
    const cursor = Math.max(oldCursor, covered);
    await db.meta.put({ key: META.cursor, value: cursor });

    const lastSeq = Math.max(oldLastSeq, page.lastSeq);
    await db.meta.put({ key: META.serverLastSeq, value: lastSeq });
    await raiseNextSeq(db, lastSeq);
    const acked = await db.outbox
      .where('seq')
      .belowOrEqual(lastSeq)
      .filter((e) => e.confirmed === true)
      .primaryKeys();
    await db.outbox.bulkDelete(acked);

    const firstSync =
      options.part === 'core' ? await recordCore(db, page, notes, oldCursor === 0) : undefined;

    const userId = (await readClientIdentity(db))?.userId ?? '';
    await timed('rebase', () => rebase(db, userId, lastSeq));
    return {
      cursor,
      stored,
      acknowledged: acked.length,
      stalled,
      ...(firstSync === undefined ? {} : { firstSync }),
    };
  });
}

type RowWrites = Map<SyncedTable, Map<string, Record<string, unknown> | null>>;

/**
 * Each row of the page checked with its type's shared schema and turned into its record (null for a
 * tombstone), by table; the first row that does not parse stops the page (`stalled`).
 */
function prepareRows(page: PullPage): {
  writes: RowWrites;
  stalled: ApplyPullResult['stalled'];
  stored: number;
  notes: number;
} {
  const writes: RowWrites = new Map();
  let stored = 0;
  let notes = 0;
  for (const row of page.rows) {
    // A row type of a later protocol: ignored, so a newer server never stalls this device (v2).
    if (!isRowType(row.type)) continue;
    const table = TABLE_OF_ROW_TYPE[row.type];
    let record: Record<string, unknown> | null = null;
    if (!row.deleted) {
      const parsed = rowDataSchemas[row.type].safeParse(row.data);
      if (!parsed.success)
        return { writes, stalled: { id: row.id, type: row.type, version: row.version }, stored, notes };
      // Fields this release does not know are kept (v2), so a later one finds them stored.
      const raw = typeof row.data === 'object' && row.data !== null ? row.data : {};
      record = { ...raw, ...parsed.data, id: row.id, version: row.version };
    }
    const perTable = writes.get(table) ?? new Map<string, Record<string, unknown> | null>();
    perTable.set(row.id, record);
    writes.set(table, perTable);
    stored++;
    if (row.type === 'note' && record) notes++;
  }
  return { writes, stalled: null, stored, notes };
}

/**
 * Where the first sync stands after a core page: still in the core, or (its last page) the deferred
 * rows to come, or done (nothing deferred, or a server without the extension sent everything).
 */
async function recordCore(
  db: TraguardiDb,
  page: PullPage,
  notes: number,
  fromZero: boolean,
): Promise<FirstSyncState | null> {
  const previous = fromZero ? null : await readFirstSync(db);
  const coreNotes = (previous?.coreNotes ?? 0) + notes;
  let next: FirstSyncState | null = null;
  if (page.hasMore) next = { stage: 'core', coreNotes };
  else if (page.deferred && Object.values(page.deferred.rows).some((n) => n > 0)) {
    const { until, rows } = page.deferred;
    next = { stage: 'deferred', coreNotes, until, cursor: 0, total: rows, received: {} };
  }
  await writeFirstSync(db, next);
  return next;
}

/**
 * A page answered from an older snapshot (a pull that raced a push in another tab, or a stale
 * duplicate) must not take rows back: a row already stored at a higher version is left as it is.
 */
async function dropStale(
  db: TraguardiDb,
  table: SyncedTable,
  rows: Map<string, Record<string, unknown> | null>,
  storedCursor: number,
) {
  // Only a row at or below the stored cursor can be older than one already stored (see above).
  const ids = [...rows].filter(([, r]) => r === null || Number(r.version) <= storedCursor).map(([id]) => id);
  if (ids.length === 0) return;
  const stored = await db.table<{ id: string; version: number }, string>(table).bulkGet(ids);
  stored.forEach((existing, i) => {
    const id = ids[i];
    if (existing === undefined || id === undefined) return;
    const incoming = rows.get(id);
    const incomingVersion = incoming ? Number(incoming.version) : Infinity; // a tombstone always wins
    if (existing.version > incomingVersion) rows.delete(id);
  });
}

/** A conflict hidden on this device stays hidden when the server sends it again. */
async function keepDismissed(db: TraguardiDb, puts: Record<string, unknown>[], dismissed: Set<string>) {
  const ids = puts.map((p) => String(p.id));
  const existing = await db.conflicts.bulkGet(ids);
  existing.forEach((c: ConflictRecord | undefined) => {
    if (c?.dismissed) dismissed.add(c.id);
  });
  for (const p of puts) if (dismissed.has(String(p.id))) p.dismissed = true;
}
