/**
 * Shared by the browser benchmarks: a fresh build of the PWA in a temporary folder (so the figures are
 * of the current code and dist/ is left alone) and Debian's Chromium launched through playwright-core.
 * Everything stays on 127.0.0.1; Chromium's own background traffic is switched off.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the PWA into a temporary folder; `remove()` deletes it. `minify: false` keeps the functions'
 * names (for CPU profiles; the timings of such a build are not the app's).
 */
export function buildPwa(options: { minify?: boolean } = {}): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'traguardi-pwa-'));
  const minify = options.minify === false ? ['--minify', 'false'] : [];
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error', ...minify], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  });
}
