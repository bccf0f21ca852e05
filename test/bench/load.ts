/**
 * Load held, measured (not a test: it prints figures and never fails on a timing).
 *
 *   npm run bench:load -- [--devices 500] [--enti 50] [--seconds 120] [--servers 2]
 *                         [--sync-min 30] [--sync-max 60] [--change-every 40] [--offline 0.2] [--pool 10]
 *
 * One fresh PostgreSQL database (test/helpers/server.ts's createTestDatabase, dropped at the end),
 * migrated, and `--enti` copies of the sample plan (the demo's asola-piao-2022-performance.txt, loaded
 * as seed-demo.ts loads it) with their users created directly in the database: per ente an admin, a
 * head and an officer per area, an evaluator and a viewer. Then `--servers` real server PROCESSES
 * (this file re-run with LOAD_SERVE=1: buildApp on the database, like src/server/main.ts without the
 * PWA) and `--devices` simulated devices spread over the enti's users, each a clientId with its own
 * seq, cursor and rows over real HTTP (Node's fetch: keep-alive, one connection pool per server shared
 * by the devices, as behind a proxy). Requests go round robin to the servers.
 *
 * For `--seconds` each device makes a change every ~`--change-every` s (phase.setStatus, setProgress,
 * note.add, as its role may: viewers only read), syncs (push then pull until done) every
 * `--sync-min`–`--sync-max` s, and with probability `--offline` goes offline once for 20–60 s, then
 * syncs at once when back (the burst). Sign-in and the first full pull happen before the window and are
 * reported apart. Afterwards every device syncs and is compared with a fresh full pull of its user:
 * rows, versions and data must be equal. Printed: the machine and its load average, requests per
 * second, p50/p95/p99 per endpoint, errors (0 expected), the servers' CPU, and what PostgreSQL's
 * backends were waiting on (pg_stat_activity sampled every second).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { parsePlanText } from '../../src/domain/plan-text/parse-plan-text.ts';
import type { PhaseStatus } from '../../src/domain/plan.ts';
import type { LoginResponse, Role } from '../../src/shared/auth.ts';
import type { PullRow } from '../../src/shared/pull.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { prepareDatabase } from '../../src/server/db/migrate.ts';
import { createEnte, createUser } from '../../src/server/enti.ts';
import { importParsedPlan } from '../../src/server/plan-import.ts';
import { createTestDatabase } from '../helpers/server.ts';
import { machineLine } from './stats.ts';

const PASSWORD = 'load-bench';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The server process (LOAD_SERVE=1): the real app on DATABASE_URL, its port on stdout.
// ---------------------------------------------------------------------------------------------
async function serve(): Promise<void> {
  const { buildApp } = await import('../../src/server/app.ts');
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    poolSize: Number(process.env.POOL_SIZE ?? 10),
  });
  const app = await buildApp({ database, staticDir: null, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`LISTENING ${(app.server.address() as AddressInfo).port}`);
  const stop = () => void app.close().then(() => database.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ---------------------------------------------------------------------------------------------
// Setup: the database, the enti and their users, the server processes.
// ---------------------------------------------------------------------------------------------
interface BenchUser {
  username: string;
  role: Role;
}

async function seedEnti(databaseUrl: string, enti: number): Promise<BenchUser[][]> {
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  await prepareDatabase(database.db, {});
  const sample = new URL('../../src/server/demo/asola-piao-2022-performance.txt', import.meta.url);
  const parsed = parsePlanText(readFileSync(sample, 'utf8'));
  if (!parsed.ok) throw new Error('the sample plan does not parse');
  const passwordHash = await hashPassword(PASSWORD); // one hash for all: scrypt is the slow part
  const now = new Date();
  const users: BenchUser[][] = [];
  for (let e = 0; e < enti; e++) {
    const prefix = `e${String(e).padStart(3, '0')}`;
    const here: BenchUser[] = [];
    await database.db.transaction(async (tx) => {
      const enteId = await createEnte(tx, `Ente di carico ${prefix}`, now);
      const plan = await importParsedPlan(tx, {
        enteId,
        plan: parsed.plan,
        title: 'PIAO 2022-2024 — Performance',
        years: [2022],
      });
      const add = async (username: string, role: Role, areaIds: string[]) => {
        await createUser(tx, { enteId, username, displayName: username, role, areaIds, passwordHash }, now);
        here.push({ username, role });
      };
      await add(`${prefix}.admin`, 'admin', []);
      for (const [i, a] of plan.areas.entries()) {
        await add(`${prefix}.head${i}`, 'head', [a.id]);
        await add(`${prefix}.officer${i}`, 'officer', [a.id]);
      }
      await add(`${prefix}.nucleo`, 'evaluator', []);
      await add(`${prefix}.viewer`, 'viewer', []);
    });
    users.push(here);
  }
  await database.close();
  return users;
}

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(databaseUrl: string, poolSize: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname], {
    env: { ...process.env, LOAD_SERVE: '1', DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------------------------
type Endpoint = 'login' | 'push' | 'pull';
const latencies: Record<Endpoint, number[]> = { login: [], push: [], pull: [] };
const errors = new Map<string, number>();
let measuring = false;
let servers: Server[] = [];
let next = 0;

function countError(what: string): void {
  errors.set(what, (errors.get(what) ?? 0) + 1);
}

async function call<T>(endpoint: Endpoint, path: string, init: RequestInit): Promise<T | null> {
  const server = servers[next++ % servers.length];
  if (!server) throw new Error('no server');
  const start = performance.now();
  try {
    const res = await fetch(server.url + path, init);
    const text = await res.text();
    if (measuring) latencies[endpoint].push(performance.now() - start);
    if (res.status !== 200) {
      countError(`${endpoint} ${res.status} ${text.slice(0, 80)}`);
      return null;
    }
    return JSON.parse(text) as T;
  } catch (error) {
    countError(`${endpoint} ${(error as Error).message}`);
    return null;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Devices.
// ---------------------------------------------------------------------------------------------
interface PhaseData {
  areaId: string;
  objectiveId: string;
  status: PhaseStatus;
  percent: number;
}

interface Pending {
  id: string;
  seq: number;
  name: string;
  args: unknown;
  clientTime: string;
}

class Device {
  readonly clientId = randomUUID();
  token = '';
  areaIds: string[] = [];
  seq = 0;
  cursor = 0;
  readonly rows = new Map<string, PullRow>();
  outbox: Pending[] = [];
  pushed = { applied: 0, rejected: 0, duplicate: 0 };

  constructor(
    readonly user: BenchUser,
    readonly random: () => number,
  ) {}

  private headers(json = false): Record<string, string> {
    return {
      authorization: `Bearer ${this.token}`,
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  async login(): Promise<boolean> {
    const body = JSON.stringify({ username: this.user.username, password: PASSWORD });
    const res = await call<LoginResponse>('login', '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!res) return false;
    this.token = res.token;
    this.areaIds = res.user.areaIds;
    return true;
  }

  /** Push the outbox (in batches of ≤ 1,000), then pull until done. False when a request failed. */
  async sync(): Promise<boolean> {
    while (this.outbox.length > 0) {
      const batch = this.outbox.slice(0, 1000);
      const res = await call<{ lastSeq: number; results: { seq: number; status: string }[] }>(
        'push',
        '/api/sync/push',
        {
          method: 'POST',
          headers: this.headers(true),
          body: JSON.stringify({ clientId: this.clientId, schemaVersion: 1, mutations: batch }),
        },
      );
      if (!res) return false;
      for (const r of res.results) {
        const k = r.status as keyof Device['pushed'];
        if (k in this.pushed) this.pushed[k] += 1;
      }
      this.outbox = this.outbox.filter((m) => m.seq > res.lastSeq);
    }
    for (let pages = 0; pages < 1000; pages++) {
      const page = await call<
        { cursor: number; hasMore: boolean; rows: PullRow[] } | { resync: true; cursor?: undefined }
      >('pull', `/api/sync/pull?clientId=${this.clientId}&cursor=${this.cursor}`, {
        headers: this.headers(),
      });
      if (!page) return false;
      if ('resync' in page) {
        this.rows.clear();
        this.cursor = 0;
        continue;
      }
      for (const row of page.rows) {
        const key = `${row.type}:${row.id}`;
        const had = this.rows.get(key);
        if (had && had.version > row.version) continue;
        if (row.deleted) this.rows.delete(key);
        else this.rows.set(key, row);
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return true;
    }
    return false;
  }

  /** One local change its role may make, on what the device last saw (so a stale `from` can conflict). */
  change(): void {
    const { role } = this.user;
    if (role === 'viewer') return;
    const phases = [...this.rows.values()].filter(
      (r): r is PullRow & { data: PhaseData } =>
        r.type === 'phase' &&
        (role === 'admin' || role === 'evaluator' || this.areaIds.includes((r.data as PhaseData).areaId)),
    );
    const phase = phases[Math.floor(this.random() * phases.length)];
    if (!phase) return;
    const r = this.random();
    let m: { name: string; args: unknown };
    if (role === 'evaluator' || r < 0.3) {
      m = {
        name: 'note.add',
        args: {
          noteId: randomUUID(),
          objectiveId: phase.data.objectiveId,
          phaseId: phase.id,
          text: `Nota di carico ${new Date().toISOString()}`,
        },
      };
    } else if (r < 0.65) {
      const from = phase.data.status;
      const to: PhaseStatus =
        from === 'not_started'
          ? 'in_progress'
          : from === 'in_progress'
            ? this.random() < 0.5
              ? 'done'
              : 'blocked'
            : 'in_progress';
      m = { name: 'phase.setStatus', args: { phaseId: phase.id, from, to } };
    } else {
      const percent = Math.min(100, phase.data.percent + 10 + Math.floor(this.random() * 20));
      m = { name: 'phase.setProgress', args: { phaseId: phase.id, percent, from: phase.data.percent } };
    }
    this.outbox.push({ id: randomUUID(), seq: ++this.seq, ...m, clientTime: new Date().toISOString() });
  }
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (i < items.length) {
        const item = items[i++];
        if (item !== undefined) await fn(item);
      }
    }),
  );
}

