/**
 * Reading a pull answer's envelope: the same checks as shared/pull.ts's `pullResponseSchema`, written
 * out by hand because they run once per row. In the app zod cannot compile its parsers (the CSP has no
 * 'unsafe-eval', so zod runs "jitless") and checking 112,000 row envelopes that way cost about as much
 * as checking their data. The row's `data` is still checked by its type's shared schema when it is
 * stored (apply-pull.ts), and `deferred` by its own. pull-answer.test.ts holds the two to agreement.
 */
import { pullDeferredSchema, type PullPage, type PullResponse, type PullRow } from '../../shared/pull.ts';

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isRow(r: unknown): r is PullRow {
  if (typeof r !== 'object' || r === null) return false;
  const row = r as Record<string, unknown>;
  return (
    typeof row.type === 'string' &&
    typeof row.id === 'string' &&
    Number.isSafeInteger(row.version) &&
    typeof row.deleted === 'boolean'
  );
}

/** The answer as the shared schema types it, or null when it is not one. */
export function readPullAnswer(body: unknown): PullResponse | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (b.resync === true) return { resync: true };
  if (!isCount(b.cursor) || !isCount(b.lastSeq) || typeof b.hasMore !== 'boolean') return null;
  if (!Array.isArray(b.rows)) return null;
  const rows: unknown[] = b.rows;
  for (const r of rows) if (!isRow(r)) return null;
  const page: PullPage = {
    cursor: b.cursor,
    lastSeq: b.lastSeq,
    hasMore: b.hasMore,
    rows: rows as PullRow[],
  };
  if (b.deferred !== undefined) {
    const deferred = pullDeferredSchema.safeParse(b.deferred);
    if (!deferred.success) return null;
    page.deferred = deferred.data;
  }
  return page;
}
