/**
 * Benchmark (not a test): the sync endpoints end to end over real HTTP (127.0.0.1), on PGlite (in
 * memory) and on PostgreSQL (a database with a random name on postgres://postgres@127.0.0.1:5432,
 * dropped afterwards), with the generated large plan (2,000 objectives, 10,000 phases, 100,000 notes)
 * in the database:
 *   (a) push: 10,000 queued mutations (phase.setStatus, phase.setProgress, note.add, all legal) sent
 *       in 10 requests of 1,000 (the protocol's maximum), one after the other as a device's outbox
 *       does, until every one is acknowledged. Target (issue 10): ≤ 0.5 s on PostgreSQL, ≤ 1 s on PGlite.
 *   (b) first pull: cursor 0 until hasMore is false, as the admin (who sees every row). Target: 3 s.
 *
 *   npx tsx test/bench/sync-server.ts [--db pglite|postgres|both] [--runs N] [--mix mixed|notes|phases]
 *       [--only push|pull] [--profile] [--queries]
 *
 * Timings include JSON encoding, HTTP and JSON decoding on the client side (the bench process).
 */
import { randomUUID } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { changePercent, changeStatus } from '../../src/domain/phase-transitions.ts';
import type { Phase, PhaseStatus } from '../../src/domain/plan.ts';
import type { PushMutation, PushResponse } from '../../src/shared/push.ts';
import type { PullResponse } from '../../src/shared/pull.ts';
import { createRandom, generateLargePlan, LARGE_PLAN_SIZES, type LargePlan } from '../fixtures/large-plan.ts';
import { startTestServer } from '../helpers/server.ts';
import { loadLargePlan } from './load-large-plan.ts';
import { topSelfTime, type CpuProfile } from './cpu-profile.ts';
import { formatSummary, machineLine, ms, summarise, verdict } from './stats.ts';

const PUSH_TOTAL = 10_000;
const PUSH_BATCH = 1000;
/** Issue 10's targets (issue 4's was 2 s for both). */
const PUSH_BUDGET_MS: Record<DbChoice, number> = { postgres: 500, pglite: 1000 };
const PULL_BUDGET_MS = 3000;
const MAX_PULL_PAGES = 10_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type DbChoice = 'pglite' | 'postgres';

const MIX = arg('--mix') === 'notes' ? 'notes' : arg('--mix') === 'phases' ? 'phases' : 'mixed';

interface Target {
  url: string;
  token: string;
  close(): Promise<void>;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A fresh database of the chosen kind (test/helpers/server.ts: PGlite in memory, or a random-named
 * PostgreSQL database dropped on close), migrated, with the large plan loaded; the real app on it.
 */
async function startServer(kind: DbChoice, data: LargePlan): Promise<Target> {
  const server = await startTestServer({ db: kind, demo: false, staticDir: null });
  try {
    if (server.databaseUrl)
      console.log(`  database ${new URL(server.databaseUrl).pathname.slice(1)} on 127.0.0.1:5432`);
    const loadStart = performance.now();
    const loaded = await loadLargePlan(server.database.db, data);
    console.log(`  loaded ${loaded.rows} rows in ${ms(performance.now() - loadStart)}`);
    const login = await json<{ token: string }>(
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: loaded.adminUsername, password: loaded.password }),
      }),
    );
    return { url: server.url, token: login.token, close: () => server.close() };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** Pulls from cursor 0 until hasMore is false; returns rows and bytes. */