/** A device's life in the window: changes, syncs on its cadence, one offline spell and its burst. */
async function live(d: Device, o: Options, until: number): Promise<void> {
  const between = (a: number, b: number) => (a + d.random() * (b - a)) * 1000;
  let nextSync = Date.now() + between(0, o.syncMax); // devices do not all start at once
  let nextChange = Date.now() + between(0, o.changeEvery * 2);
  // One offline spell for some devices: changes queue up, and the sync on coming back is the burst.
  let offlineFrom = Infinity;
  let offlineUntil = 0;
  if (d.random() < o.offline) {
    offlineFrom = Date.now() + between(0, o.seconds * 0.6);
    offlineUntil = offlineFrom + between(20, 60);
  }
  let wasOffline = false;
  while (Date.now() < until) {
    const now = Date.now();
    const offline = now >= offlineFrom && now < offlineUntil;
    if (now >= nextChange) {
      d.change();
      nextChange = now + between(o.changeEvery * 0.5, o.changeEvery * 1.5);
    }
    if (!offline && (now >= nextSync || wasOffline)) {
      await d.sync(); // back online: the burst, at once
      nextSync = Date.now() + between(o.syncMin, o.syncMax);
    }
    wasOffline = offline;
    // Offline, the next sync waits for the network; online, for its time (or the next change).
    const wake = offline ? Math.min(nextChange, offlineUntil) : Math.min(nextSync, nextChange);
    await sleep(Math.max(50, Math.min(wake, until) - Date.now()));
  }
}

