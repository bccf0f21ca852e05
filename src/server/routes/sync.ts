/**
 * POST /api/sync/push and GET /api/sync/pull: the envelope is checked here (400 / 426 before anything
 * is applied), the work is in sync/push.ts and sync/pull.ts.
 */
import type { FastifyInstance } from 'fastify';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import { PULL_NEXT_CURSOR_HEADER, pullQuerySchema } from '../../shared/pull.ts';
import { pushRequestSchema, type PushResponse } from '../../shared/push.ts';
import type { AppContext } from '../app.ts';
import { requireUser } from '../auth/request-user.ts';
import { HttpError } from '../http-errors.ts';
import { pickLang } from '../messages.ts';
import { pageSizeFor, pullBody, pullRows } from '../sync/pull.ts';
import { pushMutations } from '../sync/push.ts';

function detail(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
    .join('; ');
}

export function registerSyncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/sync/push', async (request, reply): Promise<PushResponse> => {
    const now = ctx.now();
    const user = await requireUser(ctx.db, request, now);
    // The version first: a client too old may send an envelope this server no longer understands,
    // and must hear "update" (426), not "bad request".
    const schemaVersion = (request.body as { schemaVersion?: unknown } | null | undefined)?.schemaVersion;
    if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion)) {
      if (schemaVersion > PROTOCOL_VERSION)
        throw new HttpError('bad_request', 'schema_too_new', { version: schemaVersion });
      if (schemaVersion < MIN_PROTOCOL_VERSION) throw new HttpError('client_too_old');
    }
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success)
      throw new HttpError('bad_request', 'bad_envelope', { detail: detail(parsed.error.issues) });
    const body = parsed.data;
    const { response, counts } = await pushMutations(ctx.db, user, body, {
      now,
      lang: pickLang(request.headers['accept-language']),
      hooks: ctx.pushHooks,
    });
    ctx.metrics.countPush(counts);
    reply.header('cache-control', 'no-store');
    return response;
  });

  // The page's rows arrive serialised by the database; the body is joined text (shared/pull.ts's
  // PullResponse), sent as is.
  app.get('/api/sync/pull', async (request, reply): Promise<string> => {
    const now = ctx.now();
    const user = await requireUser(ctx.db, request, now);
    const parsed = pullQuerySchema.safeParse(request.query);
    if (!parsed.success)
      throw new HttpError('bad_request', 'bad_envelope', { detail: detail(parsed.error.issues) });
    const { part, until, cursor } = parsed.data;
    if (part === 'deferred' && (until === undefined || cursor > until))
      throw new HttpError('bad_request', 'bad_envelope', { detail: 'part=deferred needs until ≥ cursor' });
    const pageSize = pageSizeFor(part, ctx.pullPageSize);
    const page = await pullRows(ctx.db, user, parsed.data, { now, pageSize });
    ctx.metrics.countPull();
    reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
    // Extension (docs/protocol.md): the next page's cursor in a header, so a client can ask for it
    // as soon as the headers arrive, while this page's body is still downloading.
    if (!('resync' in page) && page.hasMore) reply.header(PULL_NEXT_CURSOR_HEADER, String(page.cursor));
    return pullBody(page);
  });
}
