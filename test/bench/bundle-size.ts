/**
 * Benchmark (not a test): the initial JavaScript of the built PWA against the 150 KB gzipped budget
 * (issue 5). "Initial" is what a first visit must download before the app runs: every module script
 * and modulepreload of index.html, plus everything those chunks import statically (transitively).
 * Lazy chunks (dynamic import()) are reported apart, with the total.
 *
 *   npx tsx test/bench/bundle-size.ts            builds into a temporary folder (dist/ is left alone)
 *   npx tsx test/bench/bundle-size.ts --dist     reads an existing dist/ instead of building
 *
 * Sizes are gzip level 9 (node:zlib), as a static server or CDN would send them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { machineLine } from './stats.ts';

const BUDGET_BYTES = 150 * 1024;
const root = path.resolve(import.meta.dirname, '../..');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
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

/** URLs of module scripts and modulepreloads in index.html, resolved to files in `dist`. */
function htmlEntries(dist: string): { js: string[]; css: string[] } {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    if (match[1]) js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (match[1]) js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
    if (match[1]) css.add(match[1]);
  const toFile = (url: string) => path.join(dist, url.replace(/^\//, ''));
  return { js: [...js].map(toFile), css: [...css].map(toFile) };
}

/** Static imports of an ES module chunk (import … from, import "…", export … from); not import(). */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) {
    if (match[1]) found.push(path.resolve(path.dirname(file), match[1]));
  }
  return found;
}

function initialClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  // Bounded: a chunk is visited once, and a build has finitely many.
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === undefined || seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen];
}

function main(): void {
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
    const entries = htmlEntries(dist);
    const initial = initialClosure(entries.js);
    const allJs = listFiles(dist).filter((f) => f.endsWith('.js') && !/\/(sw|workbox-[\w-]+)\.js$/.test(f));
    const lazy = allJs.filter((f) => !initial.includes(f));
    const rel = (f: string) => path.relative(dist, f);
    let initialGz = 0;
    console.log('initial JavaScript (entry + static imports):');
    for (const file of initial) {
      const gz = gzipSize(file);
      initialGz += gz;
      console.log(
        `  ${rel(file).padEnd(48)} ${kb(statSync(file).size).padStart(10)} raw ${kb(gz).padStart(10)} gzip`,
      );
    }
    let lazyGz = 0;
    for (const file of lazy) lazyGz += gzipSize(file);
    const cssGz = listFiles(dist)
      .filter((f) => f.endsWith('.css'))
      .reduce((sum, f) => sum + gzipSize(f), 0);
    const initialCssGz = entries.css.filter(existsSync).reduce((sum, f) => sum + gzipSize(f), 0);
    const swFiles = listFiles(dist).filter((f) => /\/(sw|workbox-[\w-]+)\.js$/.test(f));
    const swGz = swFiles.reduce((sum, f) => sum + gzipSize(f), 0);
    console.log(
      `initial JS: ${kb(initialGz)} gzip in ${initial.length} chunk(s) — budget ${kb(BUDGET_BYTES)}: ${initialGz <= BUDGET_BYTES ? 'within budget' : 'OVER budget'} (${((initialGz / BUDGET_BYTES) * 100).toFixed(0)} %)`,
    );
    console.log(`lazy JS: ${kb(lazyGz)} gzip in ${lazy.length} chunk(s)`);
    console.log(
      `total app JS: ${kb(initialGz + lazyGz)} gzip in ${allJs.length} chunk(s); service worker + workbox: ${kb(swGz)} gzip`,
    );
    console.log(`CSS: initial ${kb(initialCssGz)} gzip, total ${kb(cssGz)} gzip`);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main();
