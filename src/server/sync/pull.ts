/**
 * The pull service: every row the user may see with version > cursor, from one consistent snapshot.
 *
 * Invariants (docs/protocol.md, "Pull"):
 * - The client is registered/checked first in its own short transaction (ownership → 403); the read
 *   runs in ONE REPEATABLE READ transaction, so rows, the ente's counter and lastSeq agree. Because
 *   commit order = version order (versions.ts), a snapshot showing counter V holds every row ≤ V.
 * - Rows come in version order, paged: a page never splits a version (all rows of the last version
 *   it covers are in it), so `cursor` = the highest version fully covered. The last page's cursor is
 *   the ente's counter, so rows the user may not see never hold the cursor back.
 * - `{"resync": true}` when the cursor is not 0 and below the ente's `min_version` (rows before it are
 *   not kept) or above its counter (a cursor from another database, e.g. after a reset), or below the
 *   user's `visible_from` (an admin changed their role or areas since: the device drops what it may
 *   no longer see and receives what it now may). The role and areas are read in the same snapshot.
 * - Two queries a page: the version of row `pageSize+1` (the cut), then the rows below it, each
 *   serialised by the database (row-sources.ts); the answer is sent as built text (`pullBody`).
 * - A first sync in two parts (extension, docs/protocol.md): `part=core` pages are the same pull
 *   without the deferred rows (row-sources.ts `isDeferred`), and the last one says `deferred`: their
 *   versions (≤ its cursor) and counts, from the same snapshot. `part=deferred&until=U` pages serve
 *   only those rows, versions in (cursor, U], paged the same way, the last page's cursor U. Rows
 *   changed after U have versions above it: the ordinary pull from the core's cursor brings them,
 *   so the two parts together miss nothing and repeat nothing. A deferred pull answers resync on the
 *   same grounds as a pull from U would (and never settles a restored client, restored-clients.ts).
 */
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { Db, Tx } from '../db/database.ts';
import { toRole } from '../auth/sessions.ts';
import { appUser, ente, syncClient } from '../db/schema.ts';
import { claimClient } from './clients.ts';
import { mustResyncAfterRestore } from './restored-clients.ts';
import {
  countVisibleRows,
  fetchVisibleRows,
  nthVisibleVersion,
  type PullPart,
  type SerialisedRows,
  type VersionRange,
  type Viewer,
} from './row-sources.ts';

export const DEFAULT_PULL_PAGE_SIZE = 10_000;

/**
 * The pages of a first sync's core (part=core) are smaller: the device stores each page while the
 * next one downloads, and the core is what the first screen waits for. In 10,000-row pages the
 * large plan's core came as one page downloaded, then stored (1.9 s + 1.5 s at 9 Mbit/s and 4× CPU);
 * in 3,000-row pages the storing of one overlaps the download of the next (test/bench/first-sync.ts,
 * docs/performance.md). The deferred rows and the ordinary pulls keep the large pages: there the
 * download is what counts, and each page costs a round trip.
 */
export const CORE_PULL_PAGE_SIZE = 3_000;

/** The page size for a pull of `part`, given the server's own (tests shrink it). */
export function pageSizeFor(part: PullPart | undefined, serverPageSize: number): number {
  return part === 'core' ? Math.min(CORE_PULL_PAGE_SIZE, serverPageSize) : serverPageSize;
}

/** The last page of a `part=core` pull: which versions the deferred rows cover, and how many. */
export interface DeferredRows {
  until: number;
  rows: Record<string, number>;
}

/** A pull's answer with its rows still as JSON text (see `pullBody`). */
export type PullResult =
  | { resync: true }
  | { cursor: number; lastSeq: number; hasMore: boolean; rows: SerialisedRows; deferred?: DeferredRows };

/** The wire JSON of a pull result (shared/pull.ts's PullResponse), joined from the rows' texts. */
export function pullBody(result: PullResult): string {
  if ('resync' in result) return '{"resync":true}';
  const { cursor, lastSeq, hasMore, rows, deferred } = result;
  const extra = deferred ? `"deferred":${JSON.stringify(deferred)},` : '';
  const head = `{"cursor":${cursor},"lastSeq":${lastSeq},"hasMore":${hasMore},${extra}"rows":[`;
  return `${head}${rows.body}]}`;
}

