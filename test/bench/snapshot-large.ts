/**
 * Benchmark (not a test): monitoring snapshots of the generated large plan (2,000 objectives, 10,000
 * phases; no notes, which a snapshot does not read) over real HTTP — the push of one `snapshot.take`
 * (the server reads and freezes the whole plan and writes one row), the pull of that row, its size
 * on the wire — and the domain's figures of it (snapshotFigures, and compareFigures with the live
 * plan's), which a device computes whenever it shows a snapshot.
 *
 *   npx tsx test/bench/snapshot-large.ts [--runs N] [--db pglite|postgres|both]
 *
 * Prints median/min/max over the runs and the machine's load; no budget of its own.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  compareFigures,
  freezePlan,
  planFigures,
  snapshotFigures,
} from '../../src/domain/snapshot-figures.ts';
import type { PullResponse } from '../../src/shared/pull.ts';
import type { PushResponse } from '../../src/shared/push.ts';
import { rowDataSchemas } from '../../src/shared/rows.ts';
import { generateLargePlan, LARGE_PLAN_SIZES } from '../fixtures/large-plan.ts';
import { startTestServer, type TestDbKind } from '../helpers/server.ts';
import { BENCH_ADMIN, loadLargePlan } from './load-large-plan.ts';
import { formatSummary, machineLine, timeRuns } from './stats.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const runs = Math.min(Math.max(Number(arg('--runs') ?? 5) || 5, 1), 50);
const dbArg = arg('--db') ?? 'both';
const kinds: TestDbKind[] =
  dbArg === 'both' ? ['pglite', 'postgres'] : [dbArg === 'postgres' ? 'postgres' : 'pglite'];

const data = generateLargePlan({ ...LARGE_PLAN_SIZES, notes: 0 });
const areaIds = data.areas.map((a) => a.id);
const planEnd = `${Math.max(...data.plan.years)}-12-31`;

async function post<T>(url: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function pullText(url: string, token: string, clientId: string, cursor: number): Promise<string> {
  const res = await fetch(`${url}/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`pull: HTTP ${res.status}`);
  return res.text();
}

async function bench(kind: TestDbKind): Promise<void> {
  const server = await startTestServer({ db: kind, demo: false, staticDir: null });
  try {
    await loadLargePlan(server.database.db, data);
    const { token } = await post<{ token: string }>(`${server.url}/api/auth/login`, null, {
      username: BENCH_ADMIN.username,
      password: BENCH_ADMIN.password,
    });
    const take = () =>
      post<PushResponse>(`${server.url}/api/sync/push`, token, {
        clientId: randomUUID(),
        schemaVersion: 2,
        mutations: [
          {
            id: randomUUID(),
            seq: 1,
            name: 'snapshot.take',
            args: { snapshotId: randomUUID(), planId: data.plan.id, asOf: '2022-06-30', label: 'Bench' },
            clientTime: new Date().toISOString(),
          },
        ],
      }).then((r) => {
        if (r.results[0]?.status !== 'applied')
          throw new Error(`snapshot.take: ${JSON.stringify(r.results)}`);
      });
    console.log(`${kind}: snapshot.take push  ${formatSummary(await timeRuns(runs, 1, take))}`);

    // The row as a device pulls it: from the cursor just before one more snapshot.
    const clientId = randomUUID();
    let cursor = 0;
    for (;;) {
      const page = JSON.parse(await pullText(server.url, token, clientId, cursor)) as PullResponse;
      if ('resync' in page) throw new Error('resync');
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    await take();
    let text = '';
    const pulled = await timeRuns(runs, 0, async () => {
      text = await pullText(server.url, token, clientId, cursor);
    });
    const page = JSON.parse(text) as PullResponse;
    if ('resync' in page) throw new Error('resync');
    const row = page.rows.find((r) => r.type === 'snapshot');
    if (!row) throw new Error('no snapshot row pulled');
    const snapshot = rowDataSchemas.snapshot.parse(row.data);
    console.log(
      `${kind}: pull of the row      ${formatSummary(pulled)}; ${(text.length / 1024).toFixed(0)} KiB, ` +
        `${snapshot.phases.length} phases, ${snapshot.objectives.length} objectives`,
    );
  } finally {
    await server.close();
  }
}

console.log(machineLine());
console.log(`uptime: ${execFileSync('uptime').toString().trim()}`);
for (const kind of kinds) await bench(kind);

const frozen = { asOf: '2022-06-30', ...freezePlan(data.objectives, data.phases) };
console.log(
  `freezePlan (domain)     ${formatSummary(await timeRuns(runs, 1, () => freezePlan(data.objectives, data.phases)))}`,
);
console.log(
  `snapshotFigures         ${formatSummary(await timeRuns(runs, 1, () => snapshotFigures(frozen, areaIds, 'nucleo', planEnd)))}`,
);
const live = { areaIds, objectives: data.objectives, phases: data.phases };
console.log(
  `then and now (2 figures + compare) ${formatSummary(
    await timeRuns(runs, 1, () =>
      compareFigures(
        snapshotFigures(frozen, areaIds, 'nucleo', planEnd),
        planFigures(live, 'nucleo', '2022-10-31', planEnd),
      ),
    ),
  )}`,
);
console.log(`uptime: ${execFileSync('uptime').toString().trim()}`);
