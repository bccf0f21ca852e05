/**
 * Benchmark (not a test): the device's search over the generated large plan (2,000 objectives,
 * 10,000 phases, 100,000 notes) in the built PWA, in Debian's Chromium with the CPU throttled 4×
 * (CDP Emulation.setCPUThrottlingRate, on the page and on the search worker's own target), against
 * the 100 ms budget of issue 10:
 *   - before: the search as it was (every note read through an IndexedDB cursor, accents and case
 *     folded, each word looked for in the text), run in the page on the same database;
 *   - the index's build from the rows (the search worker, no snapshot), its snapshot's size, and
 *     its load from the snapshot, as the worker reports them (search-protocol.ts `progress`);
 *   - queries through the worker, as the page asks them (message round trip included): a word in
 *     no note, a common word, a prefix, two words, two letters.
 * The worker is the app's own built file, driven through its message protocol by the bench.
 *
 *   npx tsx test/bench/search-large.ts [--runs N] [--objectives N --phases N --notes N]
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { generateLargePlan, LARGE_PLAN_SIZES } from '../fixtures/large-plan.ts';
import { startTestServer } from '../helpers/server.ts';
import { buildPwa, launchChromium } from './browser.ts';
import { loadLargePlan } from './load-large-plan.ts';
import { formatSummary, machineLine, ms, summarise, verdict } from './stats.ts';

const BUDGET_MS = 100;
const CPU_THROTTLE = 4;
const SYNC_TIMEOUT_MS = 900_000;
const QUERIES = [
  { label: 'a word in no note', query: 'ornitorinco' },
  { label: 'a common word', query: 'servizio' },
  { label: 'a prefix', query: 'cro' },
  { label: 'two common words', query: 'servizio comunale' },
  { label: 'two letters', query: 'de' },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function numberArg(name: string, fallback: number, max: number): number {
  const value = Number(arg(name));
  return Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;
}

/** Row counts of the app's IndexedDB, opened without a version (the app's schema is untouched). */
function localCounts(): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const request = indexedDB.open('traguardi');
    request.onerror = () => resolve({});
    request.onsuccess = () => {
      const db = request.result;
      const stores = ['phases', 'notes'].filter((s) => db.objectStoreNames.contains(s));
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
    };
  });
}

/**
 * In the page: a new search worker from the app's built file, opened on the app's database; the
 * functions below talk to it. Strings, not functions: tsx's keepNames helper does not exist there.
 */
const WORKER_DRIVER = `(() => {
  window.__bench = {
    start(url) {
      const worker = new Worker(url, { type: 'module' });
      const state = { worker, progress: [], replies: new Map(), nextId: 1 };
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'progress') state.progress.push({ ...m.progress, at: performance.now() });
        if (m.type === 'results' || m.type === 'failed') state.replies.get(m.id)?.(m);
      };
      state.startedAt = performance.now();
      worker.postMessage({ type: 'open', dbName: 'traguardi' });
      window.__benchWorker = state;
    },
    search(query, areaIds) {
      const state = window.__benchWorker;
      const id = state.nextId++;
      const started = performance.now();
      return new Promise((resolve) => {
        state.replies.set(id, (m) => resolve({
          ms: performance.now() - started,
          inWorkerMs: m.tookMs,
          totals: m.type === 'results' ? [m.hits.objectives.total, m.hits.phases.total, m.hits.notes.total] : m.message,
        }));
        state.worker.postMessage({ type: 'search', id, query, areaIds, limit: 25 });
      });
    },
    progress() { return window.__benchWorker.progress; },
    // The search as it was before the index (use-search.ts until issue 10): every note read through
    // a cursor, accents and case folded, each word looked for in the text, at most 25 found.
    oldSearch(query) {
      const fold = (s) => s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
      const words = fold(query).split(/\\s+/).filter(Boolean);
      const started = performance.now();
      return new Promise((resolve) => {
        const request = indexedDB.open('traguardi');
        request.onsuccess = () => {
          const db = request.result;
          const cursor = db.transaction('notes', 'readonly').objectStore('notes').openCursor();
          let found = 0;
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c || found >= 25) {
              db.close();
              resolve({ ms: performance.now() - started, found });
              return;
            }
            const text = fold(String(c.value.text ?? ''));
            if (words.every((w) => text.includes(w))) found += 1;
            c.continue();
          };
        };
      });
    },
    stop() { window.__benchWorker.worker.terminate(); },
  };
})();`;

