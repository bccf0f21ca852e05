/**
 * Test servers: the real app (buildApp) listening on a random port, over PGlite (in memory) or a
 * fresh PostgreSQL database, for integration, client-engine and end-to-end tests.
 *
 *   const server = await startTestServer({ db: 'postgres', demo: true });
 *   const admin = await loginAs(server, 'admin');           // demo users, password "demo"
 *   const res = await admin.post('/api/sync/push', body);    // { status, body, headers }
 *   await server.close();                                    // stops the app, drops the database
 *
 * - 'postgres' creates a database with a random name on postgres://postgres@127.0.0.1:5432 (override
 *   with TEST_POSTGRES_URL) and drops it on close; `databaseUrl` joins an existing one instead (a
 *   second server process on the same database) and leaves it alone on close.
 * - The server clock is `Date.now() + server.clock.offsetMs`: advance it to expire sessions.
 * - `pushHooks` reach the push transaction (e.g. throw or wait before commit).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { LoginResponse, SessionUser } from '../../src/shared/auth.ts';
import { buildApp, type AppDeps } from '../../src/server/app.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { prepareDatabase } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import type { PushHooks } from '../../src/server/sync/push.ts';

export type TestDbKind = 'pglite' | 'postgres';
export const DB_KINDS: readonly TestDbKind[] = ['pglite', 'postgres'];
export const DEMO_PASSWORD = 'demo';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface StartOptions {
  db: TestDbKind;
  /** Load the demo data (default true). */
  demo?: boolean;
  /** With the demo, also its current-year plan (default false: most tests pin the 2022 sample). */
  currentYearPlan?: boolean;
  /** Join this PostgreSQL database instead of creating one (not dropped on close). */
  databaseUrl?: string;
  pushHooks?: PushHooks;
  pullPageSize?: number;
  sessionTtlMs?: number;
  /** Serve the built PWA from this folder (default: none). */
  staticDir?: string | null;
  /** Passed to buildApp as they are (see AppDeps). */
  metricsToken?: string;
  attachmentQuota?: AppDeps['attachmentQuota'];
  orphanGraceMs?: number;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** The PostgreSQL URL of this server's database (postgres only). */
  databaseUrl: string | null;
  clock: { offsetMs: number; advance(ms: number): void };
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty PostgreSQL database with a random name; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `traguardi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(ADMIN_URL, name),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function startTestServer(options: StartOptions): Promise<TestServer> {
  let created: { url: string; drop(): Promise<void> } | null = null;
  let databaseUrl: string | null = null;
  if (options.db === 'postgres') {
    if (options.databaseUrl) databaseUrl = options.databaseUrl;
    else {
      created = await createTestDatabase();
      databaseUrl = created.url;
    }
  }
  const database = await openDatabase({ databaseUrl: databaseUrl ?? undefined, poolSize: 5 });
  const demo = options.demo ?? true;
  await prepareDatabase(
    database.db,
    demo
      ? {
          seed: (tx) =>
            seedDemo(tx, {
              password: DEMO_PASSWORD,
              now: new Date(),
              currentYearPlan: options.currentYearPlan ?? false,
            }).then(() => {}),
        }
      : {},
  );
  const clock = {
    offsetMs: 0,
    advance(ms: number) {
      clock.offsetMs += ms;
    },
  };
  const deps: AppDeps = {
    database,
    now: () => new Date(Date.now() + clock.offsetMs),
    staticDir: options.staticDir ?? null,
    // TEST_LOG=error (or info, …) shows the server's log, e.g. the cause behind a 503.
    logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false,
  };
  if (options.pushHooks) deps.pushHooks = options.pushHooks;
  if (options.pullPageSize) deps.pullPageSize = options.pullPageSize;
  if (options.sessionTtlMs) deps.sessionTtlMs = options.sessionTtlMs;
  if (options.metricsToken) deps.metricsToken = options.metricsToken;
  if (options.attachmentQuota) deps.attachmentQuota = options.attachmentQuota;
  if (options.orphanGraceMs) deps.orphanGraceMs = options.orphanGraceMs;
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    databaseUrl,
    clock,
    async close() {
      await app.close();
      await database.close();
      await created?.drop();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny JSON client bound to a server and (optionally) a token. */
export class Api {
  constructor(
    readonly url: string,
    readonly token: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...this.headers, ...headers };
    if (this.token) h.authorization ??= `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) payload = new Uint8Array(body);
    else if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.url + path, {
      method,
      headers: h,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const type = res.headers.get('content-type') ?? '';
    const parsed: unknown = type.includes('json')
      ? await res.json()
      : type.startsWith('text/')
        ? await res.text()
        : new Uint8Array(await res.arrayBuffer());
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('PUT', path, body, headers);
  }
}

/** A signed-in user: an Api carrying the token, plus the user as the server answered it. */
export class Session extends Api {
  constructor(
    url: string,
    token: string,
    readonly user: SessionUser,
  ) {
    super(url, token);
  }
  /** A fresh clientId for a new "device" of this user. */
  newClientId(): string {
    return randomUUID();
  }
}

/** Signs in (demo password by default) and returns an Api carrying the token plus the user. */
export async function loginAs(
  server: { url: string },
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await new Api(server.url).post<LoginResponse>('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return new Session(server.url, res.body.token, res.body.user);
}
