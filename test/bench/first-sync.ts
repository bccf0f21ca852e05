/**
 * Benchmark (not a test): a device's first sync of the generated large plan (2,000 objectives, 10,000
 * phases, 100,000 notes) in the built PWA, in Debian's Chromium, on a phone's network and CPU:
 * CDP Emulation.setCPUThrottlingRate (4× by default) and Network.emulateNetworkConditions (9 Mbit/s
 * down, 1.5 Mbit/s up, 60 ms RTT by default), against the targets of issue 10:
 *   - usable: from the click on "Accedi" to the landing page showing the plan — the dashboard's area
 *     cards (/cruscotto) or the home page's own phases (/) — ≤ 5 s;
 *   - every note stored: from the same click to IndexedDB holding every note — ≤ 20 s.
 * Each run is a fresh browser context (an empty IndexedDB: a device signing in for the first time).
 *
 *   npx tsx test/bench/first-sync.ts [--runs N] [--pages dashboard,home] [--user admin|head]
 *       [--cpu 4] [--down-mbit 9] [--up-mbit 1.5] [--rtt-ms 60] [--no-throttle] [--profile [--profile-window MS-MS]]
 *       [--in-page] [--timeline] [--probe]
 *       [--objectives N --phases N --notes N]
 *
 * It prints, per run, the sync's own measures (performance.measure entries named `sync:*` that the
 * engine records: fetch, parse, validate, store…) summed, and the main thread's busy time. With
 * --profile the PWA is built without minification and a CPU profile of the page (CDP Profiler) is
 * taken over the first run; the functions with the most self time are printed. The app runs its sync
 * engine in a worker, which CDP cannot throttle (Emulation.setCPUThrottlingRate is for pages only):
 * --in-page runs it on the page's main thread instead (localStorage traguardi.syncInPage), throttled.
 * Runs under the e2e lock (it builds and drives Chromium): `flock /tmp/traguardi-e2e.lock npx tsx …`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { generateLargePlan, LARGE_PLAN_SIZES } from '../fixtures/large-plan.ts';
import { startTestServer } from '../helpers/server.ts';
import { buildPwa, launchChromium } from './browser.ts';
import { loadLargePlan } from './load-large-plan.ts';
import { formatSummary, machineLine, ms, summarise, verdict } from './stats.ts';
import { topSelfTime, topTotalTime, type CpuProfile } from './cpu-profile.ts';

const USABLE_BUDGET_MS = 5_000;
const NOTES_BUDGET_MS = 20_000;
const SYNC_TIMEOUT_MS = 600_000;

const PAGES = {
  dashboard: { path: '/cruscotto', ready: '.area-list .area-card' },
  home: { path: '/', ready: '.work-section .plain-list li' },
} as const;
type PageName = keyof typeof PAGES;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function numberArg(name: string, fallback: number, max: number): number {
  const value = Number(arg(name));
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
}
const flag = (name: string) => process.argv.includes(name);

/**
 * Whether the app's first sync is still under way: its `meta` record `firstSync` (client/sync/
 * first-sync.ts) exists, or nothing is synced yet (no cursor). A point read, cheap enough to poll
 * on a throttled page without slowing what it measures (counting 100,000 notes is not).
 */
function firstSyncPending(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.open('traguardi');
    request.onerror = () => resolve(true);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('meta')) {
        db.close();
        resolve(true);
        return;
      }
      const store = db.transaction('meta', 'readonly').objectStore('meta');
      const state = store.get('firstSync');
      const cursor = store.get('cursor');
      cursor.onsuccess = () => {
        db.close();
        resolve(state.result !== undefined || !cursor.result);
      };
      cursor.onerror = () => (db.close(), resolve(true));
    };
  });
}

/** Row counts of the app's IndexedDB (opened without a version, so the app's schema is untouched). */
function localCounts(stores: string[]): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const request = indexedDB.open('traguardi');
    request.onerror = () => resolve({});
    request.onsuccess = () => {
      const db = request.result;
      const present = stores.filter((s) => db.objectStoreNames.contains(s));
      if (present.length === 0) {
        db.close();
        resolve({});
        return;
      }
      const tx = db.transaction(present, 'readonly');
      const counts: Record<string, number> = {};
      for (const store of present) {
        const count = tx.objectStore(store).count();
        count.onsuccess = () => {
          counts[store] = count.result;
        };
      }
      tx.oncomplete = () => (db.close(), resolve(counts));
      tx.onerror = () => (db.close(), resolve(counts));
    };
  });
}

