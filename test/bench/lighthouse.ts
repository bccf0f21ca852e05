/**
 * Benchmark (not a test): Lighthouse 12 (the npm package) mobile scores — Performance, Accessibility,
 * Best Practices — of the login page (a first visit) and, signed in, the dashboard (a repeat visit:
 * service worker and local data in place), on Debian's Chromium.
 *
 *   npx tsx test/bench/lighthouse.ts [--runs N] [--only login|dashboard] [--save DIR]
 *
 * `--save DIR` writes each run's full report (lhr JSON) there, to see what Lighthouse blamed.
 *
 * The server is the real app in demo mode (the Asola sample plan) on 127.0.0.1 with a fresh build of
 * the PWA. Chromium is launched by playwright-core with a persistent profile and a remote-debugging
 * port, so the sign-in made through the form is in the same profile Lighthouse opens its tab in; the
 * dashboard run keeps storage (disableStorageReset) so it stays signed in. Lighthouse's default mobile
 * settings: Moto G Power emulation, simulated slow 4G and 4× CPU slowdown. Median of N runs per score.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { startTestServer } from '../helpers/server.ts';
import { buildPwa, CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { machineLine, summarise } from './stats.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof CATEGORIES)[number];

function runsArg(): number {
  const i = process.argv.indexOf('--runs');
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? Math.min(value, 10) : 3;
}

function flagValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface PageScores {
  scores: Record<Category, number[]>;
  failing: Map<string, string>;
}

const saveDir = flagValue('--save');
let saved = 0;

async function audit(url: string, port: number, keepStorage: boolean, into: PageScores): Promise<void> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    saved += 1;
    const name = `${String(saved).padStart(2, '0')}-${new URL(url).pathname.replace(/\W+/g, '') || 'login'}.json`;
    writeFileSync(path.join(saveDir, name), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const category of CATEGORIES) {
    const score = lhr.categories[category]?.score;
    into.scores[category].push(score === null || score === undefined ? NaN : Math.round(score * 100));
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (a && ref.weight > 0 && a.score !== null && a.score < 0.9) {
        const value = a.displayValue ? ` (${a.displayValue})` : '';
        into.failing.set(`${category}: ${a.id}`, `${a.title}${value}`);
      }
    }
  }
  // Which Chrome "Issues" were logged (the audit only says that some were).
  const issues = lhr.audits['inspector-issues']?.details;
  if (issues && issues.type === 'table') {
    for (const item of issues.items)
      into.failing.set(
        `issue: ${String(item.issueType)}`,
        JSON.stringify(item.subItems ?? item).slice(0, 300),
      );
  }
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  console.log(
    `    FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}; ${CATEGORIES.map((c) => `${c} ${into.scores[c].at(-1)}`).join(', ')}`,
  );
}

function report(label: string, page: PageScores): void {
  const medians = CATEGORIES.map((c) => `${c} ${summarise(page.scores[c]).median}`);
  console.log(`${label}: ${medians.join(', ')}  (median of ${page.scores.performance.length})`);
  for (const [id, text] of page.failing) console.log(`    below 90 — ${id}: ${text}`);
}

const emptyScores = (): PageScores => ({
  scores: { performance: [], accessibility: [], 'best-practices': [] },
  failing: new Map(),
});

async function main(): Promise<void> {
  const runs = runsArg();
  console.log(`lighthouse · ${machineLine()}`);
  const build = buildPwa();
  const server = await startTestServer({ db: 'pglite', demo: true, staticDir: build.dir });
  const profile = mkdtempSync(path.join(tmpdir(), 'traguardi-lh-profile-'));
  const port = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1'],
    headless: true,
    timeout: 60_000,
  });
  const only = flagValue('--only');
  try {
    const login = emptyScores();
    if (only !== 'dashboard') {
      console.log(`login page ${server.url}/ (first visit, storage reset before each run):`);
      for (let i = 0; i < runs; i += 1) await audit(`${server.url}/`, port, false, login);
    }
    if (only === 'login') {
      report('login page', login);
      return;
    }

    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'demo');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.sync-strip', { timeout: 60_000 });
    await page.goto(`${server.url}/cruscotto`);
    await page
      .waitForSelector('.area-list .area-card', { timeout: 120_000 })
      .catch(async (error: unknown) => {
        console.error(
          `the dashboard did not show; the page says: ${(await page.innerText('body')).slice(0, 600)}`,
        );
        throw error;
      });

    const dashboard = emptyScores();
    console.log(`dashboard ${server.url}/cruscotto (signed in as admin, demo plan, storage kept):`);
    for (let i = 0; i < runs; i += 1) await audit(`${server.url}/cruscotto`, port, true, dashboard);

    console.log('');
    if (only !== 'dashboard') report('login page', login);
    report('dashboard (signed in)', dashboard);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    build.remove();
  }
}

await main();
