/**
 * One pull request: GET /api/sync/pull with the cursor (and, for a first sync, the part), the answer's
 * body read, parsed and its envelope checked, each step timed (sync-timing.ts). Never retries: the
 * engine's backoff does.
 */
import type { PullResponse } from '../../shared/pull.ts';
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

export async function fetchPull(ctx: CycleCtx, query: PullQuery): Promise<PullResponse> {
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
