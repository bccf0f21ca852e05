/**
 * Benchmark (not a test): how fast the dashboard of the generated large plan (2,000 objectives,
 * 10,000 phases, 100,000 notes) becomes usable in the built PWA, in Debian's Chromium with the CPU
 * throttled 4× (CDP Emulation.setCPUThrottlingRate), against the 1 s budget (issue 5):
 *   - cold after sync: the device has synced the whole plan; a fresh navigation to /cruscotto;
 *   - warm offline: the same with the network cut (context.setOffline) — the service worker serves
 *     the app shell and the data comes from IndexedDB;
 *   - cold after a change: as "cold after sync", but the dashboard's figures snapshot (kept in
 *     localStorage, dashboard-snapshot.ts) is removed before each load, as any change of the local
 *     data (a pull, a local change, a new day or weight set) makes it unusable: the figures are
 *     computed from IndexedDB.
 * "Usable" is the moment the area cards of the dashboard (".area-list .area-card", rendered only once
 * the figures are computed from the local data) enter the DOM, measured inside the page from the
 * navigation's time origin by a MutationObserver installed before any page script; the next animation
 * frame after it is printed too (≈ first paint of the data).
 *
 *   npx tsx test/bench/dashboard-large.ts [--runs N] [--db pglite|postgres] [--objectives N --phases N --notes N]
 *       [--profile]   (an unminified build; the first load of each kind profiled, self time printed)
 *
 * The server is the real app (test/helpers/server.ts) on 127.0.0.1 with a fresh build of the PWA.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { generateLargePlan, LARGE_PLAN_SIZES } from '../fixtures/large-plan.ts';
import { startTestServer } from '../helpers/server.ts';
import { buildPwa, launchChromium } from './browser.ts';
import { loadLargePlan } from './load-large-plan.ts';
import { topSelfTime, type CpuProfile } from './cpu-profile.ts';
import { formatSummary, machineLine, ms, summarise, verdict } from './stats.ts';

const READY_SELECTOR = '.area-list .area-card';
const BUDGET_MS = 1000;
const SYNC_TIMEOUT_MS = 600_000;
const CPU_THROTTLE = 4;
/** dashboard-snapshot.ts's localStorage key. */
const SNAPSHOT_KEY = 'traguardi.dashboard';
/** While this localStorage flag is set, every load starts without the snapshot. */
const DROP_SNAPSHOT_FLAG = 'bench.dropSnapshot';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function numberArg(name: string, fallback: number, max: number): number {
  const value = Number(arg(name));
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

declare global {
  interface Window {
    __benchMarks?: Record<string, number>;
    __benchFrameAt?: number;
    __benchFramePending?: boolean;
  }
}

/** What is timed on each load: the app shell, the dashboard's title, the dashboard with its data. */
const MARKS = { shell: '.app-header', title: 'main h1', ready: READY_SELECTOR };

/**
 * Installed before any page script: records when the selector first matches (ms since navigation
 * start) and the next animation frame. A string, not a function: tsx's keepNames wraps inner
 * functions in a `__name` helper that does not exist in the page.
 */
function watchReadyScript(marks: Record<string, string>): string {
  return `(() => {
    const marks = ${JSON.stringify(marks)};
    window.__benchMarks = {};
    const check = () => {
      let left = 0;
      for (const [name, selector] of Object.entries(marks)) {
        if (window.__benchMarks[name] !== undefined) continue;
        if (document.querySelector(selector)) window.__benchMarks[name] = performance.now();
        else left += 1;
      }
      if (window.__benchMarks.ready !== undefined && window.__benchFrameAt === undefined && !window.__benchFramePending) {
        window.__benchFramePending = true;
        requestAnimationFrame(() => { window.__benchFrameAt = performance.now(); });
      }
      return left === 0;
    };
    new MutationObserver((records, observer) => { if (check()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true });
  })();`;
}

/** Row counts of the app's IndexedDB (opened without a version, so the app's schema is untouched). */
function localCounts(): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const request = indexedDB.open('traguardi');
    request.onerror = () => resolve({});
    request.onsuccess = () => {
      const db = request.result;
      const stores = ['phases', 'notes', 'objectives'].filter((s) => db.objectStoreNames.contains(s));
      if (stores.length === 0) {
        db.close();
        resolve({});
        return;
      }
      const tx = db.transaction(stores, 'readonly');
      const counts: Record<string, number> = {};
      for (const store of stores) {
        const count = tx.objectStore(store).count();
        count.onsuccess = () => {
          counts[store] = count.result;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(counts);
      };
      tx.onerror = () => {
        db.close();
        resolve(counts);
      };
    };
  });
}

