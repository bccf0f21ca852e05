/**
 * Benchmark (not a test): the large plan's first pull ON THE WIRE, with and without compression.
 * The generated large plan (2,000 objectives, 10,000 phases, 100,000 notes) is loaded as in
 * sync-server.ts; the admin pulls from cursor 0 until hasMore is false over real HTTP (node:http, so
 * the bytes are counted as they arrived, before decoding), three ways in turn each run:
 *   identity  no Accept-Encoding (what every pull was before issue 10)
 *   chromium  "gzip, deflate, br, zstd", as the PWA's requests carry it (the server picks br)
 *   gzip      "gzip" alone (a client without brotli)
 * Each figure: bytes on the wire, bytes decoded, the time to the last page (server + HTTP + decoding
 * and JSON.parse in this process), the process's CPU (server and client share it; compression runs
 * on libuv's threads and counts here) and what the bytes alone would take at 9 Mbit/s.
 *
 * With --levels it also compresses the identity pages in this process at other settings (gzip 1, 4,
 * 6; brotli 3 to 6), one page after the other on one thread, and prints size and CPU for each: the
 * figures behind the server's choice of brotli quality 4 (src/server/compression.ts).
 *
 *   npx tsx test/bench/pull-wire.ts [--db pglite|postgres] [--runs N] [--levels]
 */
import { randomUUID } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { PullResponse } from '../../src/shared/pull.ts';
import { generateLargePlan, LARGE_PLAN_SIZES } from '../fixtures/large-plan.ts';
import { startTestServer } from '../helpers/server.ts';
import { CHROMIUM_ACCEPT_ENCODING, decodeBody, getOnWire } from '../helpers/wire.ts';
import { loadLargePlan } from './load-large-plan.ts';
import { machineLine, ms, summarise } from './stats.ts';

const MAX_PULL_PAGES = 1000;
const DOWNLINK_BITS_PER_S = 9_000_000;

const MODES = {
  identity: null,
  chromium: CHROMIUM_ACCEPT_ENCODING,
  gzip: 'gzip',
} as const;
type Mode = keyof typeof MODES;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

interface PullFigures {
  ms: number;
  cpuMs: number;
  wire: number;
  decoded: number;
  pages: number;
  rows: number;
  encodings: Set<string>;
}

/** Other settings for --levels, each a synchronous compression of one page. */
const brotli = (quality: number) => (page: Buffer) =>
  brotliCompressSync(page, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
const LEVELS: [string, (page: Buffer) => Buffer][] = [
  ['gzip 1', (page) => gzipSync(page, { level: 1 })],
  ['gzip 4', (page) => gzipSync(page, { level: 4 })],
  ['gzip 6', (page) => gzipSync(page, { level: 6 })],
  ['brotli 3', brotli(3)],
  ['brotli 4', brotli(4)],
  ['brotli 5', brotli(5)],
  ['brotli 6', brotli(6)],
];

function compareLevels(pages: readonly Buffer[]): void {
  const total = pages.reduce((s, p) => s + p.length, 0);
  console.log(`settings compared on the ${pages.length} identity pages (${mib(total)}), one thread:`);
  for (const [name, compress] of LEVELS) {
    const cpu = process.cpuUsage();
    let size = 0;
    for (const page of pages) size += compress(page).length;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `  ${name.padEnd(9)} ${mib(size).padStart(10)} (${((size / total) * 100).toFixed(1)} %), CPU ${ms(cpuMs)} (${(total / 2 ** 20 / (cpuMs / 1000)).toFixed(0)} MiB/s)`,
    );
  }
}

async function firstPull(
  url: string,
  token: string,
  acceptEncoding: string | null,
  keep?: Buffer[],
): Promise<PullFigures> {
  const clientId = randomUUID();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
  const figures: PullFigures = {
    ms: 0,
    cpuMs: 0,
    wire: 0,
    decoded: 0,
    pages: 0,
    rows: 0,
    encodings: new Set(),
  };
  let cursor = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (; figures.pages < MAX_PULL_PAGES;) {
    const res = await getOnWire(
      `${url}/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2`,
      headers,
    );
    if (res.status !== 200) throw new Error(`pull: HTTP ${res.status}`);
    const body = decodeBody(res);
    figures.wire += res.body.length;
    figures.decoded += body.length;
    figures.pages += 1;
    keep?.push(body);
    const encoding = res.headers['content-encoding'];
    figures.encodings.add(typeof encoding === 'string' ? encoding : 'identity');
    const page = JSON.parse(body.toString('utf8')) as PullResponse;
    if ('resync' in page) throw new Error('pull from 0 answered resync');
    figures.rows += page.rows.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  figures.ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  figures.cpuMs = (used.user + used.system) / 1000;
  return figures;
}

async function main(): Promise<void> {
  const db = arg('--db') === 'postgres' ? 'postgres' : 'pglite';
  const runsArg = Number(arg('--runs') ?? 3);
  const runs = Number.isInteger(runsArg) && runsArg > 0 ? Math.min(runsArg, 10) : 3;
  console.log(`pull-wire · ${machineLine()}`);
  const data = generateLargePlan({ seed: 1, ...LARGE_PLAN_SIZES });
  const server = await startTestServer({ db, demo: false, staticDir: null });
  try {
    const loadStart = performance.now();
    const loaded = await loadLargePlan(server.database.db, data);
    console.log(
      `[${db}] loaded ${loaded.rows} rows in ${ms(performance.now() - loadStart)}; ${runs} run(s) of each mode`,
    );
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: loaded.adminUsername, password: loaded.password }),
    });
    const { token } = (await login.json()) as { token: string };
    const results = new Map<Mode, PullFigures[]>();
    const identityPages: Buffer[] = [];
    // Modes in turn within each run, so a change of load on the machine falls on all of them.
    for (let run = 1; run <= runs; run += 1) {
      for (const mode of Object.keys(MODES) as Mode[]) {
        const keep = process.argv.includes('--levels') && run === 1 && mode === 'identity';
        const f = await firstPull(server.url, token, MODES[mode], keep ? identityPages : undefined);
        results.set(mode, [...(results.get(mode) ?? []), f]);
        console.log(
          `  #${run} ${mode.padEnd(8)} ${mib(f.wire).padStart(10)} on the wire (${[...f.encodings].join(', ')}), ${mib(f.decoded)} decoded, ${f.rows} rows in ${f.pages} pages, ${ms(f.ms)}, CPU ${ms(f.cpuMs)}`,
        );
      }
    }
    console.log(`summary (median of ${runs}) · load average now ${machineLine().split('load average ')[1]}`);
    for (const [mode, list] of results) {
      const first = list[0];
      if (!first) continue;
      const time = summarise(list.map((f) => f.ms));
      const cpu = summarise(list.map((f) => f.cpuMs));
      const wire = summarise(list.map((f) => f.wire)).median;
      console.log(
        `  ${mode.padEnd(8)} ${mib(wire).padStart(10)} on the wire (${((wire / first.decoded) * 100).toFixed(1)} % of ${mib(first.decoded)}); first pull ${ms(time.median)} (min ${ms(time.min)}, max ${ms(time.max)}); CPU ${ms(cpu.median)}; at 9 Mbit/s the bytes alone take ${((wire * 8) / DOWNLINK_BITS_PER_S).toFixed(1)} s`,
      );
    }
    if (identityPages.length > 0) compareLevels(identityPages);
  } finally {
    await server.close();
  }
}

await main();
