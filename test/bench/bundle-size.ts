/**
 * Benchmark (not a test): the first screen's bytes ON THE WIRE, as the real server sends them to
 * Chromium, against issue 10's target of 120 KB of initial JavaScript. The built PWA is served by the
 * app (`buildApp`, test/helpers/server.ts) on 127.0.0.1, and every file is fetched over HTTP with the
 * Accept-Encoding Chromium sends ("gzip, deflate, br, zstd"); what is counted is the body as it
 * arrived (after HTTP's chunk framing, before decoding), so a precompressed twin, an on-the-fly
 * compression or no compression at all is measured as it is.
 *
 * "Initial" is what a first visit must download before the app runs: index.html, every module
 * script and modulepreload it names, everything those chunks import statically (transitively, read
 * from the decoded chunks: `import()` is lazy) and its stylesheets. Lazy chunks, the service worker
 * and the CSS are reported apart, and the same closure without Accept-Encoding for comparison.
 *
 *   npx tsx test/bench/bundle-size.ts            builds into a temporary folder (dist/ is left alone)
 *   npx tsx test/bench/bundle-size.ts --dist     serves an existing dist/ instead of building
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer } from '../helpers/server.ts';
import { CHROMIUM_ACCEPT_ENCODING, decodeBody, getOnWire } from '../helpers/wire.ts';
import { machineLine } from './stats.ts';

const TARGET_BYTES = 120 * 1024;
/** The issue's phone network, to say what the bytes cost in time. */
const DOWNLINK_BITS_PER_S = 9_000_000;
const root = path.resolve(import.meta.dirname, '../..');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

interface Fetched {
  url: string;
  raw: number;
  wire: number;
  encoding: string;
  text: string;
}

async function fetchFile(base: string, url: string, acceptEncoding: string | null): Promise<Fetched> {
  const res = await getOnWire(base + url, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  const decoded = decodeBody(res);
  const encoding = res.headers['content-encoding'];
  return {
    url,
    raw: decoded.length,
    wire: res.body.length,
    encoding: typeof encoding === 'string' ? encoding : 'identity',
    text: decoded.toString('utf8'),
  };
}

/** URLs of module scripts, modulepreloads and stylesheets in index.html. */
function htmlEntries(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    if (match[1]) js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (match[1]) js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
    if (match[1]) css.add(match[1]);
  return { js: [...js], css: [...css] };
}

/** Static imports of an ES module chunk (import … from, import "…", export … from); not import(). */
function staticImports(url: string, code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) {
    if (match[1]) found.push(new URL(match[1], `http://x${url}`).pathname);
  }
  return found;
}

/** The initial closure, discovered over HTTP as the browser would: entries, then their imports. */
async function initialClosure(base: string, entries: readonly string[], acceptEncoding: string | null) {
  const seen = new Map<string, Fetched>();
  const queue = [...entries];
  // Bounded: a chunk is fetched once, and a build has finitely many.
  while (queue.length > 0) {
    const url = queue.shift();
    if (url === undefined || seen.has(url)) continue;
    const file = await fetchFile(base, url, acceptEncoding);
    seen.set(url, file);
    queue.push(...staticImports(url, file.text));
  }
  return [...seen.values()];
}

const sum = (files: readonly Fetched[], key: 'raw' | 'wire') => files.reduce((s, f) => s + f[key], 0);
const seconds = (bytes: number) => `${((bytes * 8) / DOWNLINK_BITS_PER_S).toFixed(2)} s`;

