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
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { PullResponse, PullRow } from '../../shared/pull.ts';
import type { Db } from '../db/database.ts';
import { ente, syncClient } from '../db/schema.ts';
import { claimClient } from './clients.ts';
import { fetchVisibleRows, ROW_TYPE_ORDER } from './row-sources.ts';

export const DEFAULT_PULL_PAGE_SIZE = 2000;

const typeRank = new Map(ROW_TYPE_ORDER.map((t, i) => [t as string, i]));
function compareRows(a: PullRow, b: PullRow): number {
  return (
    a.version - b.version ||
    (typeRank.get(a.type) ?? 0) - (typeRank.get(b.type) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export async function pullRows(
  db: Db,
  user: SessionUser,
  query: { clientId: string; cursor: number },
  options: { now: Date; pageSize: number },
): Promise<PullResponse> {
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

      const size = options.pageSize;
      const all = (await fetchVisibleRows(tx, user, cursor, size + 1)).sort(compareRows);
      if (all.length <= size) return { cursor: counter.version, lastSeq, hasMore: false, rows: all };

      // More rows than a page: end the page at a version boundary. The first version left out is that
      // of row `size`; every row below it is complete in `all` (each source returned ≥ size+1 rows or all).
      const cut = all[size]?.version ?? counter.version;
      let rows = all.filter((r) => r.version < cut);
      if (rows.length === 0) {
        // One version with more rows than a page (a bulk import): hand it out whole.
        rows = (await fetchVisibleRows(tx, user, cursor, Number.MAX_SAFE_INTEGER))
          .filter((r) => r.version === cut)
          .sort(compareRows);
        return { cursor: cut, lastSeq, hasMore: cut < counter.version, rows };
      }
      const last = rows[rows.length - 1]?.version ?? cursor;
      return { cursor: last, lastSeq, hasMore: true, rows };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
