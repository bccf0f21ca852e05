/**
 * Creating the sync worker (sync-worker.ts), possibly ahead of the engine that talks to it: the login
 * page boots it as the sign-in request leaves (bootstrap.ts), so the worker's file is fetched and
 * evaluated while the page is still loading the data layer's chunks, and the first pull leaves as
 * soon as the session is stored. A worker does nothing until the page's engine tells it to start
 * (serve-sync.ts), so one booted for a sign-in that fails waits, idle, for the next attempt.
 *
 * Small on purpose: the login page's chunk holds it, not the engine.
 */

export const IN_PAGE_FLAG = 'traguardi.syncInPage';

/** localStorage traguardi.syncInPage = "1": the engine runs in the page (test/bench/first-sync.ts). */
export function inPageAsked(): boolean {
  try {
    return globalThis.localStorage?.getItem(IN_PAGE_FLAG) === '1';
  } catch {
    return false;
  }
}

let booted: Worker | null = null;

function createWorker(): Worker | null {
  if (typeof Worker === 'undefined' || inPageAsked()) return null;
  try {
    return new Worker(new URL('./sync-worker.ts', import.meta.url), {
      type: 'module',
      name: 'traguardi-sync',
    });
  } catch {
    return null;
  }
}

/** Boots the worker now, if none is waiting already (nothing where workers do not run). */
export function bootSyncWorker(): void {
  booted ??= createWorker();
}

/** The booted worker (handed over once), or a new one; null where the engine must run in the page. */
export function takeSyncWorker(): Worker | null {
  const worker = booted ?? createWorker();
  booted = null;
  return worker;
}
