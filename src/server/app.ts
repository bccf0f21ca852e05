/**
 * The HTTP application: `buildApp(deps)` wires the routes of each area to the injected database,
 * clock and hooks, and returns a Fastify instance that is not yet listening (tests and main.ts call
 * `listen`). The database belongs to the caller: close the app first (in-flight requests finish),
 * then the database.
 *
 * Invariants: every answer carries the security headers; every failure is the contract's JSON error
 * (http-errors.ts); request bodies are limited to 1 MiB (attachments 10 MiB).
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './auth/login-limit.ts';
import { DEFAULT_SESSION_TTL_MS } from './auth/sessions.ts';
import { DEFAULT_ORPHAN_GRACE_MS, scheduleOrphanSweep } from './attachments/orphan-sweep.ts';
import { DEFAULT_ATTACHMENT_QUOTA, type AttachmentQuota } from './attachments/quota.ts';
import { installCompression } from './compression.ts';
import type { Database, Db, DbKind } from './db/database.ts';
import { HttpError, installErrorHandling, sendError } from './http-errors.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { registerAdminAuditRoutes } from './routes/admin-audit.ts';
import { registerAdminUserRoutes } from './routes/admin-users.ts';
import { registerAttachmentRoutes } from './routes/attachments.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerPlanRoutes } from './routes/plans.ts';
import { defaultStaticDir, registerStaticRoutes } from './routes/static.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { installRefusalDrain } from './refusal-drain.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { DEFAULT_PULL_PAGE_SIZE } from './sync/pull.ts';
import type { PushHooks } from './sync/push.ts';

export const BODY_LIMIT = 1024 * 1024;

export interface AppDeps {
  database: Database;
  /** The clock (tests move it to expire sessions). */
  now?: () => Date;
  sessionTtlMs?: number;
  pullPageSize?: number;
  /** The built PWA; defaults to ./dist when it holds index.html; null serves no static files. */
  staticDir?: string | null;
  pushHooks?: PushHooks;
  /** The sign-in limit's bounds (counted in the database, shared by every process). */
  loginLimits?: LoginLimits;
  logger?: FastifyServerOptions['logger'];
  /** The bearer token /api/metrics asks for (METRICS_TOKEN); absent: /api/metrics answers 404. */
  metricsToken?: string | undefined;
  /** Bounds on stored photo bytes (ATTACHMENT_QUOTA_USER_MB, ATTACHMENT_QUOTA_ENTE_MB). */
  attachmentQuota?: AttachmentQuota;
  /** How old a photo no note names must be before the sweep empties it (ATTACHMENT_ORPHAN_GRACE_HOURS). */
  orphanGraceMs?: number;
}

/** What the route modules share. */
export interface AppContext {
  db: Db;
  kind: DbKind;
  now: () => Date;
  sessionTtlMs: number;
  pullPageSize: number;
  pushHooks: PushHooks | undefined;
  loginLimits: LoginLimits;
  metrics: Metrics;
  version: string;
  metricsToken: string | null;
  attachmentQuota: AttachmentQuota;
}

export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // Fastify's own "closing" 503 is not the contract's JSON error: answer it ourselves (below).
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: BODY_LIMIT, return503OnClosing: false });
  const ctx: AppContext = {
    db: deps.database.db,
    kind: deps.database.kind,
    now: deps.now ?? (() => new Date()),
    sessionTtlMs: deps.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    pullPageSize: deps.pullPageSize ?? DEFAULT_PULL_PAGE_SIZE,
    pushHooks: deps.pushHooks,
    loginLimits: deps.loginLimits ?? DEFAULT_LOGIN_LIMITS,
    metrics: createMetrics(),
    version: APP_VERSION,
    metricsToken: deps.metricsToken || null,
    attachmentQuota: deps.attachmentQuota ?? DEFAULT_ATTACHMENT_QUOTA,
  };

  installErrorHandling(app);
  installSecurityHeaders(app);
  // Before the shutdown hooks, whose `Connection: close` must win over the drain's keep-alive.
  installRefusalDrain(app);
  // While shutting down, requests in flight finish; new ones (on kept-alive sockets) are told to retry.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) return sendError(request, reply.header('connection', 'close'), new HttpError('unavailable'));
  });
  // A request that was in flight when closing began ends its kept-alive socket, so close() is not
  // left waiting for the keep-alive timeout.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.countRequest(request.method, reply.statusCode);
  });
  // JSON bodies: an empty body is "no body" (a bare POST /logout), malformed JSON is 400 bad_request.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new HttpError('bad_request', 'bad_json'), undefined);
    }
  });

  // Before the routes: it hooks each route as it is declared (compression.ts).
  await installCompression(app);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAdminUserRoutes(app, ctx);
  registerAdminAuditRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  await app.register(async (scope) => registerAttachmentRoutes(scope, ctx));
  scheduleOrphanSweep(app, ctx.db, ctx.now, deps.orphanGraceMs ?? DEFAULT_ORPHAN_GRACE_MS);
  await registerStaticRoutes(app, deps.staticDir === undefined ? defaultStaticDir() : deps.staticDir);
  return app;
}
