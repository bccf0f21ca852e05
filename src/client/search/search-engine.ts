/**
 * Keeps a SearchIndex equal to the device database and answers queries from it. Runs in the
 * search worker (search-worker.ts), or in process where no worker can be made.
 *
 * - Loading: the snapshot saved in `searchIndex` when there is one for this user and format, then
 *   the search log after it; otherwise a build from the rows, read in chunks (never the whole notes
 *   table in memory at once), from a log position taken before the first chunk, so a row written
 *   during the build is applied again after it (applying a row twice changes nothing).
 * - Following: the log (search-log.ts) names every row written, by any path, in any tab; the
 *   engine reads the rows it names as they are now. A query first takes what the log holds, so an
 *   answer never misses a committed change; the log is also followed in the background (shortly
 *   after each change) so queries stay fast while a sync brings rows — except a first sync's
 *   deferred rows, indexed once they are all stored (they would slow their own storing).
 * - Persisting: a few seconds after the index stops changing (at most every 30 s while it keeps
 *   changing), it is saved as a snapshot and the log it covers is pruned; not during a first sync.
 * - Sign-out: the index is dropped and the snapshot deleted; the next sign-in builds it again.
 * Every operation runs one at a time (a queue), so a query never sees half of a catch-up.
 */
import { readClientIdentity } from '../db/meta.ts';
import { readFirstSync } from '../sync/first-sync.ts';
import type { TraguardiDb } from '../db/schema.ts';
import { SEARCH_TABLES } from '../db/search-log.ts';
import {
  clearSearchSnapshot,
  countSearchRows,
  lastSearchLogSeq,
  loadSearchSnapshot,
  readSearchChanges,
  readSearchRows,
  saveSearchSnapshot,
  watchSearchLog,
  watchSignedIn,
} from '../db/search-store.ts';
import { SearchIndex, type SearchHits, type SearchIndexSnapshot, type SearchKind } from './search-index.ts';

/** Bumped whenever the index's layout or its terms change: an older snapshot is rebuilt. */
export const SEARCH_FORMAT = 1;

export interface SearchProgress {
  /** off: signed out; building: loading or building, queries wait; ready: answering. */
  state: 'off' | 'building' | 'ready';
  /** Rows indexed so far and rows to index (during a build). */
  indexed: number;
  total: number;
  /** How the index was made, and in how long (ms). */
  source?: 'snapshot' | 'build';
  tookMs?: number;
  /** The last snapshot's size, ≈ bytes of its serialised form. */
  snapshotBytes?: number;
}

export interface SearchEngineOptions {
  /** Rows per chunk while building. */
  chunk?: number;
  /** Quiet time before a snapshot is saved, and the longest wait while changes keep coming. */
  snapshotDelayMs?: number;
  snapshotMaxWaitMs?: number;
  /** Delay between a logged change and the background catch-up. */
  followDelayMs?: number;
  /** While a first sync stores its deferred rows: how often the background follow looks again. */
  firstSyncPollMs?: number;
  onProgress?: (progress: SearchProgress) => void;
  /** The index changed after a catch-up: shown results may be out of date. */
  onChanged?: () => void;
}

function snapshotBytes(snapshot: SearchIndexSnapshot): number {
  let bytes = 0;
  for (const kind of Object.values(snapshot.kinds)) {
    for (const [key, data] of kind.postings) bytes += key.length + data.length;
    for (const id of kind.ids) bytes += id === null ? 4 : id.length + 3;
    for (const term of kind.vocab) bytes += term.length + 3;
    bytes += (kind.time.length + kind.hash.length) * 8 + kind.owner.length * 39;
  }
  return bytes;
}

export class SearchEngine {
  private index = new SearchIndex();
  /** The last search log entry the index covers; null: not loaded. */
  private pos: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private progress: SearchProgress = { state: 'building', indexed: 0, total: 0 };
  private unwatch: (() => void)[] = [];
  private followTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt: number | null = null;
  private signedIn = true;
  private stopped = false;
  private readonly chunk: number;

  constructor(
    private readonly db: TraguardiDb,
    private readonly options: SearchEngineOptions = {},
  ) {
    this.chunk = options.chunk ?? 2000;
  }

  /** Follows the log and the session in the background (the worker calls it; in process, optional). */
  start(): void {
    this.unwatch.push(
      watchSignedIn(this.db, (signedIn) => {
        this.signedIn = signedIn;
        if (!signedIn) {
          // A follow scheduled before the sign-out would otherwise rebuild the index after the reset.
          if (this.followTimer) clearTimeout(this.followTimer);
          this.followTimer = null;
          void this.run(() => this.reset());
        } else this.scheduleFollow(0);
      }),
      watchSearchLog(this.db, () => this.scheduleFollow(this.options.followDelayMs ?? 250)),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const u of this.unwatch.splice(0)) u();
    if (this.followTimer) clearTimeout(this.followTimer);
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
  }

  status(): SearchProgress {
    return this.progress;
  }

  /** The best `limit` of each kind in the plan of `areaIds`, with every change committed so far. */
  search(query: string, areaIds: readonly string[], limit: number): Promise<SearchHits> {
    return this.run(async () => {
      await this.catchUp();
      return this.index.search(query, new Set(areaIds), limit);
    });
  }

  /** Saves the snapshot now (tests and the benchmark; otherwise it follows changes by itself). */
  saveNow(): Promise<number | null> {
    return this.run(() => this.save());
  }

  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private report(progress: SearchProgress): void {
    this.progress = progress;
    this.options.onProgress?.(progress);
  }

