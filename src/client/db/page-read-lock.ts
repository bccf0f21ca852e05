/**
 * The page's large reads go before the first sync's background batches.
 *
 * While a first sync stores its deferred notes (apply-deferred.ts, in the sync worker), the page's
 * reads of the plan's facts (the dashboard, Il mio lavoro) shared the browser's IndexedDB backend
 * with a stream of 2,000-note write batches, and a read that takes 0.2 s alone took 1–1.8 s. A Web
 * Lock orders them: each large page read holds PAGE_READ_LOCK shared (reads run side by side), each
 * background batch holds it exclusive. Web Locks queue requests in order, so a read asked for while
 * a batch runs waits for that batch only, and the next batch waits for the read; neither starves.
 *
 * The name is shared by the page and the worker (and every tab of the origin). Where the browser has
 * no Web Locks (older browsers, the unit tests' Node), both run unordered, as before.
 */
export const PAGE_READ_LOCK = 'traguardi-page-read';

function lockManager(): LockManager | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks;
}

/** Runs a large read of the page, before any background batch asked for after it. */
export async function asPageRead<T>(read: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? await locks.request(PAGE_READ_LOCK, { mode: 'shared' }, read) : await read();
}

/** Runs a background write batch once no page read holds or waits for the lock before it. */
export async function asBackgroundBatch<T>(batch: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? await locks.request(PAGE_READ_LOCK, { mode: 'exclusive' }, batch) : await batch();
}
