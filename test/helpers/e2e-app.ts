/**
 * End-to-end harness: the built PWA served by the real server (a child process, `tsx
 * src/server/main.ts`, demo mode, a fresh embedded database in a temporary DATA_DIR) and Debian's
 * Chromium driven by playwright-core, with phone-sized contexts.
 *
 *   const app = useE2eApp();                        // in a describe: beforeAll/afterAll for the file
 *   const context = await app.newPhone();            // 390×844, touch, it-IT
 *   const page = await context.newPage();
 *   await page.goto(app.url('/'));
 *
 * - The PWA is built (vite build) only when dist/ is missing or older than its sources; CI builds it
 *   before the tests. Several test files may start at once: a lock directory makes one of them build
 *   and the others wait.
 * - Each test file gets its own server (own port, own database) and its own browser, shared by the
 *   tests of that file; everything is stopped in afterAll, the temporary folder removed.
 * - `E2E_DEBUG=1` echoes the server's output.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
/** describe.skipIf(!chromiumAvailable) … — CI installs Debian's chromium, so this only skips locally. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const SKIP_MESSAGE = `end-to-end tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`;
export const DEMO_PASSWORD = 'demo';

const DIST = join(ROOT, 'dist');
const BUILD_INPUTS = ['src/client', 'src/shared', 'src/domain', 'index.html', 'vite.config.ts', 'public'];
const BUILD_LOCK = join(tmpdir(), 'traguardi-e2e-build.lock');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function distIsFresh(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index) || !existsSync(join(DIST, 'sw.js'))) return false;
  const built = statSync(index).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(join(ROOT, input)) <= built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the PWA into dist/ unless it is already newer than its sources (one builder at a time). */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (distIsFresh()) return;
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // Another test file is building; a lock older than 2 minutes was left by a killed run.
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > 120_000)
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another process to build the PWA');
      await sleep(250);
      continue;
    }
    try {
      if (distIsFresh()) return;
      const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
      return;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface E2eServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `tsx src/server/main.ts` in demo mode on a free port and a fresh DATA_DIR; waits for /api/health. */
export async function startE2eServer(options: { currentYearPlan?: boolean } = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'traguardi-e2e-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: '1',
      DEMO_PASSWORD,
      // The figures tests are written against the 2022 sample alone; a test of several plans asks.
      DEMO_CURRENT_YEAR: options.currentYearPlan ? '1' : '0',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (process.env.E2E_DEBUG) process.stderr.write(`[server] ${chunk.toString('utf8')}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the server exited before answering /api/health:\n${output}`);
    }
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within 90 s:\n${output}`);
    }
    await sleep(100);
  }
  return { origin, dataDir, output: () => output, stop };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A mid-range phone: 390×844, touch, Italian. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'it-IT',
  timezoneId: 'Europe/Rome',
};

export interface E2eApp {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** An absolute address on the server. */
  url(path?: string): string;
  /** A new phone-sized context (its own profile: IndexedDB, service worker, storage). */
  newPhone(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers beforeAll/afterAll that build (if needed), start the server and launch Chromium for the
 * current test file; contexts made through `newPhone` are closed in afterAll.
 */
export function useE2eApp(): E2eApp {
  let server: E2eServer | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
  }, 240_000);
  // On failure, a screenshot of every open page goes to $E2E_ARTIFACTS (default /tmp/traguardi-e2e).
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const dir = process.env.E2E_ARTIFACTS ?? join(tmpdir(), 'traguardi-e2e');
    mkdirSync(dir, { recursive: true });
    const name = context.task.name.replace(/[^\w-]+/g, '-').slice(0, 60);
    let n = 0;
    for (const c of contexts) {
      for (const page of c.pages()) {
        n += 1;
        const path = join(dir, `${name}-${n}.png`);
        const strip = await page
          .getByRole('banner')
          .getByRole('status')
          .first()
          .textContent({ timeout: 1000 })
          .catch(() => null);
        await page.screenshot({ path }).then(
          () => console.error(`screenshot of ${page.url()} (sync strip: ${JSON.stringify(strip)}): ${path}`),
          () => undefined,
        );
      }
    }
  });
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  }, 30_000);
  const app: E2eApp = {
    get server() {
      if (!server) throw new Error('the e2e server is not started (use app inside tests)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (use app inside tests)');
      return browser;
    },
    url: (path = '/') => `${app.server.origin}${path}`,
    async newPhone(options = {}) {
      const context = await app.browser.newContext({ ...PHONE, baseURL: app.server.origin, ...options });
      contexts.push(context);
      return context;
    },
  };
  return app;
}

/** Collects the page's uncaught exceptions (a test asserts there were none). */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/**
 * Waits until the service worker controls the page. On a first visit the worker installs and
 * activates but, in 'prompt' mode without clientsClaim, controls only the next navigation: reload
 * once (online), as reopening the app would.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/**
 * A phone whose profile lives in `userDataDir`: closing it and launching again on the same folder is
 * closing the browser and opening it again (IndexedDB, service worker and storage survive).
 */
export async function launchPersistentPhone(
  userDataDir: string,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...PHONE,
    baseURL: origin,
    ...options,
  });
}