interface Options {
  devices: number;
  enti: number;
  seconds: number;
  servers: number;
  syncMin: number;
  syncMax: number;
  changeEvery: number;
  offline: number;
  pool: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '500' },
      enti: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '120' },
      servers: { type: 'string', default: '2' },
      'sync-min': { type: 'string', default: '30' },
      'sync-max': { type: 'string', default: '60' },
      'change-every': { type: 'string', default: '40' },
      offline: { type: 'string', default: '0.2' },
      pool: { type: 'string', default: '10' },
    },
  });
  return {
    devices: Number(values.devices),
    enti: Number(values.enti),
    seconds: Number(values.seconds),
    servers: Number(values.servers),
    syncMin: Number(values['sync-min']),
    syncMax: Number(values['sync-max']),
    changeEvery: Number(values['change-every']),
    offline: Number(values.offline),
    pool: Number(values.pool),
  };
}

/** pg_stat_activity of the bench database, every second: what the active backends wait on. */
function sampleActivity(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  const seen = new Map<string, number>();
  let samples = 0;
  let maxActive = 0;
  let maxConnections = 0;
  let stopped = false;
  const done = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ state: string | null; wait: string | null; n: number }>(
        `select state, coalesce(wait_event_type || ':' || wait_event, 'CPU (no wait)') as wait, count(*)::int as n
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         group by 1, 2`,
      );
      samples++;
      let active = 0;
      let all = 0;
      for (const r of rows) {
        all += r.n;
        if (r.state === 'idle') continue;
        active += r.n;
        const key = `${r.state}: ${r.wait}`;
        seen.set(key, (seen.get(key) ?? 0) + r.n);
      }
      maxActive = Math.max(maxActive, active);
      maxConnections = Math.max(maxConnections, all);
      await sleep(1000);
    }
    await client.end();
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { samples, seen, maxActive, maxConnections };
    },
  };
}

