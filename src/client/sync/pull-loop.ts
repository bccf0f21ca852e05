/**
 * Pulling until the server has nothing more: the ordinary pull from the stored cursor, or, on a first
 * sync (cursor 0, or a core not finished), the core (part=core) — first-sync.ts. Each page is stored
 * in one transaction (apply-pull.ts) while the next one is already being fetched: a first sync's pages
 * follow one another, so the download of one overlaps the storing of the one before.
 *
 * A resync answer starts the rows again from 0 (the next page's transaction clears them).
 */
import { readCursor } from '../db/meta.ts';
import { withReopen } from '../db/open-db.ts';
import type { PullResponse } from '../../shared/pull.ts';
import { applyPullPage } from './apply-pull.ts';
import type { CycleCtx } from './cycle-context.ts';
import { readFirstSync } from './first-sync.ts';
import { SyncFailure } from './http.ts';
import { fetchPull, type PullQuery } from './pull-request.ts';
import { timed } from './sync-timing.ts';

/** Pages in one loop before giving up on a server that keeps saying hasMore without progress. */
export const MAX_PAGES = 10_000;

/** A request sent for a page, maybe ahead of the one being stored. */
interface Request {
  query: PullQuery;
  answer: Promise<PullResponse>;
  /** The next page's cursor once the answer's headers named it (null: they did not). */
  next?: number | null;
  onNext?: (cursor: number | null) => void;
}

const sameQuery = (a: PullQuery, b: PullQuery) =>
  a.cursor === b.cursor && a.part === b.part && a.until === b.until;

/** Requests sent ahead at most: the pages in memory are these, the one awaited and the one stored. */
export const PULL_AHEAD = 2;

/**
 * The requests of a loop of pulls, sent ahead of the page being stored. A request goes as soon as
 * its cursor is known: from the answer before it (its `cursor`), or earlier, from that answer's
 * headers (PULL_NEXT_CURSOR_HEADER, before its body has downloaded) — so the server's work on a page
 * (its answer is built whole before its first byte: 0.3–0.8 s for 10,000 rows) overlaps the
 * download of the one before, and the downloads go on while the device stores. At most PULL_AHEAD.
 *
 * A request whose query is not the one asked for next (a push meanwhile, a resync, a stale page)
 * is dropped with those after it; its failure is seen only by whoever awaits it.
 */
export class PullAhead {
  private queue: Request[] = [];
  /** The request last taken: the chain goes on from its headers while its page is stored. */
  private taken: Request | null = null;

  constructor(private readonly ctx: CycleCtx) {}

  /** The answer for `query`: the request sent ahead when it is that one, else a new one. */
  take(query: PullQuery): Promise<PullResponse> {
    const first = this.queue[0];
    if (!first || !sameQuery(first.query, query)) this.queue = [this.send(query)];
    const current = this.queue.shift() as Request;
    this.taken = current;
    this.extend();
    return current.answer;
  }

  /** After a page: the next one is asked for if nothing was sent for it yet. */
  after(query: PullQuery, page: { hasMore: boolean; cursor: number }): void {
    if (page.hasMore && this.queue.length === 0)
      this.queue.push(this.send({ ...query, cursor: page.cursor }));
  }

  /** Forgets what was sent ahead (a push changed what the next pages hold). */
  drop(): void {
    this.queue = [];
    this.taken = null;
  }

  private send(query: PullQuery): Request {
    const request: Request = { query, answer: Promise.resolve({ resync: true }) };
    request.answer = fetchPull(this.ctx, query, (cursor) => {
      request.next = cursor;
      request.onNext?.(cursor);
    });
    request.answer.catch(() => {});
    return request;
  }

  /** Sends the next request once the chain's last one names its cursor, up to PULL_AHEAD. */
  private extend(): void {
    const tail = this.queue.at(-1) ?? this.taken;
    if (!tail || this.queue.length >= PULL_AHEAD) return;
    const go = (cursor: number | null) => {
      // Still the tail (nothing dropped or sent after it meanwhile), and room ahead.
      if (cursor === null || (this.queue.at(-1) ?? this.taken) !== tail) return;
      if (this.queue.length >= PULL_AHEAD) return;
      this.queue.push(this.send({ ...tail.query, cursor }));
      this.extend();
    };
    if (tail.next !== undefined) go(tail.next);
    else tail.onNext = go;
  }
}

/** Pulls until hasMore is false; returns the rows stored. `reset`: start again from 0 (a resync). */
export async function pullAll(ctx: CycleCtx, options: { reset?: boolean } = {}): Promise<number> {
  const { db } = ctx;
  let reset = options.reset ?? false;
  let rows = 0;
  const ahead = new PullAhead(ctx);
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const cursor = reset ? 0 : await withReopen(db, () => readCursor(db));
    const state = reset || cursor === 0 ? null : await withReopen(db, () => readFirstSync(db));
    const core = cursor === 0 || state?.stage === 'core';
    const query: PullQuery = core ? { cursor, part: 'core' } : { cursor };
    const page = await ahead.take(query);
    if ('resync' in page) {
      ahead.drop();
      if (reset) throw new SyncFailure('server', 'pull: resync asked for cursor 0');
      reset = true;
      continue;
    }
    ahead.after(query, page);
    const applied = await withReopen(db, () =>
      timed('store', () => applyPullPage(db, page, { reset, ...(core ? { part: 'core' as const } : {}) })),
    );
    reset = false;
    rows += applied.stored;
    if (applied.stalled) {
      const s = applied.stalled;
      throw new SyncFailure('server', `pull: row ${s.type} ${s.id} v${s.version} cannot be stored here`);
    }
    if (!page.hasMore) return rows;
    if (applied.cursor <= cursor && page.rows.length === 0)
      throw new SyncFailure('server', 'pull: no progress');
  }
  throw new SyncFailure('server', 'pull: too many pages');
}