/** Deletes the index's snapshot (raw IndexedDB), so the next worker builds from the rows. */
function dropSnapshot(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.open('traguardi');
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('searchIndex', 'readwrite');
      tx.objectStore('searchIndex').delete('snapshot');
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
    };
  });
}

/**
 * Throttles the CPU of every target of the page: the page through its own session, its workers
 * through Target.attachToTarget + sendMessageToTarget (Playwright gives workers no CDP session).
 */
async function throttle(context: BrowserContext, page: Page, rate: number): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const { targetInfos } = await cdp.send('Target.getTargets');
  let id = 1;
  for (const t of targetInfos.filter((t) => t.type === 'worker')) {
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: id++, method: 'Emulation.setCPUThrottlingRate', params: { rate } }),
      });
    } catch (err) {
      console.warn(`could not throttle the worker ${t.url}: ${String(err)}`);
    }
  }
  return cdp;
}

async function startWorker(page: Page, url: string) {
  const started = page.waitForEvent('worker');
  await page.evaluate(
    (u) => (window as unknown as { __bench: { start(u: string): void } }).__bench.start(u),
    url,
  );
  await started; // its target exists now: it can be throttled
}

type Progress = { state: string; source?: string; tookMs?: number; snapshotBytes?: number; indexed: number };

async function waitForProgress(
  page: Page,
  test: (p: Progress) => boolean,
  timeout = 900_000,
): Promise<Progress> {
  const started = Date.now();
  for (;;) {
    const list = (await page.evaluate(() =>
      (window as unknown as { __bench: { progress(): unknown[] } }).__bench.progress(),
    )) as Progress[];
    const hit = list.find(test);
    if (hit) return hit;
    if (Date.now() - started > timeout) throw new Error(`worker: ${JSON.stringify(list.slice(-3))}`);
    await page.waitForTimeout(500);
  }
}

