/**
 * What a sync spends its time on, as User Timing measures (`performance.measure('sync:<what>')`):
 * the browser's performance timeline and the first-sync benchmark (test/bench/first-sync.ts) read
 * them; nothing in the app does. A measure costs a few microseconds; where `performance.measure` is
 * missing, nothing is recorded. The browser keeps measures until the page goes, so a long-lived tab
 * stops recording after MAX_MEASURES of them (a first sync of the large plan takes ~300).
 */

/** `sync:fetch` (until the answer's headers), `body`, `parse`, `check`, `store`, `deferred`… */
export type SyncStep =
  | 'fetch'
  | 'body'
  | 'parse'
  | 'check'
  | 'rows'
  | 'stale'
  | 'write'
  | 'rebase'
  | 'store'
  | 'push'
  | 'deferred-store'
  /** On the page: a read of the plan's progress data (the dashboard's live query), each rerun. */
  | 'plan-read'
  /** On the page: a read of Il mio lavoro's lists (the home page's facts), each rerun. */
  | 'work-read'
  /** On the page: a read of the full rows of the phases Il mio lavoro shows. */
  | 'work-items';

const perf: Performance | undefined = typeof performance === 'undefined' ? undefined : performance;
const MAX_MEASURES = 5_000;
let recorded = 0;

function record(step: SyncStep, start: number): void {
  if (typeof perf?.measure !== 'function' || recorded >= MAX_MEASURES) return;
  recorded++;
  try {
    perf.measure(`sync:${step}`, { start, end: perf.now() });
  } catch {
    // a timeline that refuses measures (a limited environment): timing is not worth a failure
  }
}

/** Runs `fn` and records how long it took, whether it resolves or throws. */
export async function timed<T>(step: SyncStep, fn: () => Promise<T>): Promise<T> {
  const start = perf?.now() ?? 0;
  try {
    return await fn();
  } finally {
    record(step, start);
  }
}

/** The synchronous twin of `timed`. */
export function timedSync<T>(step: SyncStep, fn: () => T): T {
  const start = perf?.now() ?? 0;
  try {
    return fn();
  } finally {
    record(step, start);
  }
}
