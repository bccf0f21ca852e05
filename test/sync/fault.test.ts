/**
 * The randomised fault run: several simulated devices (the real engine over fake-indexeddb, each its
 * own browser; one with two tabs sharing a Web Lock) as different demo users make random status,
 * percent and note changes while going offline at random; their transports drop, duplicate (stale
 * replays, reordered), delay and lose answers after the commit; the server is killed and restarted
 * mid-run on the same data (PGlite folder / PostgreSQL database), and on PostgreSQL two server
 * processes serve the devices. Requests are reordered too: a request the device gave up on reaches
 * the server after the retry that overtook it, and answers (pull pages) arrive late. Then, with the
 * network healed, every device syncs until done and:
 * - every mutation made has exactly one application on the server (one mutation_result row, none for
 *   a mutation nobody made), none lost, seqs gap-free per client; every applied note.add spent the
 *   version its note carries, every history row the version of its mutation (applications.ts);
 *   every rejection is in its device's `rejected` table;
 * - the notes on the server are exactly the notes created and applied;
 * - every device holds exactly the server's rows for its user; no cursor ever went backwards.
 *
 * FAULT_SEED=<n> replays the same choices (devices, actions, faults); timing still varies a little.
 * FAULT_MUTATIONS=<n> sets how many mutations each database gets (default 70, the CI run; more
 * devices and restarts from 200 on). FAULT_LONG=1 is FAULT_MUTATIONS=1000.
 * FAULT_DEBUG=1 prints where the time goes (fault-timing.ts), every tenth of the run and at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DBCore, Middleware } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/db/database.ts';
import { expectAppliedOnce } from './applications.ts';
import { addNote, setPhaseProgress, setPhaseStatus } from '../../src/client/db/local-change.ts';
import { readClientIdentity } from '../../src/client/db/meta.ts';
import { PHASE_STATUSES } from '../../src/domain/plan.ts';
import type { MutationName } from '../../src/shared/mutations.ts';
import { createTestDatabase } from '../helpers/server.ts';
import { memoryLock } from '../helpers/device.ts';
import { deviceRows, openDevice, serverRows, type SimDevice } from '../helpers/device-sim.ts';
import { Transport, seededRandom } from '../helpers/transport.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { FaultTiming } from './fault-timing.ts';

const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const MUTATIONS = Number(process.env.FAULT_MUTATIONS ?? (process.env.FAULT_LONG === '1' ? 1000 : 70));
const LONG = MUTATIONS >= 200;
/** Restarts spread over the run: one in CI, then one per 1,000 mutations (at least 4). */
const RESTARTS = LONG ? Math.max(4, Math.round(MUTATIONS / 1000)) : 1;
/** Each step makes a mutation with probability ~0.75; the cap only stops a run that stopped making any. */
const MAX_STEPS = MUTATIONS * 4;
/**
 * Wall-clock budget: about 0.3 s per mutation per database (0.13 s measured at load 11 on 2 cores,
 * docs/performance.md), and never under three minutes: the short CI run took 61 s at load 16, its
 * pulls now gzipped by fetch (compression).
 */
const TIMEOUT_MS = Math.max(180_000, MUTATIONS * 300);
const USERS = LONG
  ? [
      'admin',
      'resp.persona',
      'istruttore.persona',
      'istruttore.persona',
      'resp.suap',
      'resp.finanziari',
      'nucleo',
      'lettore',
    ]
  : ['admin', 'resp.persona', 'istruttore.persona', 'resp.suap', 'nucleo'];
console.log(`fault run: FAULT_SEED=${SEED} FAULT_MUTATIONS=${MUTATIONS} (replay with these)`);

interface Device {
  name: string;
  transport: Transport;
  tabs: SimDevice[];
  cursors: number[];
}

interface Pickable {
  id: string;
  areaId: string;
}

interface Made {
  id: string;
  device: Device;
  name: MutationName;
  noteId?: string;
  text?: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

/** Records every cursor the device writes, to prove it never goes backwards. */
function cursorWatch(seen: number[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'cursor-watch',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        if (name !== 'meta') return t;
        return {
          ...t,
          mutate(req) {
            if (req.type === 'put') {
              for (const v of req.values as { key: string; value: unknown }[]) {
                if (v.key === 'cursor' && typeof v.value === 'number') seen.push(v.value);
              }
            }
            return t.mutate(req);
          },
        };
      },
    }),
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const DEBUG = process.env.FAULT_DEBUG === '1';

