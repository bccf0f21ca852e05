/**
 * `npm run db:restore -- FILE`: restores a backup made by `db:backup` into the database of
 * DATA_DIR / DATABASE_URL, which must be empty (an absent or empty folder; a database without
 * tables). The server must not be running on it (the folder's lock, the emptiness check). Refuses
 * with one line, touching nothing, a file that is not a Traguardi backup, of the other database
 * kind, truncated or damaged. Devices that synced after the backup resync on their next pull and go
 * on pushing (sync/restored-clients.ts); what was done after the backup is lost.
 */
import { BackupError, restorePglite, restorePostgres } from '../ops/backup.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { databaseEnv, fail } from './data-dir-access.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run db:restore -- FILE');
  process.exit(2);
}
const where = databaseEnv();
try {
  const header = where.databaseUrl
    ? await restorePostgres(file, where.databaseUrl)
    : await restorePglite(file, where.dataDir);
  console.log(
    `Restored the backup of ${header.createdAt} (Traguardi ${header.appVersion}) into ${where.databaseUrl ? 'the PostgreSQL database' : where.dataDir}.`,
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof DataDirLockedError)
    fail(`Not restored: ${error.message}`);
  else fail(`Not restored: ${error instanceof Error ? error.message : String(error)}`);
}