interface Times {
  shell: number;
  title: number;
  ready: number;
  frame: number;
}

/** With --profile, the first load of each kind is profiled (CDP Profiler on the page's main thread). */
let profiler: CDPSession | null = null;

async function measure(page: Page, navigate: () => Promise<unknown>, label?: string): Promise<Times> {
  if (profiler && label) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
    await profiler.send('Profiler.start');
  }
  await navigate();
  await page.waitForSelector(READY_SELECTOR, { timeout: 60_000 });
  await page.waitForFunction(() => window.__benchFrameAt !== undefined, undefined, { timeout: 30_000 });
  if (profiler && label) {
    const { profile } = await profiler.send('Profiler.stop');
    console.log(`  CPU profile of ${label}, self time (top 30):`);
    for (const l of topSelfTime(profile as CpuProfile, 30)) console.log(`    ${l}`);
  }
  return page.evaluate(() => ({
    shell: window.__benchMarks?.shell ?? NaN,
    title: window.__benchMarks?.title ?? NaN,
    ready: window.__benchMarks?.ready ?? NaN,
    frame: window.__benchFrameAt ?? NaN,
  }));
}

function line(label: string, t: Times): string {
  return `  ${label}: shell ${ms(t.shell)}, title ${ms(t.title)}, dashboard usable ${ms(t.ready)}, next frame ${ms(t.frame)}`;
}

