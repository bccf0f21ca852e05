/**
 * `npm run db:backup -- FILE`: writes a backup of the database the server uses (DATA_DIR or
 * DATABASE_URL, as for `npm start`) to FILE. With the embedded database and the server running, the
 * server writes it through its control channel (a consistent archive, the server keeps serving);
 * with no server, the tool opens the folder itself. PostgreSQL: pg_dump --format=custom. The file
 * carries our header (ops/backup-file.ts) so `db:restore` can check it.
 */
import { resolve } from 'node:path';
import { APP_VERSION } from '../app.ts';
import { BackupError, writeBackup } from '../ops/backup.ts';
import { databaseEnv, directOrThroughServer, fail, Refusal } from './data-dir-access.ts';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run db:backup -- FILE');
  process.exit(2);
}
const file = resolve(target);
const where = databaseEnv();

try {
  await directOrThroughServer(where, { command: 'backup', file }, async (database) => {
    try {
      const written = await writeBackup(database, file, {
        appVersion: APP_VERSION,
        now: new Date(),
        databaseUrl: where.databaseUrl,
      });
      return `Backup written: ${written.file} (${written.bytes} bytes)`;
    } catch (error) {
      if (error instanceof BackupError) throw new Refusal(`No backup: ${error.message}`);
      throw error;
    }
  });
} catch (error) {
  fail(`No backup: ${error instanceof Error ? error.message : String(error)}`);
}
