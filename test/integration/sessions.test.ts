// The sessions of an ente as its admin sees and revokes them (an extension, docs/protocol.md), and
// that a revocation or a deactivation holds at once on every server process: two processes on one
// PostgreSQL database, and PGlite for the routes themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminSession } from '../../src/shared/admin-users.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { DB_KINDS, loginAs, Session, startTestServer, type TestServer } from '../helpers/server.ts';

type List = { sessions: AdminSession[] };

describe.each(DB_KINDS)('admin sessions on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db });
  });
  afterAll(() => server.close());

  it('lists the live sessions of the ente without any token, and revokes one by its id', async () => {
    const admin = await loginAs(server, 'admin');
    const reader = await loginAs(server, 'lettore');
    const list = await admin.get<List>('/api/admin/sessions');
    expect(list.status).toBe(200);
    const mine = list.body.sessions.filter((s) => s.userId === reader.user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toEqual({
      id: expect.any(String),
      userId: reader.user.id,
      username: 'lettore',
      displayName: 'Lettore',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(reader.token);
    expect(list.body.sessions.every((s) => !/^[0-9a-f]{64}$/.test(s.id))).toBe(true);
    expect(list.body.sessions.some((s) => s.username === 'admin.prova')).toBe(false);

    const revoked = await admin.request('DELETE', `/api/admin/sessions/${mine[0]?.id ?? ''}`);
    expect(revoked.status).toBe(204);
    expect((await reader.get('/api/auth/me')).status).toBe(401);
    expect((await admin.request('DELETE', `/api/admin/sessions/${mine[0]?.id ?? ''}`)).status).toBe(404);
  });

  it('is for admins of the ente only: other roles 403, a session of another ente 404', async () => {
    const admin = await loginAs(server, 'admin');
    const prova = await loginAs(server, 'admin.prova');
    const nucleo = await loginAs(server, 'nucleo');
    const refused = await nucleo.get<ErrorBody>('/api/admin/sessions');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const theirs = (await prova.get<List>('/api/admin/sessions')).body.sessions[0];
    expect(theirs?.username).toBe('admin.prova');
    expect((await nucleo.request('DELETE', `/api/admin/sessions/${theirs?.id ?? ''}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/admin/sessions/${theirs?.id ?? ''}`)).status).toBe(404);
    expect((await prova.get('/api/auth/me')).status).toBe(200);
  });
});

describe('sessions with two server processes on one PostgreSQL database', () => {
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

  /** The same token, talking to the other process. */
  const on = (server: TestServer, s: Session) => new Session(server.url, s.token ?? '', s.user);

  it('a session revoked on one process is refused at once on the other', async () => {
    const reader = await loginAs(a, 'lettore');
    expect((await reader.get('/api/auth/me')).status).toBe(200);
    expect((await on(b, reader).get('/api/auth/me')).status).toBe(200);
    const admin = await loginAs(b, 'admin');
    const list = await admin.get<List>('/api/admin/sessions');
    const id = list.body.sessions.find((s) => s.userId === reader.user.id)?.id ?? '';
    expect((await admin.request('DELETE', `/api/admin/sessions/${id}`)).status).toBe(204);
    expect((await reader.get('/api/auth/me')).status).toBe(401);
    expect((await on(b, reader).get('/api/auth/me')).status).toBe(401);
  });

  it('a user deactivated on one process is signed out at once on the other', async () => {
    const officer = await loginAs(b, 'istruttore.persona');
    const admin = await loginAs(a, 'admin');
    const off = await admin.request('PATCH', `/api/admin/users/${officer.user.id}`, { active: false });
    expect(off.status).toBe(200);
    expect((await officer.get('/api/auth/me')).status).toBe(401);
    expect((await on(a, officer).get('/api/auth/me')).status).toBe(401);
    expect((await officer.get(`/api/sync/pull?clientId=${officer.newClientId()}&cursor=0`)).status).toBe(401);
  });
});
