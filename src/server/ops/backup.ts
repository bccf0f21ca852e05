/**
 * Backup and restore of the database the server uses.
 *
 * - Embedded (PGlite): the payload is PGlite's gzipped archive of its folder, taken by the process
 *   that owns DATA_DIR (the server, through its control channel, or the CLI when no server runs).
 *   Attachments live in the database (bytea), so they are in it.
 * - PostgreSQL: the payload is `pg_dump --format=custom` (one consistent snapshot, servers running or
 *   not); restore is `pg_restore --single-transaction` into an EMPTY database.
 *
 * Invariants:
 * - A backup file is written as FILE.partial and renamed, so FILE is whole or absent.
 * - Restore verifies the whole file (backup-file.ts) before touching anything, writes only into an
 *   empty (or absent) DATA_DIR / an empty database, and for PGlite loads into a temporary folder
 *   inside DATA_DIR, verifies it and renames it into place: a failure leaves DATA_DIR as it was.
 * - A restored database is marked (sync/restored-clients.ts) so devices that synced after the backup
 *   resync and keep pushing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { loadPgliteFolder, openDatabase, rowsOf, type Database, type Db } from '../db/database.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { dataDirPaths, ensureDataDir, isEmptyDir } from '../db/data-dir.ts';
import { MARK_RESTORED_SQL } from '../sync/restored-clients.ts';
import { decodeBackup, encodeBackup, type BackupHeader } from './backup-file.ts';

/** A refusal or failure to report in one line (no stack trace). */
export class BackupError extends Error {}

function run(command: string, args: string[], input?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', (e) => reject(new BackupError(`${command} could not run: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new BackupError(`${command} failed: ${err.trim().split('\n')[0] ?? `exit ${code}`}`));
    });
    child.stdin.end(input ? Buffer.from(input) : undefined);
  });
}

/** The database's archive: PGlite's folder, or pg_dump's custom format. */
async function takePayload(database: Database, databaseUrl: string | undefined): Promise<Uint8Array> {
  if (database.kind === 'pglite') {
    if (!database.dumpDataDir) throw new BackupError('this database cannot be archived');
    return database.dumpDataDir();
  }
  if (!databaseUrl) throw new BackupError('DATABASE_URL is needed to back up PostgreSQL');
  return run('pg_dump', ['--format=custom', '--no-owner', `--dbname=${databaseUrl}`]);
}

/** Writes a backup of `database` to `file` (atomically). Safe to run while the server serves. */
export async function writeBackup(
  database: Database,
  file: string,
  o: { appVersion: string; now: Date; databaseUrl?: string | undefined },
): Promise<{ file: string; bytes: number }> {
  const payload = await takePayload(database, o.databaseUrl);
  const bytes = encodeBackup(payload, { kind: database.kind, appVersion: o.appVersion, createdAt: o.now });
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, file);
  return { file, bytes: bytes.length };
}

function readBackup(
  file: string,
  kind: 'pglite' | 'postgres',
): { header: BackupHeader; payload: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const reading = decodeBackup(bytes, kind);
  if (!reading.ok) throw new BackupError(`${file}: ${reading.reason}`);
  return reading;
}

/** Checks a restored database holds our schema, then marks it as restored. */
async function verifyAndMark(db: Db): Promise<void> {
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`select count(*) as n from traguardi_migrations`),
  );
  if (!row || Number(row.n) === 0) throw new BackupError('the restored database holds no Traguardi schema');
  for (const statement of MARK_RESTORED_SQL) await db.execute(sql.raw(statement));
}

/** Restores a PGlite backup into an empty or absent DATA_DIR. */
export async function restorePglite(file: string, dataDir: string): Promise<BackupHeader> {
  const { header, payload } = readBackup(file, 'pglite');
  if (!isEmptyDir(dataDir)) {
    throw new BackupError(`${dataDir} is not empty: restore writes only into an empty or absent DATA_DIR`);
  }
  const created = !existsSync(dataDir);
  ensureDataDir(dataDir);
  const paths = dataDirPaths(dataDir);
  const lock = acquireDataDirLock(paths.lock);
  const temporary = join(dataDir, `pglite.restoring-${randomBytes(4).toString('hex')}`);
  try {
    await loadPgliteFolder(temporary, payload, verifyAndMark);
    renameSync(temporary, paths.pglite);
    return header;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error instanceof BackupError
      ? error
      : new BackupError(
          `the backup could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
  } finally {
    lock.release();
    if (created && isEmptyDir(dataDir)) rmdirSync(dataDir);
  }
}

/** Restores a pg_dump backup into an EMPTY PostgreSQL database (no tables of ours or anyone's). */
export async function restorePostgres(file: string, databaseUrl: string): Promise<BackupHeader> {
  const { header, payload } = readBackup(file, 'postgres');
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const [row] = rowsOf<{ n: number | string }>(
      await database.db.execute(
        sql`select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
      ),
    );
    if (Number(row?.n ?? 0) > 0) {
      throw new BackupError('the database is not empty: restore writes only into an empty database');
    }
    // One transaction: a failed restore leaves the database empty.
    await run(
      'pg_restore',
      ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`],
      payload,
    );
    await verifyAndMark(database.db);
    return header;
  } finally {
    await database.close();
  }
}
