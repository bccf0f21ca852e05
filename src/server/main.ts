/**
 * `npm start`: builds the PWA if dist/ is missing, opens the database (PGlite in DATA_DIR, or
 * PostgreSQL at DATABASE_URL), applies migrations (and the demo data on an empty database in demo
 * mode), serves PWA + API on PORT, and shuts down gracefully on SIGINT/SIGTERM: in-flight requests
 * finish, then the database closes.
 *
 * Demo mode: on by default with the embedded database, only with DEMO=1 on PostgreSQL; DEMO=0 off.
 *
 * The embedded database has one owner: this process takes DATA_DIR's lock (db/data-dir-lock.ts) or
 * stops with one line naming the server that holds it. While running it listens on DATA_DIR's
 * control channel (ops/control-channel.ts) so admin:create and db:backup go through it. With
 * BACKUP_DIR it writes a backup at start and every 24 h, keeping the newest BACKUP_KEEP (default 7).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { APP_VERSION, buildApp } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { prepareDatabase } from './db/migrate.ts';
import { DEMO_USERS, seedDemo } from './demo/seed-demo.ts';
import { writeBackup } from './ops/backup.ts';
import { startControlChannel } from './ops/control-channel.ts';
import { startDailyBackups } from './ops/daily-backup.ts';
import { serverControlHandler } from './ops/server-control.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = process.env;
const port = Number(env.PORT ?? 8080);
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = env.DATA_DIR || './data';
const demo =
  env.DEMO === undefined || env.DEMO === '' ? !databaseUrl : env.DEMO === '1' || env.DEMO === 'true';
const demoPassword = env.DEMO_PASSWORD || 'demo';
const MIB = 1024 * 1024;
/** A positive number from the environment, or the default when unset or unreadable. */
function positive(name: string, fallback: number): number {
  const value = Number(env[name]);
  if (env[name] === undefined || env[name] === '') return fallback;
  if (Number.isFinite(value) && value > 0) return value;
  console.error(`${name}=${env[name]} is not a positive number: using ${fallback}.`);
  return fallback;
}

// BUILD_PWA=0: serve the API only when dist/ is missing (tests that start the real process).
if (!existsSync(`${root}/dist/index.html`) && env.BUILD_PWA !== '0') {
  console.log('Building the PWA (dist/ is missing)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.error('The PWA build failed: serving the API only.');
}

let database: Database;
try {
  database = await openDatabase({ databaseUrl, dataDir });
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(`Not started: ${dataDir}: ${error.message}.`);
  process.exit(1);
}
let seeded = false;
await prepareDatabase(database.db, {
  ...(demo
    ? {
        seed: async (tx) =>
          void (seeded = await seedDemo(tx, {
            password: demoPassword,
            now: new Date(),
            currentYearPlan: env.DEMO_CURRENT_YEAR !== '0',
          })),
      }
    : {}),
});
const control = database.dataDir
  ? await startControlChannel(
      database.dataDir.socket,
      serverControlHandler(database, { appVersion: APP_VERSION, now: () => new Date() }),
    )
  : null;
const backupDir = env.BACKUP_DIR || undefined;
const backups = backupDir
  ? startDailyBackups({
      dir: backupDir,
      keep: Number(env.BACKUP_KEEP ?? 7) || 7,
      now: () => new Date(),
      write: (file) => writeBackup(database, file, { appVersion: APP_VERSION, now: new Date(), databaseUrl }),
      onWritten: (file) => console.log(`Backup written: ${file}`),
      onError: (error) =>
        console.error(
          `Backup failed (retried in 24 h): ${error instanceof Error ? error.message : String(error)}`,
        ),
    })
  : null;
const app = await buildApp({
  database,
  logger: { level: env.LOG_LEVEL ?? 'warn' },
  metricsToken: env.METRICS_TOKEN || undefined,
  attachmentQuota: {
    userBytes: positive('ATTACHMENT_QUOTA_USER_MB', 500) * MIB,
    enteBytes: positive('ATTACHMENT_QUOTA_ENTE_MB', 10240) * MIB,
  },
  orphanGraceMs: positive('ATTACHMENT_ORPHAN_GRACE_HOURS', 168) * 60 * 60 * 1000,
});
await app.listen({ port, host: env.HOST ?? '0.0.0.0' });

// The port actually bound (PORT=0 picks a free one).
const bound = (app.server.address() as AddressInfo).port;
console.log(
  `Traguardi is running at http://localhost:${bound} (database: ${database.kind === 'pglite' ? `embedded, ${dataDir}` : 'PostgreSQL'})`,
);
if (demo) {
  console.log(seeded ? 'Demo data loaded.' : 'Demo mode: the database already had data; nothing was added.');
  console.log(`Demo users (password "${demoPassword}"): ${DEMO_USERS.map((u) => u.username).join(', ')}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the requests in flight, then closing…`);
  try {
    await app.close();
    await backups?.stop();
    await control?.close();
    await database.close();
    process.exit(0);
  } catch (error) {
    console.error('Shutdown failed', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
