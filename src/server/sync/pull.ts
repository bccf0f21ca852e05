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
 *   not kept) or above its counter (a cursor from another database, e.g. after a reset).
 * - Two queries a page: the version of row `pageSize+1` (the cut), then the rows below it, each
 *   serialised by the database (row-sources.ts); the answer is sent as built text (`pullBody`).
 */
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { Db } from '../db/database.ts';
import { ente, syncClient } from '../db/schema.ts';
import { claimClient } from './clients.ts';
import { fetchVisibleRows, nthVisibleVersion, type SerialisedRows } from './row-sources.ts';

export const DEFAULT_PULL_PAGE_SIZE = 10_000;

/** A pull's answer with its rows still as JSON text (see `pullBody`). */
export type PullResult =
  { resync: true } | { cursor: number; lastSeq: number; hasMore: boolean; rows: SerialisedRows };

/** The wire JSON of a pull result (shared/pull.ts's PullResponse), joined from the rows' texts. */
export function pullBody(result: PullResult): string {
  if ('resync' in result) return '{"resync":true}';
  const { cursor, lastSeq, hasMore, rows } = result;
  const head = `{"cursor":${cursor},"lastSeq":${lastSeq},"hasMore":${hasMore},"rows":[`;
  return `${head}${rows.body}]}`;
}

export async function pullRows(
  db: Db,
  user: SessionUser,
  query: { clientId: string; cursor: number },
  options: { now: Date; pageSize: number },
): Promise<PullResult> {
  await db.transaction((tx) => claimClient(tx, query.clientId, user, options.now, false));
  return db.transaction(
    async (tx) => {
      const [counter] = await tx
        .select({ version: ente.version, minVersion: ente.minVersion })
        .from(ente)
        .where(eq(ente.id, user.enteId));
      if (!counter) return { resync: true };
      const { cursor } = query;
      if ((cursor !== 0 && cursor < counter.minVersion) || cursor > counter.version) return { resync: true };
      const [client] = await tx
        .select({ lastSeq: syncClient.lastSeq })
        .from(syncClient)
        .where(eq(syncClient.id, query.clientId));
      const lastSeq = client?.lastSeq ?? 0;

      // A page's rows (up to ~10 MB of JSON) are sorted in the database: in memory, not on disk.
      await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
      // The version of row pageSize+1 in version order: the page ends below it, at a version boundary.
      const cut = await nthVisibleVersion(tx, user, cursor, options.pageSize);
      if (cut === null) {
        const rows = await fetchVisibleRows(tx, user, { after: cursor });
        return { cursor: counter.version, lastSeq, hasMore: false, rows };
      }
      const rows = await fetchVisibleRows(tx, user, { after: cursor, before: cut });
      if (rows.count === 0) {
        // One version with more rows than a page (a bulk import): hand it out whole.
        const whole = await fetchVisibleRows(tx, user, { after: cursor, at: cut });
        return { cursor: cut, lastSeq, hasMore: cut < counter.version, rows: whole };
      }
      return { cursor: rows.last ?? cursor, lastSeq, hasMore: true, rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
