/**
 * The second part of a first sync: the deferred rows (first-sync.ts), page after page up to `until`,
 * stored in short batches (apply-deferred.ts), the next page fetched while one is stored. Between
 * pages, `between` sends what the user changed meanwhile (push, then an ordinary pull for its
 * outcome), so working during the first sync is synced as promptly as at any other time; a page
 * fetched before that is asked again, so pages are stored in the order the server answered them.
 * A resync answer starts the whole sync again from 0 (the core first).
 */
import { withReopen } from '../db/open-db.ts';
import { storeDeferredPage } from './apply-deferred.ts';
import type { CycleCtx } from './cycle-context.ts';
import { firstSyncProgress, readFirstSync } from './first-sync.ts';
import { SyncFailure } from './http.ts';
import { MAX_PAGES, PullAhead, pullAll } from './pull-loop.ts';

/**
 * Fetches and stores the deferred rows until none is left, the engine stops, or a failure (thrown:
 * the next cycle resumes at the last stored batch). Returns the rows stored. `between` returns true
 * when it synced something.
 */
export async function pullDeferred(ctx: CycleCtx, between: () => Promise<boolean>): Promise<number> {
  const { db } = ctx;
  let rows = 0;
  const ahead = new PullAhead(ctx);
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    if (ctx.shouldStop?.()) return rows;
    if (await between()) ahead.drop();
    const state = await withReopen(db, () => readFirstSync(db));
    if (state?.stage !== 'deferred') {
      ctx.onFirstSyncProgress?.(null);
      return rows;
    }
    ctx.onFirstSyncProgress?.(firstSyncProgress(state));
    const query = { cursor: state.cursor, part: 'deferred' as const, until: state.until };
    const page = await ahead.take(query);
    if ('resync' in page) {
      // What was split into parts was decided by what the user could see then: start over.
      ahead.drop();
      rows += await pullAll(ctx, { reset: true });
      continue;
    }
    ahead.after(query, page);
    const result = await withReopen(db, () => storeDeferredPage(db, page, query));
    rows += result.stored;
    ctx.onFirstSyncProgress?.(firstSyncProgress(result.state));
    if (result.stalled) {
      const s = result.stalled;
      throw new SyncFailure('server', `pull: row ${s.type} ${s.id} v${s.version} cannot be stored here`);
    }
    if (result.stale) ahead.drop();
    else if (page.hasMore && page.cursor <= query.cursor)
      throw new SyncFailure('server', 'pull: no progress');
  }
  throw new SyncFailure('server', 'pull: too many pages');
}
