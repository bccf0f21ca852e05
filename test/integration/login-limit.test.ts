// The sign-in limit counted in the database: on PGlite and PostgreSQL, across two server processes
// on one PostgreSQL database, with Retry-After following the (injected) clock.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/audit.ts';
import { attemptOf, DEFAULT_LOGIN_LIMITS, loginRetryAfter } from '../../src/server/auth/login-limit.ts';
import { auditEntry } from '../../src/server/db/schema.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, startTestServer, type ApiResponse, type TestServer } from '../helpers/server.ts';

const WINDOW = 10 * 60_000;

function fail(server: TestServer, username: string, i: number): Promise<ApiResponse<ErrorBody>> {
  return new Api(server.url).post<ErrorBody>('/api/auth/login', { username, password: `wrong-${i}` });
}
function right(server: TestServer, username: string): Promise<ApiResponse<ErrorBody>> {
  return new Api(server.url).post<ErrorBody>('/api/auth/login', { username, password: 'demo' });
}
function retryAfter(res: ApiResponse): number {
  return Number(res.headers.get('retry-after'));
}

describe.each(DB_KINDS)('login limit on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db });
  });
  afterAll(() => server.close());

  it('refuses the 11th attempt, even with the right password, and Retry-After counts down with the clock', async () => {
    for (let i = 0; i < 10; i++) expect((await fail(server, 'nucleo', i)).status).toBe(401);
    const limited = await right(server, 'nucleo');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const first = retryAfter(limited);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(600);

    server.clock.advance(4 * 60_000);
    const later = await right(server, 'nucleo');
    expect(later.status).toBe(429);
    // Four minutes of the clock: four minutes less to wait (real time only shortens it further).
    expect(retryAfter(later)).toBeLessThanOrEqual(first - 240);
    expect(retryAfter(later)).toBeGreaterThan(first - 240 - 30);

    // Refused attempts are not counted: when the oldest failure leaves the window, it is over.
    server.clock.advance(retryAfter(later) * 1000);
    expect((await right(server, 'nucleo')).status).toBe(200);
  });

  it('counts unknown usernames too, with the same answer as a wrong password', async () => {
    const unknown = await fail(server, 'nessuno.qui', 0);
    const wrong = await fail(server, 'lettore', 0);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    for (let i = 1; i < 10; i++) expect((await fail(server, 'nessuno.qui', i)).status).toBe(401);
    expect((await fail(server, 'Nessuno.Qui', 10)).status).toBe(429);
    const [entry] = await server.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.username, 'nessuno.qui'), eq(auditEntry.action, 'auth.login_failed')))
      .limit(1);
    expect(entry).toMatchObject({ enteId: '', userId: null, address: '127.0.0.1' });
  });

  it('a success forgives the failures of its username and address before it', async () => {
    for (let i = 0; i < 9; i++) expect((await fail(server, 'resp.suap', i)).status).toBe(401);
    expect((await right(server, 'resp.suap')).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await fail(server, 'resp.suap', i)).status).toBe(401);
    expect((await right(server, 'resp.suap')).status).toBe(200);
  });

  it('bounds a username over every address (a spray), and only that username', async () => {
    const q = server.database.db;
    const now = new Date(Date.now() + server.clock.offsetMs);
    const max = DEFAULT_LOGIN_LIMITS.perUsername.max;
    for (let i = 0; i < max; i++) {
      const a = attemptOf('resp.finanziari', `10.0.${i >> 8}.${i & 255}`);
      expect(await loginRetryAfter(q, a, now)).toBeNull();
      await writeAudit(q, {
        enteId: '',
        at: new Date(now.getTime() - WINDOW + 60_000 + i),
        userId: null,
        action: 'auth.login_failed',
        address: a.address,
        username: a.username,
      });
    }
    // A new address is refused until the oldest of the 50 leaves the window (one minute from now).
    const left = await loginRetryAfter(q, attemptOf('resp.finanziari', '192.0.2.1'), now);
    expect(left).toBe(60);
    expect(await loginRetryAfter(q, attemptOf('istruttore.persona', '192.0.2.1'), now)).toBeNull();
    const res = await right(server, 'resp.finanziari');
    expect(res.status).toBe(429);
    expect(retryAfter(res)).toBeLessThanOrEqual(60);
  });
});

describe('login limit with two server processes on one PostgreSQL database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer({ db: 'postgres' });
    b = await startTestServer({ db: 'postgres', databaseUrl: a.databaseUrl ?? '', demo: false });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('limits failures alternating over both processes at the 11th, on either process', async () => {
    for (let i = 0; i < 10; i++) expect((await fail(i % 2 ? b : a, 'lettore', i)).status).toBe(401);
    const onA = await right(a, 'lettore');
    const onB = await right(b, 'lettore');
    expect(onA.status).toBe(429);
    expect(onB.status).toBe(429);
    expect(retryAfter(onB)).toBeLessThanOrEqual(retryAfter(onA));
    a.clock.advance(WINDOW);
    b.clock.advance(WINDOW);
    expect((await right(b, 'lettore')).status).toBe(200);
  });
});
