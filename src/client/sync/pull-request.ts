/**
 * One pull request: GET /api/sync/pull with the cursor (and, for a first sync, the part), the answer's
 * body read, parsed and its envelope checked, each step timed (sync-timing.ts). Never retries: the
 * engine's backoff does.
 */
import { PULL_NEXT_CURSOR_HEADER, type PullResponse } from '../../shared/pull.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import { authHeaders, type CycleCtx } from './cycle-context.ts';
import { SyncFailure, failureForStatus, send } from './http.ts';
import { readPullAnswer } from './pull-answer.ts';
import { timed, timedSync } from './sync-timing.ts';

export interface PullQuery {
  cursor: number;
  /** A first sync: the core, or the deferred rows up to `until` (docs/protocol.md). */
  part?: 'core' | 'deferred';
  until?: number;
}

/**
 * `onNextCursor` hears, as soon as the answer's headers arrive, the next page's cursor the server
 * named (PULL_NEXT_CURSOR_HEADER; null: none, no more pages or a server without the extension).
 */
export async function fetchPull(
  ctx: CycleCtx,
  query: PullQuery,
  onNextCursor?: (cursor: number | null) => void,
): Promise<PullResponse> {
  const q = new URLSearchParams({
    clientId: ctx.clientId,
    cursor: String(query.cursor),
    schemaVersion: String(PROTOCOL_VERSION),
  });
  if (query.part) q.set('part', query.part);
  if (query.until !== undefined) q.set('until', String(query.until));
  const init = { method: 'GET', headers: authHeaders(ctx) };
  const res = await timed('fetch', () => send(ctx.fetch, `${ctx.baseUrl}/api/sync/pull?${q}`, init, 'pull'));
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw failureForStatus(res.status, 'pull');
  }
  onNextCursor?.(nextCursorOf(res.headers.get(PULL_NEXT_CURSOR_HEADER), query.cursor));
  let body: unknown;
  try {
    const text = await timed('body', () => res.text());
    body = timedSync('parse', () => JSON.parse(text) as unknown);
  } catch (err) {
    // The connection may drop while the body streams: the kind is `network`, retried later.
    throw new SyncFailure('network', `pull: body unreadable (${String(err)})`);
  }
  const page = timedSync('check', () => readPullAnswer(body));
  if (!page) throw new SyncFailure('server', 'pull: unexpected answer');
  return page;
}

/** A header's cursor, if it is one past `asked` (anything else is ignored: the body decides). */
export function nextCursorOf(header: string | null, asked: number): number | null {
  if (header === null || !/^\d{1,15}$/.test(header)) return null;
  const cursor = Number(header);
  return cursor > asked ? cursor : null;
}