async function main(): Promise<void> {
  const o = options();
  console.log(machineLine());
  console.log(`options: ${JSON.stringify(o)}`);
  const database = await createTestDatabase();
  try {
    let t = performance.now();
    const users = await seedEnti(database.url, o.enti);
    console.log(
      `seeded ${o.enti} enti × ${users[0]?.length ?? 0} users in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    servers = await Promise.all(Array.from({ length: o.servers }, () => startServer(database.url, o.pool)));

    const devices = Array.from({ length: o.devices }, (_, i) => {
      const ente = users[i % o.enti] ?? [];
      const user = ente[Math.floor(i / o.enti) % ente.length];
      if (!user) throw new Error('no user');
      return new Device(user, seeded(1000 + i));
    });
    t = performance.now();
    measuring = true;
    await pool(devices, 20, async (d) => void (await d.login()));
    const loginTimes = [...latencies.login].sort((a, b) => a - b);
    console.log(
      `sign-in of ${o.devices} devices: ${((performance.now() - t) / 1000).toFixed(1)} s, p50 ${percentile(loginTimes, 50).toFixed(0)} ms, p95 ${percentile(loginTimes, 95).toFixed(0)} ms`,
    );
    t = performance.now();
    latencies.pull = [];
    await pool(devices, 20, async (d) => void (await d.sync()));
    const firstPull = [...latencies.pull].sort((a, b) => a - b);
    console.log(
      `first full pull of ${o.devices} devices (20 at once): ${((performance.now() - t) / 1000).toFixed(1)} s, ${devices[0]?.rows.size ?? 0} rows each, p50 ${percentile(firstPull, 50).toFixed(0)} ms, p95 ${percentile(firstPull, 95).toFixed(0)} ms`,
    );
    const setupErrors = [...errors.entries()];
    errors.clear();
    latencies.login = [];
    latencies.pull = [];
    latencies.push = [];

    // The window.
    const activity = sampleActivity(database.url);
    const cpuBefore = servers.map((s) => cpuSeconds(s.child.pid));
    const loads: number[][] = [os.loadavg()];
    const loadTimer = setInterval(() => loads.push(os.loadavg()), 15_000);
    const start = performance.now();
    const until = Date.now() + o.seconds * 1000;
    await Promise.all(devices.map((d) => live(d, o, until)));
    const elapsed = (performance.now() - start) / 1000;
    clearInterval(loadTimer);
    loads.push(os.loadavg());
    const cpu = servers.map((s, i) => (cpuSeconds(s.child.pid) - (cpuBefore[i] ?? 0)) / elapsed);
    const act = await activity.stop();
    measuring = false;

    const total = latencies.push.length + latencies.pull.length;
    console.log(
      `\nwindow: ${elapsed.toFixed(1)} s, ${total} requests, ${(total / elapsed).toFixed(1)} requests/s`,
    );
    for (const e of ['push', 'pull'] as const) {
      const s = [...latencies[e]].sort((a, b) => a - b);
      console.log(
        `  ${e}: ${s.length} (${(s.length / elapsed).toFixed(1)}/s)  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms  max ${(s[s.length - 1] ?? 0).toFixed(0)} ms`,
      );
    }
    const outcomes = devices.reduce(
      (a, d) => ({
        applied: a.applied + d.pushed.applied,
        rejected: a.rejected + d.pushed.rejected,
        duplicate: a.duplicate + d.pushed.duplicate,
      }),
      { applied: 0, rejected: 0, duplicate: 0 },
    );
    console.log(`  mutations: ${JSON.stringify(outcomes)} (rejections are stale transitions, not errors)`);
    console.log(
      `  errors in the window: ${errors.size === 0 ? 0 : JSON.stringify(Object.fromEntries(errors))}`,
    );
    if (setupErrors.length)
      console.log(`  errors before the window: ${JSON.stringify(Object.fromEntries(setupErrors))}`);
    console.log(`  server CPU: ${cpu.map((c) => `${(c * 100).toFixed(0)} %`).join(', ')} of one core each`);
    console.log(
      `  load average during the window (1/5/15 min, every 15 s): ${loads.map((l) => l.map((x) => x.toFixed(1)).join('/')).join('  ')}`,
    );
    console.log(
      `  PostgreSQL: ${act.samples} samples, at most ${act.maxActive} active backends of ${act.maxConnections} connections; non-idle backends by wait (sum over samples):`,
    );
    for (const [k, n] of [...act.seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`    ${n}\t${k}`);

    // Every device, synced once more, must equal a fresh full pull of its user. Two rounds: the
    // first pushes what every device still holds, the second pulls what the others pushed in the first.
    errors.clear();
    for (let round = 0; round < 2; round++) await pool(devices, 20, async (d) => void (await d.sync()));
    let equal = 0;
    const unequal: string[] = [];
    await pool(devices, 20, async (d) => {
      const fresh = new Device(d.user, d.random);
      fresh.token = d.token;
      await fresh.sync();
      const same =
        d.outbox.length === 0 &&
        fresh.rows.size === d.rows.size &&
        [...fresh.rows].every(([k, r]) => isDeepStrictEqual(d.rows.get(k), r));
      if (same) equal++;
      else
        unequal.push(
          `${d.user.username} (${d.rows.size} vs ${fresh.rows.size} rows, outbox ${d.outbox.length})`,
        );
    });
    console.log(
      `\nafterwards: ${equal} of ${o.devices} devices equal to the server${unequal.length ? `; NOT: ${unequal.slice(0, 5).join(', ')}` : ''}; errors ${errors.size === 0 ? 0 : JSON.stringify(Object.fromEntries(errors))}`,
    );
    console.log(machineLine());
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await sleep(500);
    await database.drop();
  }
}

if (process.env.LOAD_SERVE === '1') await serve();
else await main();
