/**
 * Opening the device database and keeping the connection usable.
 *
 * - Another tab (a newer app version) upgrading the schema fires `versionchange`: this connection
 *   closes for good (so the upgrade is not blocked) and `onVersionChange` lets the UI ask for a reload.
 *   Operations afterwards fail with DatabaseClosedError; nothing is written half.
 * - The browser may close a connection on its own (storage pressure, "clear site data" in another
 *   tab): `withReopen` reopens once and retries the operation. Each operation given to it must be one
 *   transaction, so a retry never repeats a committed write.
 */
import type { DexieOptions } from 'dexie';
import { TraguardiDb } from './schema.ts';

export interface OpenDbOptions {
  name?: string;
  /** Tests pass their own IndexedDB (fake-indexeddb's IDBFactory and IDBKeyRange). */
  dexie?: DexieOptions;
  /** Called once when a newer version elsewhere needs this connection closed: ask to reload. */
  onVersionChange?: () => void;
}

/** Connections closed on purpose for an upgrade elsewhere: these are not reopened. */
const closedForUpgrade = new WeakSet<TraguardiDb>();

/** Creates the database object; Dexie opens it on first use. */
export function openDb(options: OpenDbOptions = {}): TraguardiDb {
  const db = new TraguardiDb(options.name ?? 'traguardi', options.dexie);
  db.on('versionchange', () => {
    closedForUpgrade.add(db);
    db.close({ disableAutoOpen: true });
    options.onVersionChange?.();
    return false; // handled: Dexie's default would close and reopen on the next use
  });
  return db;
}

/** True when this connection was closed because another tab upgraded the schema (reload needed). */
export function isClosedForUpgrade(db: TraguardiDb): boolean {
  return closedForUpgrade.has(db);
}

function isDatabaseClosed(err: unknown): boolean {
  return err instanceof Error && err.name === 'DatabaseClosedError';
}

/**
 * Runs `op` (one transaction or one read) and, when the browser had closed the connection, reopens
 * once and runs it again. A connection closed for an upgrade is not reopened: the error goes up.
 */
export async function withReopen<T>(db: TraguardiDb, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (!isDatabaseClosed(err) || isClosedForUpgrade(db)) throw err;
    await db.open();
    return await op();
  }
}

/** A QuotaExceededError as IndexedDB raises it, or as Dexie wraps it (directly or in an abort). */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (typeof e !== 'object') return false;
    if ('name' in e && e.name === 'QuotaExceededError') return true;
    e = 'inner' in e ? e.inner : undefined;
  }
  return false;
}