async function measure(dist: string): Promise<void> {
  // The real app serving the build (no database work: demo off), on a random port of 127.0.0.1.
  const server = await startTestServer({ db: 'pglite', demo: false, staticDir: dist });
  try {
    const base = server.url;
    const html = await fetchFile(base, '/', CHROMIUM_ACCEPT_ENCODING);
    const entries = htmlEntries(html.text);
    const initial = await initialClosure(base, entries.js, CHROMIUM_ACCEPT_ENCODING);
    const css = await Promise.all(entries.css.map((u) => fetchFile(base, u, CHROMIUM_ACCEPT_ENCODING)));

    console.log(`first screen over HTTP, Accept-Encoding: ${CHROMIUM_ACCEPT_ENCODING}`);
    for (const f of [html, ...initial, ...css]) {
      console.log(
        `  ${f.url.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.wire).padStart(10)} on the wire (${f.encoding})`,
      );
    }
    const initialWire = sum(initial, 'wire');
    console.log(
      `initial JS on the wire: ${kb(initialWire)} in ${initial.length} chunk(s) (${kb(sum(initial, 'raw'))} raw) — target ${kb(TARGET_BYTES)}: ${initialWire <= TARGET_BYTES ? 'within' : 'OVER'} (${((initialWire / TARGET_BYTES) * 100).toFixed(0)} %)`,
    );
    const firstScreen = html.wire + initialWire + sum(css, 'wire');
    console.log(
      `first screen (HTML + initial JS + its CSS) on the wire: ${kb(firstScreen)} — ${seconds(firstScreen)} at 9 Mbit/s`,
    );

    const plainInitial = await initialClosure(base, entries.js, null);
    const plainHtml = await fetchFile(base, '/', null);
    const plainCss = await Promise.all(entries.css.map((u) => fetchFile(base, u, null)));
    const plainScreen = plainHtml.wire + sum(plainInitial, 'wire') + sum(plainCss, 'wire');
    console.log(
      `without Accept-Encoding: initial JS ${kb(sum(plainInitial, 'wire'))}, first screen ${kb(plainScreen)} — ${seconds(plainScreen)} at 9 Mbit/s`,
    );

    const initialUrls = new Set(initial.map((f) => f.url));
    const urlOf = (file: string) => '/' + path.relative(dist, file).split(path.sep).join('/');
    const files = listFiles(dist).filter((f) => !/\.(br|gz)$/.test(f));
    const isWorker = (f: string) => /\/(sw|workbox-[\w-]+)\.js$/.test(f);
    const lazyUrls = files
      .filter((f) => f.endsWith('.js') && !isWorker(f))
      .map(urlOf)
      .filter((u) => !initialUrls.has(u));
    const lazy = await Promise.all(lazyUrls.map((u) => fetchFile(base, u, CHROMIUM_ACCEPT_ENCODING)));
    const workers = await Promise.all(
      files.filter(isWorker).map((f) => fetchFile(base, urlOf(f), CHROMIUM_ACCEPT_ENCODING)),
    );
    const allCss = await Promise.all(
      files.filter((f) => f.endsWith('.css')).map((f) => fetchFile(base, urlOf(f), CHROMIUM_ACCEPT_ENCODING)),
    );
    console.log(
      `lazy JS on the wire: ${kb(sum(lazy, 'wire'))} in ${lazy.length} chunk(s) (${kb(sum(lazy, 'raw'))} raw)`,
    );
    console.log(
      `total app JS on the wire: ${kb(initialWire + sum(lazy, 'wire'))}; service worker + workbox: ${kb(sum(workers, 'wire'))} (${workers.map((w) => `${w.url} ${w.encoding}`).join(', ')})`,
    );
    console.log(`CSS on the wire: initial ${kb(sum(css, 'wire'))}, total ${kb(sum(allCss, 'wire'))}`);
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  console.log(`bundle-size · ${machineLine()}`);
  const useDist = process.argv.includes('--dist');
  let dist = path.join(root, 'dist');
  let temp: string | null = null;
  if (!useDist) {
    temp = mkdtempSync(path.join(tmpdir(), 'traguardi-bundle-'));
    dist = temp;
    const start = performance.now();
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    });
    console.log(`built into ${dist} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } else if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` or leave out --dist');
  }
  try {
    await measure(dist);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

await main();
