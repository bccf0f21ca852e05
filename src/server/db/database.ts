/**
 * Opening the database: PGlite (embedded PostgreSQL, in a folder or in memory) by default, a
 * PostgreSQL server when a URL is given. The only module that imports the database drivers.
 *
 * Invariants:
 * - One SQL dialect (PostgreSQL) for both; callers see one `Db` type and never know which it is.
 * - PGlite is a single connection: its transactions run one at a time. Code inside a transaction must
 *   use the transaction handle, never `db`, or it would wait for itself.
 * - `close()` ends the pool / the embedded instance; call it after the HTTP server has drained.
 * - An embedded database in a folder has ONE owner process: opening takes DATA_DIR's lock
 *   (data-dir-lock.ts) or throws `DataDirLockedError`; `close()` releases it. In memory: no lock.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { dataDirPaths, ensureDataDir, upgradeLayout, type DataDirPaths } from './data-dir.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A handle that runs queries: the database itself or an open transaction. */
export type Queryable = Db | Tx;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The embedded database's folder layout (absent in memory and on PostgreSQL). */
  dataDir?: DataDirPaths;
  /**
   * The embedded database as PGlite's gzipped tar of its folder, taken while no transaction runs
   * (after a checkpoint), so it is consistent; PGlite only.
   */
  dumpDataDir?: () => Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's folder; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (!options.dataDir) return fromPglite(await PGlite.create());
  const paths = dataDirPaths(options.dataDir);
  ensureDataDir(paths.root);
  const lock = acquireDataDirLock(paths.lock);
  try {
    upgradeLayout(paths);
    return fromPglite(await PGlite.create(paths.pglite), paths, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function fromPglite(client: PGlite, paths?: DataDirPaths, lock?: DataDirLock): Database {
  // The PGlite driver's result type differs from node-postgres' only in its query-result HKT, which
  // the server never relies on (it reads typed query-builder results), so it is used as the common type.
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ...(paths ? { dataDir: paths } : {}),
    async dumpDataDir() {
      await client.exec('CHECKPOINT');
      // Inside a transaction: other transactions wait for the transaction lock, so none is half done
      // in the archive (PGlite's dump itself excludes single queries).
      const blob = await client.transaction(() => client.dumpDataDir('gzip'));
      return new Uint8Array(await blob.arrayBuffer());
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Writes PGlite's archive (`dumpDataDir`) into `folder` (absent or empty), runs `prepare` on it (to
 * verify and mark it), and closes it. For restore: the folder is renamed into place afterwards.
 */
export async function loadPgliteFolder(
  folder: string,
  archive: Uint8Array,
  prepare: (db: Db) => Promise<void>,
): Promise<void> {
  const client = await PGlite.create(folder, { loadDataDir: new Blob([new Uint8Array(archive)]) });
  try {
    await prepare(fromPglite(client).db);
  } finally {
    await client.close();
  }
}

/** Rows of a raw `execute`, whichever the driver (both answer an object with `rows`). */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