async function run(kind: 'pglite' | 'postgres') {
  const startedAt = performance.now();
  const timing = new FaultTiming(DEBUG, kind);
  const reportEvery = Math.max(50, Math.floor(MUTATIONS / 10));
  let nextReport = reportEvery;
  await timing.startProfile();
  const random = seededRandom(SEED);
  const pick = <T>(xs: readonly T[]): T => {
    const x = xs[Math.floor(random() * xs.length)];
    if (x === undefined) throw new Error('pick from nothing');
    return x;
  };

  // Servers: one PGlite process on a folder, or two PostgreSQL processes on one database.
  let servers: ServerProcess[];
  let restartOne: (i: number) => Promise<ServerProcess>;
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'traguardi-fault-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    servers = [await startServerProcess({ dataDir: dir })];
    restartOne = () => startServerProcess({ dataDir: dir });
  } else {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    servers = await Promise.all([0, 1].map(() => startServerProcess({ databaseUrl: database.url })));
    restartOne = () => startServerProcess({ databaseUrl: database.url });
  }
  cleanups.push(async () => {
    for (const s of servers) await s.kill().catch(() => {});
  });
  const urls = () => servers.map((s) => s.url);

  const devices: Device[] = [];
  for (const [i, username] of USERS.entries()) {
    const transport = new Transport(urls(), seededRandom(SEED + 1 + i));
    const cursors: number[] = [];
    const common = {
      transport,
      serverUrl: urls()[0] ?? '',
      username,
      prepare: (db: SimDevice['db']) => void db.use(cursorWatch(cursors)),
      // Periodic pulls between the pushes' own: often in CI's short run, so pulls race pushes; in a
      // long run every push is followed by a pull anyway, and idle pulls were ~15 % of its requests.
      periodMs: LONG ? 1_500 : 400,
      pushBatchSize: 1 + Math.floor(random() * 8), // small batches: more requests to break
    };
    // Device 2 is a browser with two tabs: one sync at a time through the Web Lock.
    const lock = i === 2 ? memoryLock() : null;
    const first = await openDevice({ ...common, lock });
    const tabs = [first];
    if (lock) tabs.push(await openDevice({ ...common, lock, browser: first.browser, signIn: false }));
    devices.push({ name: `${username}#${i}`, transport, tabs, cursors });
  }
  for (const d of devices)
    for (const tab of d.tabs) expect(await tab.engine.syncNow()).toMatchObject({ ok: true });
  // What a step picks from: the plan's phases and objectives (ids and areas, which this run never
  // changes), read once per tab instead of two whole-table reads per step (~8 % of a run's time).
  const pickable = new Map<SimDevice, { phases: Pickable[]; objectives: Pickable[] }>();
  for (const d of devices)
    for (const tab of d.tabs) {
      const only = (rows: Pickable[]) => rows.map(({ id, areaId }) => ({ id, areaId }));
      pickable.set(tab, {
        phases: only(await tab.db.phases.toArray()),
        objectives: only(await tab.db.objectives.toArray()),
      });
    }
  for (const d of devices) {
    d.transport.chaos = {
      drop: 0.06,
      loseAnswer: 0.06,
      duplicate: 0.06,
      overtaken: 0.05,
      lateAnswer: 0.05,
      delay: 0.3,
      maxDelayMs: 120,
    };
    for (const tab of d.tabs) tab.engine.start();
  }

  const made: Made[] = [];
  // Restarts when the count of mutations made passes k/(RESTARTS+1) of the run.
  const restartAt = Array.from({ length: RESTARTS }, (_, k) =>
    Math.floor(((k + 1) * MUTATIONS) / (RESTARTS + 1)),
  );
  let restarts = 0;
  let offlineSwitches = 0;
  let noteCounter = 0;
  let step = 0;
  for (; step < MAX_STEPS && made.length < MUTATIONS; step++) {
    if (restarts < restartAt.length && made.length >= (restartAt[restarts] ?? Infinity)) {
      restarts++;
      const i = step % servers.length;
      const old = servers[i];
      const fresh = await timing.time('restart', async () => {
        await old?.kill(); // answers in flight are lost; the others keep serving (PostgreSQL)
        return restartOne(i);
      });
      servers[i] = fresh;
      for (const d of devices) d.transport.targets = urls();
    }
    const d = pick(devices);
    const tab = pick(d.tabs);
    const user = tab.session.user;
    const now = new Date();
    const r = random();
    if (r < 0.3 || (r < 0.55 && random() < 0.5)) {
      const phases = pickable.get(tab)?.phases ?? [];
      const own = phases.filter((p) => user.areaIds.includes(p.areaId));
      const phase = pick(own.length && random() < 0.75 ? own : phases);
      const res = await timing.time('local change', () =>
        r < 0.3
          ? setPhaseStatus(tab.db, { phaseId: phase.id, to: pick(PHASE_STATUSES), user, now })
          : setPhaseProgress(tab.db, { phaseId: phase.id, percent: Math.floor(random() * 101), user, now }),
      );
      if (res.ok)
        made.push({ id: res.mutationId, device: d, name: r < 0.3 ? 'phase.setStatus' : 'phase.setProgress' });
      tab.engine.notifyLocalChange();
    } else if (r < 0.75) {
      const objectives = pickable.get(tab)?.objectives ?? [];
      const own = objectives.filter((o) => user.areaIds.includes(o.areaId));
      const objective = pick(own.length && random() < 0.75 ? own : objectives);
      const text = `fault-${SEED}-${kind}-${noteCounter++}`;
      const res = await timing.time('local change', () =>
        addNote(tab.db, { objectiveId: objective.id, text, user, now }),
      );
      if (res.ok) made.push({ id: res.mutationId, device: d, name: 'note.add', noteId: res.noteId, text });
      tab.engine.notifyLocalChange();
    } else if (r < 0.88) {
      // going offline (or coming back); sometimes the network dies while the device thinks it is online
      const offline = !d.transport.offline;
      d.transport.offline = offline;
      if (offline) offlineSwitches++;
      if (offline ? random() < 0.7 : true) for (const t of d.tabs) t.online.set(!offline);
    } else {
      void tab.engine.syncNow();
    }
    await timing.time('sleep', () => sleep(random() * 25));
    if (DEBUG && made.length >= nextReport) {
      nextReport += reportEvery;
      timing.report(`${made.length} mutations, ${step + 1} steps`, await deviceSizes(devices));
    }
  }

  // Heal the network, let stale replays land, and sync every tab until its outbox is empty.
  for (const d of devices) {
    d.transport.chaos = null;
    d.transport.offline = false;
    for (const t of d.tabs) t.online.set(true);
  }
  await timing.time('settle', async () => {
    for (const d of devices) await d.transport.settle();
  });
  const drainStart = performance.now();
  for (let round = 0; round < 30; round++) {
    let busy = false;
    for (const d of devices) {
      for (const tab of d.tabs) {
        const res = await tab.engine.syncNow();
        if (!res.ok || (await tab.db.outbox.count()) > 0) busy = true;
      }
    }
    if (!busy) break;
  }
  for (const d of devices) for (const tab of d.tabs) await tab.engine.syncNow(); // everyone's latest
  for (const d of devices) for (const tab of d.tabs) await tab.engine.stop();
  timing.add('drain', performance.now() - drainStart);

  await timing.time('check', () =>
    check(kind, servers[0], devices, made, {
      restarts,
      offline: offlineSwitches,
      steps: step,
      startedAt,
    }),
  );
  timing.report('end', await deviceSizes(devices));
  await timing.stop();
}