async function main(): Promise<void> {
  const runs = numberArg('--runs', 3, 20);
  const sizes = {
    objectives: numberArg('--objectives', LARGE_PLAN_SIZES.objectives, 10_000),
    phases: numberArg('--phases', LARGE_PLAN_SIZES.phases, 50_000),
    notes: numberArg('--notes', LARGE_PLAN_SIZES.notes, 500_000),
  };
  console.log(`search-large · ${machineLine()}`);
  const data = generateLargePlan({ seed: 1, ...sizes, areas: 20 });
  const areaIds = data.areas.map((a) => a.id);
  console.log(
    `plan: ${data.objectives.length} objectives, ${data.phases.length} phases, ${data.notes.length} notes`,
  );
  const build = buildPwa();
  const server = await startTestServer({ db: 'pglite', demo: false, staticDir: build.dir });
  const browser = await launchChromium();
  let context: BrowserContext | null = null;
  try {
    const loaded = await loadLargePlan(server.database.db, data);
    context = await browser.newContext({
      viewport: { width: 412, height: 915 },
      deviceScaleFactor: 2.625,
      isMobile: true,
      hasTouch: true,
      locale: 'it-IT',
    });
    await context.addInitScript({ content: WORKER_DRIVER });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', loaded.adminUsername);
    await page.fill('input[name="password"]', loaded.password);
    await page.click('button[type="submit"]');
    const syncStart = performance.now();
    for (;;) {
      const counts = await page.evaluate(localCounts);
      if ((counts.notes ?? 0) >= data.notes.length && (counts.phases ?? 0) >= data.phases.length) break;
      if (performance.now() - syncStart > SYNC_TIMEOUT_MS) throw new Error(`sync: ${JSON.stringify(counts)}`);
      await page.waitForTimeout(1000);
    }
    console.log(`first sync in the browser: ${ms(performance.now() - syncStart)} (not throttled)`);
    // The app's search worker, to find its built file's address.
    await page.goto(`${server.url}/cerca`);
    await page.waitForFunction(() => document.querySelector('input[type="search"]') !== null);
    const appWorker = page.workers().find((w) => w.url().includes('search-worker'));
    if (!appWorker) throw new Error('the app started no search worker');
    const workerUrl = appWorker.url();
    console.log(`search worker: ${workerUrl.slice(workerUrl.lastIndexOf('/') + 1)}`);
    // A page of its own, without the app's worker competing, for every measure below.
    await page.goto(`${server.url}/api/health`);

    const cdp = await throttle(context, page, CPU_THROTTLE);
    const before: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = (await page.evaluate(() =>
        (window as unknown as { __bench: { oldSearch(q: string): Promise<unknown> } }).__bench.oldSearch(
          'ornitorinco',
        ),
      )) as { ms: number };
      before.push(r.ms);
      console.log(`  before, a word in no note #${i + 1}: ${ms(r.ms)}`);
    }

    const builds: number[] = [];
    const loads: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      await page.evaluate(dropSnapshot);
      await startWorker(page, workerUrl);
      await throttle(context, page, CPU_THROTTLE);
      const built = await waitForProgress(page, (p) => p.state === 'ready' && p.source === 'build');
      builds.push(built.tookMs ?? NaN);
      const saved = await waitForProgress(page, (p) => (p.snapshotBytes ?? 0) > 0);
      bytes = saved.snapshotBytes ?? 0;
      await page.evaluate(() => (window as unknown as { __bench: { stop(): void } }).__bench.stop());
      await startWorker(page, workerUrl);
      await throttle(context, page, CPU_THROTTLE);
      const read = await waitForProgress(page, (p) => p.state === 'ready' && p.source === 'snapshot');
      loads.push(read.tookMs ?? NaN);
      console.log(
        `  build #${i + 1}: ${ms(built.tookMs ?? NaN)} (${built.indexed} rows); snapshot ≈ ${(bytes / 2 ** 20).toFixed(1)} MiB, loaded in ${ms(read.tookMs ?? NaN)}`,
      );
      if (i < runs - 1)
        await page.evaluate(() => (window as unknown as { __bench: { stop(): void } }).__bench.stop());
    }

    const results: {
      label: string;
      query: string;
      summary: ReturnType<typeof summarise>;
      worker: number;
      totals: unknown;
    }[] = [];
    for (const { label, query } of QUERIES) {
      const samples: number[] = [];
      const inWorker: number[] = [];
      let totals: unknown = null;
      for (let i = 0; i < runs + 1; i++) {
        const r = (await page.evaluate(
          ([q, a]) =>
            (
              window as unknown as { __bench: { search(q: string, a: string[]): Promise<unknown> } }
            ).__bench.search(q as string, a as string[]),
          [query, areaIds] as const,
        )) as { ms: number; inWorkerMs: number; totals: unknown };
        if (i === 0) continue; // the first run of each query warms the code up
        samples.push(r.ms);
        inWorker.push(r.inWorkerMs);
        totals = r.totals;
      }
      results.push({ label, query, summary: summarise(samples), worker: summarise(inWorker).median, totals });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    console.log(`\nCPU throttled ${CPU_THROTTLE}× (page and worker); ${machineLine()}`);
    console.log(`before (cursor over every note), a word in no note: ${formatSummary(summarise(before))}`);
    console.log(`index build from the rows, in the worker: ${formatSummary(summarise(builds))}`);
    console.log(`index load from its snapshot:             ${formatSummary(summarise(loads))}`);
    console.log(`snapshot size ≈ ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    for (const r of results)
      console.log(
        `query "${r.query}" (${r.label}; objectives/phases/notes ${JSON.stringify(r.totals)}): ${formatSummary(r.summary)}, in the worker ${ms(r.worker)} — ${verdict(r.summary.median, BUDGET_MS)}`,
      );
  } finally {
    await context?.close();
    await browser.close();
    await server.close();
    build.remove();
  }
}

await main();