  private scheduleFollow(delay: number): void {
    if (this.stopped || !this.signedIn || this.followTimer) return;
    this.followTimer = setTimeout(() => {
      this.followTimer = null;
      this.run(async () => {
        if (!this.signedIn) return false;
        // While a first sync stores its deferred rows (the whole ente's notes, for an admin), the
        // background follow waits for its end: indexing them as they arrive took the cores the
        // storing needed (every note stored 39 s without the index, 51 s with it, home page of the
        // large plan). A query still catches up first, so no answer misses a stored row.
        if (this.pos !== null && (await readFirstSync(this.db))?.stage === 'deferred') {
          this.scheduleFollow(this.options.firstSyncPollMs ?? 2000);
          return false;
        }
        return this.catchUp();
      }).catch(() => undefined); // the next query reports the error
    }, delay);
  }

  /** Brings the index up to the last logged change; true when anything was applied. */
  private async catchUp(): Promise<boolean> {
    // A fresh build is worth saving at once, a loaded snapshot is not.
    let changed = this.pos === null && (await this.load()) === 'build';
    for (;;) {
      const changes = await readSearchChanges(this.db, this.pos ?? 0);
      if (changes.stale) {
        await this.load();
        changed = true;
        continue;
      }
      if (changes.last === this.pos) break;
      for (const table of SEARCH_TABLES) {
        if (changes.all.has(table)) await this.rebuildKind(table);
        else
          for (const [id, row] of changes.rows[table]) {
            if (row) this.index.put(table, row as never);
            else this.index.remove(table, id);
          }
      }
      this.pos = changes.last;
      changed = true;
    }
    if (changed) {
      this.scheduleSave();
      this.options.onChanged?.();
    }
    return changed;
  }

  /** The snapshot if it fits, else a build from the rows. */
  private async load(): Promise<'snapshot' | 'build'> {
    const started = performance.now();
    this.report({ state: 'building', indexed: 0, total: 0 });
    const snapshot = await loadSearchSnapshot(this.db);
    const userId = (await readClientIdentity(this.db))?.userId ?? '';
    if (snapshot && snapshot.format === SEARCH_FORMAT && snapshot.userId === userId) {
      this.index.load(snapshot.index as SearchIndexSnapshot);
      this.pos = snapshot.pos;
      this.report({
        ...this.counts(),
        state: 'ready',
        source: 'snapshot',
        tookMs: performance.now() - started,
      });
      return 'snapshot';
    }
    const from = await lastSearchLogSeq(this.db);
    const total = await countSearchRows(this.db);
    let indexed = 0;
    for (const kind of SEARCH_TABLES)
      await this.rebuildKind(kind, (n) => {
        indexed += n;
        this.report({ state: 'building', indexed, total });
      });
    this.pos = from;
    this.firstUnsavedAt ??= Date.now();
    this.report({ ...this.counts(), state: 'ready', source: 'build', tookMs: performance.now() - started });
    return 'build';
  }

  private async rebuildKind(kind: SearchKind, onChunk?: (rows: number) => void): Promise<void> {
    const target = this.index.kinds[kind];
    target.clear();
    target.setBulk(true);
    try {
      let after: string | null = null;
      for (;;) {
        const rows: { id: string }[] = await readSearchRows(this.db, kind, after, this.chunk);
        for (const row of rows) this.index.put(kind, row as never);
        onChunk?.(rows.length);
        const lastRow = rows[rows.length - 1];
        if (!lastRow || rows.length < this.chunk) break;
        after = lastRow.id;
      }
    } finally {
      target.setBulk(false);
    }
  }

  private counts(): Pick<SearchProgress, 'indexed' | 'total'> {
    const n = SEARCH_TABLES.reduce((sum, kind) => sum + this.index.kinds[kind].size, 0);
    return { indexed: n, total: n };
  }

  private scheduleSave(): void {
    if (this.stopped) return;
    this.firstUnsavedAt ??= Date.now();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    const waited = Date.now() - this.firstUnsavedAt;
    const delay = Math.max(
      0,
      Math.min(this.options.snapshotDelayMs ?? 5000, (this.options.snapshotMaxWaitMs ?? 30_000) - waited),
    );
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.run(async () => {
        // While a first sync brings its rows, a snapshot would be out of date at once, and saving
        // one (the whole index, 23.6 MiB for the large plan) competes with the sync's writes for
        // IndexedDB: it waits for the first sync's end (a tab closed meanwhile builds it again).
        if (await readFirstSync(this.db)) {
          this.waitForFirstSync();
          return null;
        }
        return this.save();
      }).catch(() => undefined); // kept for the next attempt
    }, delay);
  }

  /** Asks again for the snapshot after a quiet delay, however long the changes have gone on. */
  private waitForFirstSync(): void {
    if (this.stopped || this.snapshotTimer) return;
    this.firstUnsavedAt = Date.now();
    this.scheduleSave();
  }

  /** Saves the index as it is; the size of what was saved, or null when there was nothing to save. */
  private async save(): Promise<number | null> {
    if (this.pos === null || !this.signedIn) return null;
    const userId = (await readClientIdentity(this.db))?.userId;
    if (!userId) return null;
    const index = await this.index.toSnapshot();
    await saveSearchSnapshot(this.db, {
      format: SEARCH_FORMAT,
      pos: this.pos,
      userId,
      savedAt: new Date().toISOString(),
      index,
    });
    this.firstUnsavedAt = null;
    const bytes = snapshotBytes(index);
    this.report({ ...this.progress, snapshotBytes: bytes });
    return bytes;
  }

  /** Signed out: nothing of the index stays, in memory or stored. */
  private async reset(): Promise<void> {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.firstUnsavedAt = null;
    this.index = new SearchIndex();
    this.pos = null;
    await clearSearchSnapshot(this.db);
    this.report({ state: 'off', indexed: 0, total: 0 });
  }
}