async function firstPull(
  target: Target,
): Promise<{ ms: number; rows: number; pages: number; bytes: number }> {
  const clientId = randomUUID();
  let cursor = 0;
  let rows = 0;
  let pages = 0;
  let bytes = 0;
  const start = performance.now();
  for (; pages < MAX_PULL_PAGES;) {
    const response = await fetch(`${target.url}/api/sync/pull?clientId=${clientId}&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${target.token}` },
    });
    if (!response.ok) throw new Error(`pull: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    bytes += text.length;
    const page = JSON.parse(text) as PullResponse;
    pages += 1;
    if ('resync' in page) throw new Error('pull from 0 answered resync');
    rows += page.rows.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - start, rows, pages, bytes };
}

/**
 * 10,000 legal mutations for one device, built from a model of the phases' state that is advanced
 * with the same transition rules the server applies, so none is rejected for being illegal.
 */
function queueMutations(
  data: LargePlan,
  state: Map<string, Pick<Phase, 'status' | 'percent'>>,
  seed: number,
): PushMutation[] {
  const random = createRandom(seed);
  const objectiveState = new Map(data.objectives.map((o) => [o.id, o.state]));
  const open = data.phases.filter((p) => {
    const s = objectiveState.get(p.objectiveId);
    return s === 'active' || s === 'modified';
  });
  const statuses: PhaseStatus[] = ['not_started', 'in_progress', 'done', 'blocked', 'in_progress'];
  const clientTime = new Date().toISOString();
  const mutations: PushMutation[] = [];
  for (let seq = 1; seq <= PUSH_TOTAL; seq += 1) {
    const phase = open[Math.floor(random() * open.length)];
    if (!phase) throw new Error('no phase to change');
    const current = state.get(phase.id) ?? { status: phase.status, percent: phase.percent };
    // The mix: 40 % notes, 30 % percent, 30 % status; --mix notes|phases pushes only one kind.
    const draw = random();
    const r = MIX === 'notes' ? 0 : MIX === 'phases' ? 0.4 + draw * 0.6 : draw;
    let name: PushMutation['name'];
    let args: unknown;
    if (r < 0.4) {
      name = 'note.add';
      args = {
        noteId: randomUUID(),
        objectiveId: phase.objectiveId,
        phaseId: phase.id,
        text: `Sopralluogo del ${seq % 28} ottobre: verificata la documentazione, avanzamento secondo il cronoprogramma.`,
      };
    } else {
      const percent = Math.floor(random() * 20) * 5;
      const asPercent = r < 0.7 && current.status !== 'done' && current.status !== 'cancelled';
      if (asPercent) {
        const next = changePercent(current, 'active', percent, current.percent);
        if (next.ok) state.set(phase.id, next.next);
        name = 'phase.setProgress';
        args = { phaseId: phase.id, percent, from: current.percent };
      } else {
        const to = statuses[Math.floor(random() * statuses.length)] ?? 'in_progress';
        const next = changeStatus(current, 'active', current.status, to);
        if (next.ok) state.set(phase.id, next.next);
        name = 'phase.setStatus';
        args = { phaseId: phase.id, from: current.status, to };
      }
    }
    mutations.push({ id: randomUUID(), seq, name, args, clientTime });
  }
  return mutations;
}

async function push(
  target: Target,
  mutations: readonly PushMutation[],
): Promise<{
  ms: number;
  requests: number[];
  applied: number;
  rejected: number;
  other: number;
  reasons: Set<string>;
}> {
  const clientId = randomUUID();
  const requests: number[] = [];
  let applied = 0;
  let rejected = 0;
  let other = 0;
  const reasons = new Set<string>();
  let acked = 0;
  const start = performance.now();
  // Bounded: each round acknowledges at least one mutation or throws.
  for (let round = 0; acked < mutations.length && round < 100; round += 1) {
    const batch = mutations.slice(acked, acked + PUSH_BATCH);
    const t = performance.now();
    const response = await json<PushResponse>(
      await fetch(`${target.url}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId, schemaVersion: 1, mutations: batch }),
      }),
    );
    requests.push(performance.now() - t);
    if (response.lastSeq <= acked) throw new Error(`push made no progress at seq ${acked}`);
    for (const result of response.results) {
      if (result.status === 'applied') applied += 1;
      else if (result.status === 'rejected') {
        rejected += 1;
        reasons.add(result.reason?.code ?? '?');
      } else other += 1;
    }
    acked = response.lastSeq;
  }
  if (acked < mutations.length) throw new Error(`only ${acked} of ${mutations.length} acknowledged`);
  return { ms: performance.now() - start, requests, applied, rejected, other, reasons };
}

/**
 * --queries (PostgreSQL): every query node-postgres sends is timed, from sending to its result, and
 * the totals per statement (its first words) are printed after the first push: the database's side.
 */
