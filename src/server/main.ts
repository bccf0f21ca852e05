/**
 * `npm start`: builds the PWA if dist/ is missing, opens the database (PGlite in DATA_DIR, or
 * PostgreSQL at DATABASE_URL), applies migrations (and the demo data on an empty database in demo
 * mode), serves PWA + API on PORT, and shuts down gracefully on SIGINT/SIGTERM: in-flight requests
 * finish, then the database closes.
 *
 * Demo mode: on by default with the embedded database, only with DEMO=1 on PostgreSQL; DEMO=0 off.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { openDatabase } from './db/database.ts';
import { prepareDatabase } from './db/migrate.ts';
import { DEMO_USERS, seedDemo } from './demo/seed-demo.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = process.env;
const port = Number(env.PORT ?? 8080);
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = env.DATA_DIR || './data';
const demo =
  env.DEMO === undefined || env.DEMO === '' ? !databaseUrl : env.DEMO === '1' || env.DEMO === 'true';
const demoPassword = env.DEMO_PASSWORD || 'demo';

if (!existsSync(`${root}/dist/index.html`)) {
  console.log('Building the PWA (dist/ is missing)…');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.error('The PWA build failed: serving the API only.');
}

const database = await openDatabase({ databaseUrl, dataDir });
let seeded = false;
await prepareDatabase(database.db, {
  ...(demo
    ? { seed: async (tx) => void (seeded = await seedDemo(tx, { password: demoPassword, now: new Date() })) }
    : {}),
});
const app = await buildApp({ database, logger: { level: env.LOG_LEVEL ?? 'warn' } });
await app.listen({ port, host: env.HOST ?? '0.0.0.0' });

console.log(
  `Traguardi is running at http://localhost:${port} (database: ${database.kind === 'pglite' ? `embedded, ${dataDir}` : 'PostgreSQL'})`,
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
    await database.close();
    process.exit(0);
  } catch (error) {
    console.error('Shutdown failed', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