/**
 * Installed before any page script: the time (ms since navigation start) at which `selector` first
 * matches, and the text of the sync strip's progress line whenever it changes. A string, not a
 * function: tsx's keepNames wraps inner functions in a `__name` helper the page does not have.
 */
function watchScript(selector: string): string {
  return `(() => {
    window.__bench = { ready: undefined, progress: [] };
    const check = () => {
      if (window.__bench.ready === undefined && document.querySelector(${JSON.stringify(selector)}))
        window.__bench.ready = performance.now();
      const p = document.querySelector('.sync-backfill');
      const text = p ? p.textContent : null;
      const last = window.__bench.progress[window.__bench.progress.length - 1];
      if (text && (!last || last.text !== text)) window.__bench.progress.push({ at: performance.now(), text });
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

declare global {
  interface Window {
    __bench?: { ready: number | undefined; progress: { at: number; text: string }[] };
  }
}

interface RunResult {
  usable: number;
  notes: number;
  measures: Record<string, { total: number; count: number }>;
  /** Requests and transactions, from the click: when each began and how long it took. */
  timeline: { name: string; at: number; duration: number }[];
  progress: { at: number; text: string }[];
  busy: number | null;
}

async function throttle(cdp: CDPSession, on: boolean): Promise<void> {
  if (!on) return;
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: numberArg('--cpu', 4, 20) });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: numberArg('--rtt-ms', 60, 2000),
    downloadThroughput: (numberArg('--down-mbit', 9, 1000) * 1e6) / 8,
    uploadThroughput: (numberArg('--up-mbit', 1.5, 1000) * 1e6) / 8,
  });
}

async function oneRun(
  browserUrl: string,
  launch: Awaited<ReturnType<typeof launchChromium>>,
  login: { username: string; password: string },
  pageName: PageName,
  expected: { notes: number; phases: number },
  options: { throttled: boolean; profile: boolean; inPage: boolean },
): Promise<{ result: RunResult; profile: CpuProfile | null }> {
  const context = await launch.newContext({
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2.625,
    isMobile: true,
    hasTouch: true,
    locale: 'it-IT',
    serviceWorkers: 'allow',
  });
  try {
    const target = PAGES[pageName];
    await context.addInitScript({ content: watchScript(target.ready) });
    // --in-page: the engine runs on the page's main thread (app-sync-engine.ts), throttled with it.
    if (options.inPage)
      await context.addInitScript({ content: `localStorage.setItem('traguardi.syncInPage', '1');` });
    const page: Page = await context.newPage();
    await page.goto(`${browserUrl}${target.path}`);
    await page.waitForSelector('input[name="username"]');
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, options.throttled);
    await page.fill('input[name="username"]', login.username);
    await page.fill('input[name="password"]', login.password);
    if (options.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await cdp.send('Performance.getMetrics');
    const clickAt = await page.evaluate(() => performance.now());
    await page.click('button[type="submit"]');
    const start = performance.now();
    // --probe: what the page says every 2 s until it is usable (where a slow first screen waits).
    const probe = flag('--probe')
      ? setInterval(() => {
          void page
            .evaluate(async () => {
              const text =
                document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').slice(0, 160) ?? '';
              const phases = await new Promise<number>((resolve) => {
                const open = indexedDB.open('traguardi');
                open.onsuccess = () => {
                  const idb = open.result;
                  if (!idb.objectStoreNames.contains('phases')) return resolve(-1);
                  const count = idb.transaction('phases').objectStore('phases').count();
                  count.onsuccess = () => {
                    resolve(count.result);
                    idb.close();
                  };
                };
                open.onerror = () => resolve(-2);
              });
              return `[${phases} phases stored] ${text}`;
            })
            .then((text) => console.log(`    probe ${ms(performance.now() - start)}: ${text}`))
            .catch(() => undefined);
        }, 2000)
      : null;
    await page.waitForFunction(() => window.__bench?.ready !== undefined, undefined, { timeout: 120_000 });
    if (probe) clearInterval(probe);
    const readyAt = await page.evaluate(() => window.__bench?.ready ?? NaN);
    let notesAt = NaN;
    for (;;) {
      if (!(await page.evaluate(firstSyncPending))) {
        notesAt = (await page.evaluate(() => performance.now())) - clickAt;
        break;
      }
      if (performance.now() - start > SYNC_TIMEOUT_MS) throw new Error('the first sync did not finish');
      await page.waitForTimeout(250);
    }
    // Counted once, after the clock stopped: the device holds every note and phase.
    const counts = await page.evaluate(localCounts, ['notes', 'phases']);
    if ((counts.notes ?? 0) < expected.notes || (counts.phases ?? 0) < expected.phases)
      throw new Error(`the first sync ended short: ${JSON.stringify(counts)}`);
    const after = await cdp.send('Performance.getMetrics');
    const metric = (m: typeof before, name: string) => m.metrics.find((x) => x.name === name)?.value;
    const busyBefore = metric(before, 'TaskDuration');
    const busyAfter = metric(after, 'TaskDuration');
    const profile = options.profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : null;
    // The engine's own measures: in the sync worker's timeline (or the page's, run in the page),
    // each with its start on the page's clock (a worker's time origin is its own start).
    const readMeasures = () =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('sync:'))
        .map((m) => ({ name: m.name, start: m.startTime + performance.timeOrigin, duration: m.duration }));
    const worker = page.workers().find((w) => w.url().includes('sync-worker'));
    // The page's own (sync:plan-read, the dashboard's reads) beside the worker's.
    const entries = worker
      ? [...(await worker.evaluate(readMeasures)), ...(await page.evaluate(readMeasures))]
      : await page.evaluate(readMeasures);
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const measures: RunResult['measures'] = {};
    for (const m of entries) {
      const entry = (measures[m.name] ??= { total: 0, count: 0 });
      entry.total += m.duration;
      entry.count += 1;
    }
    const timeline = entries
      .filter((m) =>
        [
          'sync:fetch',
          'sync:body',
          'sync:store',
          'sync:plan-read',
          'sync:work-read',
          'sync:work-items',
        ].includes(m.name),
      )
      .map((m) => ({ name: m.name.slice(5), at: m.start - pageOrigin - clickAt, duration: m.duration }));
    // What the page and the worker downloaded after the click (sign-in, lazy chunks, the worker's
    // script, the pulls): where the time before the first pull goes.
    const readResources = () =>
      performance
        .getEntriesByType('resource')
        .map((r) => r as PerformanceResourceTiming)
        .map((r) => ({
          name: `get ${new URL(r.name).pathname.replace(/^.*\/assets\//, '')}${new URL(r.name).search.slice(0, 40)}`,
          start: r.startTime + performance.timeOrigin,
          duration: r.responseEnd - r.startTime,
        }));
    const resources = [
      ...(worker ? await worker.evaluate(readResources) : []),
      ...(await page.evaluate(readResources)),
    ]
      .map((r) => ({ name: r.name, at: r.start - pageOrigin - clickAt, duration: r.duration }))
      .filter((r) => r.at >= -50 && r.at < 8_000);
    timeline.push(...resources);
    timeline.sort((a, b) => a.at - b.at);
    const progress = (
      (await page.evaluate(() => window.__bench?.progress ?? [])) as RunResult['progress']
    ).map((p) => ({ at: p.at - clickAt, text: p.text }));
    return {
      result: {
        usable: readyAt - clickAt,
        notes: notesAt,
        measures,
        timeline,
        progress,
        busy: busyBefore !== undefined && busyAfter !== undefined ? (busyAfter - busyBefore) * 1000 : null,
      },
      profile,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const runs = numberArg('--runs', 3, 20);
  const throttled = !flag('--no-throttle');
  const profile = flag('--profile');
  const inPage = flag('--in-page');
  const pages = (arg('--pages') ?? 'dashboard,home')
    .split(',')
    .filter((p): p is PageName => Object.hasOwn(PAGES, p));
  const sizes = {
    objectives: numberArg('--objectives', LARGE_PLAN_SIZES.objectives, 10_000),
    phases: numberArg('--phases', LARGE_PLAN_SIZES.phases, 50_000),
    notes: numberArg('--notes', LARGE_PLAN_SIZES.notes, 500_000),
  };
  console.log(`first-sync · ${machineLine()}`);
  const conditions = throttled
    ? `CPU ${numberArg('--cpu', 4, 20)}×, network ${numberArg('--down-mbit', 9, 1000)} Mbit/s down, ${numberArg('--up-mbit', 1.5, 1000)} up, ${numberArg('--rtt-ms', 60, 2000)} ms RTT`
    : 'no throttling (loopback, full CPU)';
  console.log(
    `conditions: ${conditions}; sync engine ${inPage ? 'in the page (--in-page)' : 'in its worker'}`,
  );
  const data = generateLargePlan({ seed: 1, ...sizes, areas: 20 });
  const build = buildPwa(profile ? { minify: false } : {});
  const server = await startTestServer({ db: 'pglite', demo: false, staticDir: build.dir });
  const browser = await launchChromium();
  try {
    const loaded = await loadLargePlan(server.database.db, data);
    const head = data.users.find((u) => u.role === 'head');
    const who = arg('--user') === 'head' && head ? 'head' : 'admin';
    const login =
      who === 'head' && head
        ? { username: `${head.username}.${loaded.enteId.slice(0, 8)}`, password: loaded.password }
        : { username: loaded.adminUsername, password: loaded.password };
    const visibleNotes =
      who === 'head' && head
        ? data.notes.filter((n) => {
            const o = data.objectives.find((x) => x.id === n.objectiveId);
            return o !== undefined && head.areaIds.includes(o.areaId);
          }).length
        : data.notes.length;
    console.log(
      `plan: ${data.objectives.length} objectives, ${data.phases.length} phases, ${data.notes.length} notes; signed in as ${who} (${login.username}), who sees ${visibleNotes} notes`,
    );
    for (const pageName of pages) {
      const usable: number[] = [];
      const notes: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const { result, profile: cpu } = await oneRun(
          server.url,
          browser,
          login,
          pageName,
          { notes: visibleNotes, phases: data.phases.length },
          { throttled, profile: profile && i === 0, inPage },
        );
        usable.push(result.usable);
        notes.push(result.notes);
        const measured = Object.entries(result.measures)
          .map(([name, m]) => `${name.slice(5)} ${ms(m.total)}/${m.count}`)
          .join(', ');
        console.log(
          `  ${pageName} #${i + 1}: usable ${ms(result.usable)}, every note stored ${ms(result.notes)}; main thread busy ${result.busy === null ? '?' : ms(result.busy)}`,
        );
        if (measured) console.log(`    sync measures (total/count): ${measured}`);
        if (flag('--timeline'))
          for (const m of result.timeline)
            console.log(`      ${m.name} at ${ms(m.at)} for ${ms(m.duration)}`);
        const shown = result.progress.filter((_, k, all) => k === 0 || k === all.length - 1 || k % 10 === 0);
        if (shown.length)
          console.log(`    progress shown: ${shown.map((p) => `${ms(p.at)} "${p.text}"`).join(' · ')}`);
        if (cpu) {
          // --profile-window 6000-10000: only that span (ms from the click), and total times too.
          const span = arg('--profile-window')?.split('-').map(Number);
          const window = span?.length === 2 ? { from: span[0] ?? 0, to: span[1] ?? Infinity } : undefined;
          const within = window ? ` from ${window.from} to ${window.to} ms` : '';
          console.log(`    CPU profile${within}, self time (top 30):`);
          for (const line of topSelfTime(cpu, 30, window)) console.log(`      ${line}`);
          if (window) {
            console.log(`    CPU profile${within}, total time (top 40):`);
            for (const line of topTotalTime(cpu, 40, window)) console.log(`      ${line}`);
          }
        }
      }
      const u = summarise(usable);
      const n = summarise(notes);
      console.log(`${pageName} usable: ${formatSummary(u)} — ${verdict(u.median, USABLE_BUDGET_MS)}`);
      console.log(`every note stored: ${formatSummary(n)} — ${verdict(n.median, NOTES_BUDGET_MS)}`);
    }
    console.log(`conditions: ${conditions}; ${machineLine()}`);
  } finally {
    await browser.close();
    await server.close();
    build.remove();
  }
}

await main();