const queryTimes = new Map<string, { total: number; count: number }>();
function timeQueries(): void {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const start = performance.now();
    const first = args[0];
    const text =
      typeof first === 'string' ? first : String((first as { text?: unknown } | null)?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const result = original.apply(this, args);
    if (result instanceof Promise)
      void result.then(
        () => {
          const t = queryTimes.get(key) ?? { total: 0, count: 0 };
          t.total += performance.now() - start;
          t.count += 1;
          queryTimes.set(key, t);
        },
        () => {},
      );
    return result;
  } as typeof pg.Client.prototype.query;
}
if (process.argv.includes('--queries')) timeQueries();

/** --only push|pull: one of the two measures (both by default). */
const ONLY = arg('--only') === 'push' ? 'push' : arg('--only') === 'pull' ? 'pull' : null;

async function benchOne(kind: DbChoice, data: LargePlan, runs: number): Promise<void> {
  console.log(`\n[${kind}]`);
  const target = await startServer(kind, data);
  try {
    const pulls: number[] = [];
    for (let i = 0; i < (ONLY === 'push' ? 0 : runs); i += 1) {
      const result = await firstPull(target);
      pulls.push(result.ms);
      console.log(
        `  first pull #${i + 1}: ${ms(result.ms)} — ${result.rows} rows in ${result.pages} pages, ${(result.bytes / 2 ** 20).toFixed(1)} MiB of JSON`,
      );
    }
    const pull = summarise(pulls);
    if (pulls.length)
      console.log(`  first pull: ${formatSummary(pull)} — ${verdict(pull.median, PULL_BUDGET_MS)}`);
    if (ONLY === 'pull') return;

    const state = new Map<string, Pick<Phase, 'status' | 'percent'>>();
    const pushes: number[] = [];
    queryTimes.clear();
    // --profile: a CPU profile of this process over the first push (with PGlite, the database too).
    const inspector = process.argv.includes('--profile') ? new Session() : null;
    for (let i = 0; i < runs; i += 1) {
      const mutations = queueMutations(data, state, 100 + i);
      if (inspector && i === 0) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      }
      const result = await push(target, mutations);
      if (i === 0 && queryTimes.size > 0) {
        console.log('  queries of push #1 (total ms / count):');
        for (const [key, t] of [...queryTimes].sort((a, b) => b[1].total - a[1].total).slice(0, 20))
          console.log(`    ${ms(t.total).padStart(9)} / ${String(t.count).padStart(4)}  ${key}`);
      }
      if (inspector && i === 0) {
        const { profile } = await inspector.post('Profiler.stop');
        console.log('  CPU profile of push #1, self time (top 25):');
        for (const line of topSelfTime(profile as CpuProfile, 25)) console.log(`    ${line}`);
        inspector.disconnect();
      }
      pushes.push(result.ms);
      const perRequest = summarise(result.requests);
      console.log(
        `  push #${i + 1}: ${ms(result.ms)} for ${mutations.length} mutations in ${result.requests.length} requests (per request ${formatSummary(perRequest)}); applied ${result.applied}, rejected ${result.rejected}${result.reasons.size > 0 ? ` [${[...result.reasons].join(', ')}]` : ''}, other ${result.other}`,
      );
    }
    const pushSummary = summarise(pushes);
    console.log(
      `  push 10,000: ${formatSummary(pushSummary)} — ${verdict(pushSummary.median, PUSH_BUDGET_MS[kind])}`,
    );
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const choice = arg('--db') ?? 'both';
  const runsArg = Number(arg('--runs') ?? 3);
  const runs = Number.isInteger(runsArg) && runsArg > 0 ? Math.min(runsArg, 10) : 3;
  const kinds: DbChoice[] =
    choice === 'both' ? ['pglite', 'postgres'] : [choice === 'postgres' ? 'postgres' : 'pglite'];
  console.log(`sync-server · ${machineLine()}`);
  const data = generateLargePlan({ seed: 1, ...LARGE_PLAN_SIZES });
  console.log(
    `mutation mix: ${MIX}; large plan: ${data.areas.length} areas, ${data.objectives.length} objectives, ${data.phases.length} phases, ${data.notes.length} notes; ${runs} run(s) each`,
  );
  for (const kind of kinds) await benchOne(kind, data, runs);
}

await main();