/** Row counts on the first device and the requests sent so far (FAULT_DEBUG). */
async function deviceSizes(devices: Device[]): Promise<Record<string, number>> {
  const db = devices[0]?.tabs[0]?.db;
  if (!db) return {};
  return {
    conflicts: await db.conflicts.count(),
    notes: await db.notes.count(),
    outbox: await db.outbox.count(),
    bases: await db.bases.count(),
    requests: devices.reduce((n, d) => n + d.transport.log.length, 0),
    pushes: devices.reduce(
      (n, d) => n + d.transport.log.filter((l) => l.path.startsWith('/api/sync/push')).length,
      0,
    ),
    pulls: devices.reduce(
      (n, d) => n + d.transport.log.filter((l) => l.path.startsWith('/api/sync/pull')).length,
      0,
    ),
  };
}

async function check(
  kind: string,
  server: ServerProcess | undefined,
  devices: Device[],
  made: Made[],
  run: { restarts: number; offline: number; steps: number; startedAt: number },
) {
  if (!server) throw new Error('no server');
  const ctx = `seed ${SEED} ${kind}`;
  const clientOf = new Map<Device, string>();
  for (const d of devices) {
    const db = d.tabs[0]?.db;
    const id = db && (await readClientIdentity(db))?.clientId;
    if (!id) throw new Error('no clientId');
    clientOf.set(d, id);
    for (const tab of d.tabs) expect(await tab.db.outbox.count(), `${ctx}: ${d.name} outbox`).toBe(0);
  }

  // Exactly one application per mutation, on the right client, none unknown (applications.ts).
  const byId = await expectAppliedOnce(
    server.database.db,
    made.map((m) => ({
      id: m.id,
      clientId: clientOf.get(m.device) ?? '',
      name: m.name,
      ...(m.noteId ? { noteId: m.noteId } : {}),
    })),
    ctx,
  );
  const results = [...byId.values()];
  let applied = 0;
  let rejected = 0;
  for (const m of made) {
    const o = byId.get(m.id);
    const local = await m.device.tabs[0]?.db.rejected.get(m.id);
    if (o?.status === 'rejected') {
      rejected++;
      expect(local?.reason.code, `${ctx}: rejection of ${m.id} on ${m.device.name}`).toBe(o.reason_code);
    } else {
      applied++;
      expect(o?.status).toBe('applied');
      expect(local, `${ctx}: applied ${m.id} but in rejected`).toBeUndefined();
    }
  }
  for (const d of devices) {
    const seqs = results.filter((r) => r.client_id === clientOf.get(d)).map((r) => Number(r.seq));
    seqs.sort((a, b) => a - b);
    expect(seqs, `${ctx}: seqs of ${d.name}`).toEqual(seqs.map((_, i) => i + 1));
    const madeHere = new Set(made.filter((m) => m.device === d).map((m) => m.id));
    for (const rej of (await d.tabs[0]?.db.rejected.toArray()) ?? []) expect(madeHere.has(rej.id)).toBe(true);
  }

  // Notes on the server: exactly those created and applied, each once, text intact.
  const notes = rowsOf<{ id: string; text: string }>(
    await server.database.db.execute(
      sql`select id, text from note where text like ${`fault-${SEED}-${kind}-%`}`,
    ),
  );
  const expected = made.filter((m) => m.name === 'note.add' && byId.get(m.id)?.status === 'applied');
  expect(new Map(notes.map((n) => [n.id, n.text])), `${ctx}: notes`).toEqual(
    new Map(expected.map((m) => [m.noteId, m.text])),
  );

  // Every device equals the server for its user; cursors never went backwards.
  for (const d of devices) {
    const tab = d.tabs[0];
    if (!tab) continue;
    const truth = await serverRows(server.url, tab.session.token);
    expect(await deviceRows(tab.db), `${ctx}: ${d.name} rows`).toEqual(truth);
    expect(
      d.cursors.every((c, i) => i === 0 || c >= (d.cursors[i - 1] ?? 0)),
      `${ctx}: ${d.name} cursors ${d.cursors.join(',')}`,
    ).toBe(true);
  }
  const outcomes = new Map<string, number>();
  for (const d of devices) {
    for (const l of d.transport.log) {
      const k = l.outcome.replace(/\d{3}/, 'NNN');
      outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    }
  }
  console.log(
    `fault run ${kind} seed ${SEED}: ${made.length} mutations (${applied} applied, ${rejected} rejected), ` +
      `${notes.length} notes, ${devices.length} devices, ${run.steps} steps, ${run.restarts} server restarts, ` +
      `${run.offline} times offline, ${((performance.now() - run.startedAt) / 1000).toFixed(1)} s; ` +
      `requests: ${JSON.stringify(Object.fromEntries(outcomes))}`,
  );
}

describe('randomised fault run', () => {
  it('PGlite: one server process, killed and restarted on its folder', { timeout: TIMEOUT_MS }, () =>
    run('pglite'),
  );
  it('PostgreSQL: two server processes, one killed and restarted', { timeout: TIMEOUT_MS }, () =>
    run('postgres'),
  );
});