export interface PullQuery {
  clientId: string;
  cursor: number;
  schemaVersion?: number | undefined;
  /** Absent or 'all': the contract's pull. */
  part?: PullPart | undefined;
  /** part=deferred: the highest version the deferred rows cover (the core's last cursor). */
  until?: number | undefined;
}

/** One page of `range`, ending at `end` when nothing is left (pageSize rows or a whole version). */
async function pageOf(
  tx: Tx,
  viewer: Viewer,
  range: VersionRange,
  end: number,
  pageSize: number,
): Promise<{ cursor: number; hasMore: boolean; rows: SerialisedRows }> {
  // The version of row pageSize+1 in version order: the page ends below it, at a version boundary.
  const cut = await nthVisibleVersion(tx, viewer, range, pageSize);
  if (cut === null) return { cursor: end, hasMore: false, rows: await fetchVisibleRows(tx, viewer, range) };
  const rows = await fetchVisibleRows(tx, viewer, { ...range, before: cut });
  if (rows.count === 0) {
    // One version with more rows than a page (a bulk import): hand it out whole.
    const whole = await fetchVisibleRows(tx, viewer, { ...range, at: cut });
    return { cursor: cut, hasMore: cut < end, rows: whole };
  }
  return { cursor: rows.last ?? range.after, hasMore: true, rows };
}

export async function pullRows(
  db: Db,
  user: SessionUser,
  query: PullQuery,
  options: { now: Date; pageSize: number },
): Promise<PullResult> {
  const deferredPart = query.part === 'deferred';
  if (deferredPart && (query.until === undefined || query.cursor > query.until))
    throw new Error('pullRows: part=deferred needs until ≥ cursor (checked by the route)');
  // A deferred pull stands for a pull from `until`: it never settles a restored client.
  const anchor = deferredPart ? (query.until ?? 0) : query.cursor;
  const restoredResync = await db.transaction(async (tx) => {
    await claimClient(tx, query.clientId, user, options.now, false);
    return mustResyncAfterRestore(db, tx, query.clientId, anchor);
  });
  if (restoredResync) return { resync: true };
  return db.transaction(
    async (tx) => {
      const [counter] = await tx
        .select({ version: ente.version, minVersion: ente.minVersion })
        .from(ente)
        .where(eq(ente.id, user.enteId));
      if (!counter) return { resync: true };
      const { cursor } = query;
      if ((anchor !== 0 && anchor < counter.minVersion) || anchor > counter.version) return { resync: true };
      // The user as this snapshot sees them: an admin's change of role or areas committed after the
      // request was authenticated must not filter this page by the old ones under a newer cursor.
      const [fresh] = await tx
        .select({ role: appUser.role, areaIds: appUser.areaIds, visibleFrom: appUser.visibleFrom })
        .from(appUser)
        .where(eq(appUser.id, user.id));
      // A cursor from before the change filtered rows by what the user could see then: start over.
      if (!fresh || (anchor !== 0 && anchor < fresh.visibleFrom)) return { resync: true };
      const viewer: Viewer = {
        ...user,
        role: toRole(fresh.role),
        areaIds: fresh.areaIds,
        protocol: query.schemaVersion ?? 1,
      };
      const [client] = await tx
        .select({ lastSeq: syncClient.lastSeq })
        .from(syncClient)
        .where(eq(syncClient.id, query.clientId));
      const lastSeq = client?.lastSeq ?? 0;

      // A page's rows (up to ~10 MB of JSON) are sorted in the database: in memory, not on disk.
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      if (deferredPart) {
        const until = query.until ?? cursor;
        const range: VersionRange = { after: cursor, upTo: until, part: 'deferred' };
        return { lastSeq, ...(await pageOf(tx, viewer, range, until, options.pageSize)) };
      }
      const part = query.part ?? 'all';
      const page = await pageOf(tx, viewer, { after: cursor, part }, counter.version, options.pageSize);
      if (part !== 'core' || page.hasMore) return { lastSeq, ...page };
      // The core's last page: what was left out is every deferred row up to this cursor.
      const rows = await countVisibleRows(tx, viewer, { after: 0, upTo: page.cursor, part: 'deferred' });
      return { lastSeq, ...page, deferred: { until: page.cursor, rows } };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
