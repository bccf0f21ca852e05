// Sign-in, sessions and their failures, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import type { LoginResponse, SessionUser } from '../../src/shared/auth.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(DB_KINDS)('auth on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db });
  });
  afterAll(() => server.close());

  it('logs in, answers /me, and a logout kills the token', async () => {
    const res = await new Api(server.url).post<LoginResponse>('/api/auth/login', {
      username: 'resp.persona',
      password: 'demo',
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
    expect(res.body.user).toMatchObject({
      username: 'resp.persona',
      role: 'head',
      displayName: expect.any(String),
    });
    expect(res.body.user.areaIds).toHaveLength(1);

    const api = new Api(server.url, res.body.token);
    const me = await api.get<SessionUser>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);

    expect((await api.post('/api/auth/logout')).status).toBe(204);
    const after = await api.get<ErrorBody>('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const anon = new Api(server.url);
    const unknown = await anon.post<ErrorBody>('/api/auth/login', { username: 'nessuno', password: 'demo' });
    const wrong = await anon.post<ErrorBody>('/api/auth/login', {
      username: 'lettore',
      password: 'sbagliata',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error.code).toBe('invalid_credentials');
  });

  it('refuses forged, malformed and missing tokens', async () => {
    for (const token of ['A'.repeat(43), 'forged-token', '']) {
      const res = await new Api(server.url, token || null).get<ErrorBody>('/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const odd = await new Api(server.url, null, { authorization: 'Basic YWRtaW46ZGVtbw==' }).get(
      '/api/auth/me',
    );
    expect(odd.status).toBe(401);
  });

  it('expires tokens after 30 days', async () => {
    const session = await loginAs(server, 'lettore');
    expect((await session.get('/api/auth/me')).status).toBe(200);
    server.clock.advance(30 * 24 * 3600_000 + 1000);
    try {
      expect((await session.get('/api/auth/me')).status).toBe(401);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('rate-limits failed logins per username and address, even for the right password', async () => {
    const anon = new Api(server.url);
    for (let i = 0; i < 10; i++) {
      expect((await anon.post('/api/auth/login', { username: 'nucleo', password: `x${i}` })).status).toBe(
        401,
      );
    }
    const limited = await anon.post<ErrorBody>('/api/auth/login', { username: 'nucleo', password: 'demo' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // Other users are not affected; the window ends after 10 minutes.
    expect((await anon.post('/api/auth/login', { username: 'lettore', password: 'demo' })).status).toBe(200);
    server.clock.advance(10 * 60_000 + 1000);
    try {
      expect((await anon.post('/api/auth/login', { username: 'nucleo', password: 'demo' })).status).toBe(200);
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('answers bad login bodies with 400 and messages in the asked language', async () => {
    const it = await new Api(server.url).post<ErrorBody>('/api/auth/login', { username: 'x' });
    expect(it.status).toBe(400);
    expect(it.body.error.code).toBe('bad_request');
    const en = await new Api(server.url, null, {
      'accept-language': 'en-GB,en;q=0.9,it;q=0.5',
    }).post<ErrorBody>('/api/auth/login', {
      username: 'nessuno',
      password: 'x',
    });
    expect(en.body.error.message).toBe('Wrong username or password.');
    const itMsg = await new Api(server.url).post<ErrorBody>('/api/auth/login', {
      username: 'nessuno',
      password: 'x',
    });
    expect(itMsg.body.error.message).toBe('Nome utente o password errati.');
  });
});
