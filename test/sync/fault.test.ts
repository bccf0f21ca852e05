/**
 * The randomised fault run: several simulated devices (the real engine over fake-indexeddb, each its
 * own browser; one with two tabs sharing a Web Lock) as different demo users make random status,
 * percent and note changes while going offline at random; their transports drop, duplicate (stale
 * replays, reordered), delay and lose answers after the commit; the server is killed and restarted
 * mid-run on the same data (PGlite folder / PostgreSQL database), and on PostgreSQL two server
 * processes serve the devices. Then, with the network healed, every device syncs until done and:
 * - every mutation made has exactly one outcome on the server (applied or rejected), none doubled,
 *   none lost, seqs gap-free per client; every rejection is in its device's `rejected` table;
 * - the notes on the server are exactly the notes created and applied, each once;
 * - every device holds exactly the server's rows for its user; no cursor ever went backwards.
 *
 * FAULT_SEED=<n> replays the same choices (devices, actions, faults); timing still varies a little.
 * FAULT_LONG=1 runs longer (more devices, steps and restarts). Default: short, for CI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DBCore, Middleware } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/db/database.ts';
import { addNote, setPhaseProgress, setPhaseStatus } from '../../src/client/db/local-change.ts';
import { readClientIdentity } from '../../src/client/db/meta.ts';
import { PHASE_STATUSES } from '../../src/domain/plan.ts';
import type { MutationName } from '../../src/shared/mutations.ts';
import { createTestDatabase } from '../helpers/server.ts';
import { memoryLock } from '../helpers/device.ts';
import { deviceRows, openDevice, serverRows, type SimDevice } from '../helpers/device-sim.ts';
import { Transport, seededRandom } from '../helpers/transport.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

const LONG = process.env.FAULT_LONG === '1';
const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const STEPS = LONG ? 1500 : 110;
const RESTARTS = LONG ? 4 : 1;
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
console.log(`fault run: FAULT_SEED=${SEED}${LONG ? ' FAULT_LONG=1' : ''} (replay with these)`);

interface Device {
  name: string;
  transport: Transport;
  tabs: SimDevice[];
  cursors: number[];
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

async function run(kind: 'pglite' | 'postgres') {
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
      periodMs: 400,
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
  for (const d of devices) {
    d.transport.chaos = { drop: 0.08, loseAnswer: 0.08, duplicate: 0.08, delay: 0.3, maxDelayMs: 120 };
    for (const tab of d.tabs) tab.engine.start();
  }

  const made: Made[] = [];
  const restartAt = new Set(
    Array.from({ length: RESTARTS }, (_, k) => Math.floor(((k + 1) * STEPS) / (RESTARTS + 1))),
  );
  let noteCounter = 0;
  for (let step = 0; step < STEPS; step++) {
    if (restartAt.has(step)) {
      const i = step % servers.length;
      const old = servers[i];
      await old?.kill(); // answers in flight are lost; the others keep serving (PostgreSQL)
      const fresh = await restartOne(i);
      servers[i] = fresh;
      for (const d of devices) d.transport.targets = urls();
    }
    const d = pick(devices);
    const tab = pick(d.tabs);
    const user = tab.session.user;
    const now = new Date();
    const r = random();
    if (r < 0.3 || (r < 0.55 && random() < 0.5)) {
      const phases = await tab.db.phases.toArray();
      const own = phases.filter((p) => user.areaIds.includes(p.areaId));
      const phase = pick(own.length && random() < 0.75 ? own : phases);
      const res =
        r < 0.3
          ? await setPhaseStatus(tab.db, { phaseId: phase.id, to: pick(PHASE_STATUSES), user, now })
          : await setPhaseProgress(tab.db, {
              phaseId: phase.id,
              percent: Math.floor(random() * 101),
              user,
              now,
            });
      if (res.ok)
        made.push({ id: res.mutationId, device: d, name: r < 0.3 ? 'phase.setStatus' : 'phase.setProgress' });
      tab.engine.notifyLocalChange();
    } else if (r < 0.75) {
      const objectives = await tab.db.objectives.toArray();
      const own = objectives.filter((o) => user.areaIds.includes(o.areaId));
      const objective = pick(own.length && random() < 0.75 ? own : objectives);
      const text = `fault-${SEED}-${kind}-${noteCounter++}`;
      const res = await addNote(tab.db, { objectiveId: objective.id, text, user, now });
      if (res.ok) made.push({ id: res.mutationId, device: d, name: 'note.add', noteId: res.noteId, text });
      tab.engine.notifyLocalChange();
    } else if (r < 0.88) {
      // going offline (or coming back); sometimes the network dies while the device thinks it is online
      const offline = !d.transport.offline;
      d.transport.offline = offline;
      if (offline ? random() < 0.7 : true) for (const t of d.tabs) t.online.set(!offline);
    } else {
      void tab.engine.syncNow();
    }
    await sleep(random() * 25);
  }

  // Heal the network, let stale replays land, and sync every tab until its outbox is empty.
  for (const d of devices) {
    d.transport.chaos = null;
    d.transport.offline = false;
    for (const t of d.tabs) t.online.set(true);
  }
  for (const d of devices) await d.transport.settle();
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

  await check(kind, servers[0], devices, made);
}

async function check(kind: string, server: ServerProcess | undefined, devices: Device[], made: Made[]) {
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

  // Exactly one outcome per mutation, on the right client, none unknown, seqs gap-free.
  const results = rowsOf<{
    client_id: string;
    seq: number;
    mutation_id: string;
    status: string;
    reason_code: string | null;
  }>(
    await server.database.db.execute(
      sql`select client_id, seq, mutation_id, status, reason_code from mutation_result`,
    ),
  ).filter((r) => [...clientOf.values()].includes(r.client_id));
  const byId = new Map<string, typeof results>();
  for (const r of results) byId.set(r.mutation_id, [...(byId.get(r.mutation_id) ?? []), r]);
  expect(results.length, `${ctx}: outcomes recorded vs mutations made`).toBe(made.length);
  let applied = 0;
  let rejected = 0;
  for (const m of made) {
    const outcomes = byId.get(m.id) ?? [];
    expect(outcomes.length, `${ctx}: outcomes of ${m.name} ${m.id} from ${m.device.name}`).toBe(1);
    const [o] = outcomes;
    expect(o?.client_id).toBe(clientOf.get(m.device));
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
  const expected = made.filter((m) => m.name === 'note.add' && byId.get(m.id)?.[0]?.status === 'applied');
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
      `${notes.length} notes; requests: ${JSON.stringify(Object.fromEntries(outcomes))}`,
  );
}

describe('randomised fault run', () => {
  it(
    'PGlite: one server process, killed and restarted on its folder',
    { timeout: LONG ? 600_000 : 60_000 },
    () => run('pglite'),
  );
  it('PostgreSQL: two server processes, one killed and restarted', { timeout: LONG ? 600_000 : 60_000 }, () =>
    run('postgres'),
  );
});
