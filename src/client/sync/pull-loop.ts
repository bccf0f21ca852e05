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

/** A request already sent for the page after the one being stored. */
interface Prefetch {
  query: PullQuery;
  answer: Promise<PullResponse>;
}

const sameQuery = (a: PullQuery, b: PullQuery) =>
  a.cursor === b.cursor && a.part === b.part && a.until === b.until;

/** Sends the request now; its failure is seen only by whoever awaits it (or by nobody, if dropped). */
export function prefetch(ctx: CycleCtx, query: PullQuery): Prefetch {
  const answer = fetchPull(ctx, query);
  answer.catch(() => {});
  return { query, answer };
}

export function answerFor(ctx: CycleCtx, query: PullQuery, ahead: Prefetch | null): Promise<PullResponse> {
  return ahead && sameQuery(ahead.query, query) ? ahead.answer : fetchPull(ctx, query);
}

/** Pulls until hasMore is false; returns the rows stored. `reset`: start again from 0 (a resync). */
export async function pullAll(ctx: CycleCtx, options: { reset?: boolean } = {}): Promise<number> {
  const { db } = ctx;
  let reset = options.reset ?? false;
  let rows = 0;
  let ahead: Prefetch | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const cursor = reset ? 0 : await withReopen(db, () => readCursor(db));
    const state = reset || cursor === 0 ? null : await withReopen(db, () => readFirstSync(db));
    const core = cursor === 0 || state?.stage === 'core';
    const query: PullQuery = core ? { cursor, part: 'core' } : { cursor };
    const page = await answerFor(ctx, query, ahead);
    ahead = null;
    if ('resync' in page) {
      if (reset) throw new SyncFailure('server', 'pull: resync asked for cursor 0');
      reset = true;
      continue;
    }
    if (page.hasMore) ahead = prefetch(ctx, { ...query, cursor: page.cursor });
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