async function main(): Promise<void> {
  const runs = numberArg('--runs', 5, 20);
  const kind = arg('--db') === 'postgres' ? 'postgres' : 'pglite';
  const sizes = {
    objectives: numberArg('--objectives', LARGE_PLAN_SIZES.objectives, 10_000),
    phases: numberArg('--phases', LARGE_PLAN_SIZES.phases, 50_000),
    notes: numberArg('--notes', LARGE_PLAN_SIZES.notes, 500_000),
  };
  console.log(`dashboard-large · ${machineLine()}`);
  const data = generateLargePlan({ seed: 1, ...sizes, areas: 20 });
  console.log(
    `plan: ${data.areas.length} areas, ${data.objectives.length} objectives, ${data.phases.length} phases, ${data.notes.length} notes`,
  );

  const buildStart = performance.now();
  const build = buildPwa(process.argv.includes('--profile') ? { minify: false } : {});
  console.log(`PWA built in ${ms(performance.now() - buildStart)}`);
  const server = await startTestServer({ db: kind, demo: false, staticDir: build.dir });
  let context: BrowserContext | null = null;
  const browser = await launchChromium();
  try {
    const loaded = await loadLargePlan(server.database.db, data);
    console.log(`server ${server.url} (${kind}); ${loaded.rows} rows loaded`);
    context = await browser.newContext({
      viewport: { width: 412, height: 915 },
      deviceScaleFactor: 2.625,
      isMobile: true,
      hasTouch: true,
      locale: 'it-IT',
      serviceWorkers: 'allow',
    });
    await context.addInitScript({ content: watchReadyScript(MARKS) });
    // Before any page script, so a snapshot saved late by the previous page cannot be used.
    await context.addInitScript({
      content: `if (localStorage.getItem(${JSON.stringify(DROP_SNAPSHOT_FLAG)}) === '1') localStorage.removeItem(${JSON.stringify(SNAPSHOT_KEY)});`,
    });
    const page = await context.newPage();

    // Sign in through the form, then let the first sync bring the whole plan down.
    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', loaded.adminUsername);
    await page.fill('input[name="password"]', loaded.password);
    await page.click('button[type="submit"]');
    const syncStart = performance.now();
    let counts: Record<string, number> = {};
    for (;;) {
      counts = await page.evaluate(localCounts);
      if ((counts.notes ?? 0) >= data.notes.length && (counts.phases ?? 0) >= data.phases.length) break;
      if (performance.now() - syncStart > SYNC_TIMEOUT_MS)
        throw new Error(`sync did not finish: ${JSON.stringify(counts)}`);
      await page.waitForTimeout(1000);
    }
    console.log(
      `first sync in the browser: ${ms(performance.now() - syncStart)} (${JSON.stringify(counts)})`,
    );
    // The service worker must be controlling the page for the offline runs.
    await page.goto(`${server.url}/cruscotto`);
    await page.waitForSelector(READY_SELECTOR, { timeout: 120_000 });
    const controlled = await page.evaluate(() => navigator.serviceWorker?.controller !== null);
    console.log(`service worker controlling the page: ${controlled}`);

    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    if (process.argv.includes('--profile')) profiler = cdp;

    // First open after a change: no usable snapshot, the figures come from IndexedDB.
    const changed: number[] = [];
    const changedFrame: number[] = [];
    await page.evaluate((flag) => localStorage.setItem(flag, '1'), DROP_SNAPSHOT_FLAG);
    for (let i = 0; i < runs; i += 1) {
      const t = await measure(
        page,
        () => page.goto(`${server.url}/cruscotto`),
        i === 0 ? 'cold after a change #1' : undefined,
      );
      changed.push(t.ready);
      changedFrame.push(t.frame);
      console.log(line(`cold after a change #${i + 1}`, t));
    }
    await page.evaluate((flag) => localStorage.removeItem(flag), DROP_SNAPSHOT_FLAG);

    const cold: number[] = [];
    const coldFrame: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = await measure(page, () => page.goto(`${server.url}/cruscotto`));
      cold.push(t.ready);
      coldFrame.push(t.frame);
      console.log(line(`cold after sync #${i + 1}`, t));
    }
    await context.setOffline(true);
    const warm: number[] = [];
    const warmFrame: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = await measure(page, () => page.reload(), i === 0 ? 'warm offline #1' : undefined);
      warm.push(t.ready);
      warmFrame.push(t.frame);
      console.log(line(`warm offline #${i + 1}`, t));
    }
    // For reference: the same warm offline start without CPU throttling.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const unthrottled: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i += 1) {
      const t = await measure(page, () => page.reload());
      unthrottled.push(t.ready);
      console.log(line(`warm offline, no throttling #${i + 1}`, t));
    }
    await context.setOffline(false);
    const changedSummary = summarise(changed);
    const coldSummary = summarise(cold);
    const warmSummary = summarise(warm);
    console.log(`CPU throttled ${CPU_THROTTLE}×, viewport 412×915 (mobile), selector "${READY_SELECTOR}"`);
    console.log(
      `cold after a change → dashboard usable: ${formatSummary(changedSummary)} — ${verdict(changedSummary.median, BUDGET_MS)}`,
    );
    console.log(`  next frame: ${formatSummary(summarise(changedFrame))}`);
    console.log(
      `cold after sync → dashboard usable: ${formatSummary(coldSummary)} — ${verdict(coldSummary.median, BUDGET_MS)}`,
    );
    console.log(`  next frame: ${formatSummary(summarise(coldFrame))}`);
    console.log(
      `warm offline → dashboard usable:    ${formatSummary(warmSummary)} — ${verdict(warmSummary.median, BUDGET_MS)}`,
    );
    console.log(`  next frame: ${formatSummary(summarise(warmFrame))}`);
    console.log(`warm offline, CPU not throttled:     ${formatSummary(summarise(unthrottled))}`);
  } finally {
    await context?.close();
    await browser.close();
    await server.close();
    build.remove();
  }
}

await main();
