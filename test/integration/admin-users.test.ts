// Users an admin controls (protocol Part 2, "Users"), a user's own password, the audit entries of
// both, and how a change of areas reaches the user's devices. On PGlite and on PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, area, auditEntry } from '../../src/server/db/schema.ts';
import type { AdminUser } from '../../src/shared/admin-users.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, TestDevice } from '../helpers/server-sync.ts';

const GOOD_PASSWORD = 'una-password-lunga';

function patch<T = AdminUser>(api: Api, id: string, body: unknown) {
  return api.request<T>('PATCH', `/api/admin/users/${id}`, body);
}

describe.each(DB_KINDS)('admin users on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let plan: ReturnType<typeof demoPlan>;
  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    const device = new TestDevice(admin);
    await device.pullAll();
    plan = demoPlan(device);
  });
  afterAll(() => server.close());

  const userId = async (username: string): Promise<string> => {
    const [row] = await server.database.db
      .select({ id: appUser.id })
      .from(appUser)
      .where(eq(appUser.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };

  it('lists the users of the admin’s ente only, and only to an admin', async () => {
    const res = await admin.get<{ users: AdminUser[] }>('/api/admin/users');
    expect(res.status).toBe(200);
    const names = res.body.users.map((u) => u.username);
    expect(names).toContain('resp.persona');
    expect(names).not.toContain('admin.prova');
    expect(res.body.users.find((u) => u.username === 'lettore')).toEqual({
      id: await userId('lettore'),
      username: 'lettore',
      displayName: 'Lettore',
      role: 'viewer',
      areaIds: [],
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('scrypt');
    for (const who of ['resp.persona', 'nucleo', 'lettore']) {
      const other = await loginAs(server, who);
      const refused = await other.get<ErrorBody>('/api/admin/users');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect((await patch<ErrorBody>(other, other.user.id, { displayName: 'x' })).status).toBe(403);
    }
  });

  it('creates a user who can sign in; a taken username is 409, a short password, a role or an area of another ente 400', async () => {
    const body = {
      username: 'nuovo.utente',
      displayName: 'Nuovo Utente',
      role: 'officer',
      areaIds: [plan.areaId('persona')],
      password: GOOD_PASSWORD,
    };
    const created = await admin.post<AdminUser>('/api/admin/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'nuovo.utente',
      displayName: 'Nuovo Utente',
      role: 'officer',
      areaIds: [plan.areaId('persona')],
      active: true,
    });
    const session = await loginAs(server, 'nuovo.utente', GOOD_PASSWORD);
    expect(session.user).toMatchObject({ role: 'officer', enteId: admin.user.enteId });

    const taken = await admin.post<ErrorBody>('/api/admin/users', { ...body, username: 'admin.prova' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toEqual({
      code: 'conflict',
      message: 'Il nome utente «admin.prova» è già in uso.',
    });

    const short = await admin.post<ErrorBody>('/api/admin/users', {
      ...body,
      username: 'corto',
      password: '123456789',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe('La password deve avere almeno 10 caratteri.');

    const role = await admin.post<ErrorBody>('/api/admin/users', { ...body, username: 'r', role: 'sindaco' });
    expect(role.status).toBe(400);
    expect(role.body.error.message).toContain('Ruolo sconosciuto: sindaco.');

    const [foreign] = await server.database.db
      .select({ id: area.id })
      .from(area)
      .where(eq(area.enteId, (await loginAs(server, 'admin.prova')).user.enteId))
      .limit(1);
    const otherEnte = foreign?.id ?? 'an-area-of-no-ente';
    const areaRes = await new Api(server.url, admin.token, { 'accept-language': 'en' }).post<ErrorBody>(
      '/api/admin/users',
      { ...body, username: 'a', areaIds: [otherEnte] },
    );
    expect(areaRes.status).toBe(400);
    expect(areaRes.body.error).toEqual({
      code: 'bad_request',
      message: `No such area in this ente: ${otherEnte}.`,
    });
    const onPatch = await patch<ErrorBody>(admin, created.body.id, { areaIds: [otherEnte] });
    expect(onPatch.status).toBe(400);
    expect(await userId('a').catch(() => null)).toBeNull();
  });

  it('patches a user; an id of another ente or none is 404; the user row reaches devices', async () => {
    const id = await userId('resp.suap');
    const watcher = new TestDevice(await loginAs(server, 'lettore'));
    await watcher.pullAll();
    const res = await patch(admin, id, { displayName: 'Responsabile SUAP (nuovo)' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      displayName: 'Responsabile SUAP (nuovo)',
      role: 'head',
      active: true,
    });
    await watcher.pullAll();
    expect(watcher.row<{ displayName: string }>('user', id)?.data.displayName).toBe(
      'Responsabile SUAP (nuovo)',
    );

    const prova = await loginAs(server, 'admin.prova');
    expect((await patch<ErrorBody>(admin, prova.user.id, { displayName: 'x' })).status).toBe(404);
    expect((await patch<ErrorBody>(admin, 'no-such-id', { displayName: 'x' })).status).toBe(404);
    expect((await patch<ErrorBody>(prova, id, { displayName: 'x' })).status).toBe(404);
  });

  it('refuses to deactivate or demote the last active admin, and allows it when another remains', async () => {
    const self = admin.user.id;
    const off = await patch<ErrorBody>(admin, self, { active: false });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('conflict');
    expect(off.body.error.message).toContain('ultimo amministratore');
    expect((await patch<ErrorBody>(admin, self, { role: 'viewer' })).status).toBe(409);

    const second = await admin.post<AdminUser>('/api/admin/users', {
      username: 'admin.due',
      displayName: 'Secondo amministratore',
      role: 'admin',
      areaIds: [],
      password: GOOD_PASSWORD,
    });
    expect(second.status).toBe(201);
    const other = await loginAs(server, 'admin.due', GOOD_PASSWORD);
    // Now the first may step down; the second, then alone, may not.
    expect((await patch(other, self, { role: 'viewer' })).status).toBe(200);
    expect((await patch<ErrorBody>(other, other.user.id, { active: false })).status).toBe(409);
    expect((await patch(other, self, { role: 'admin' })).status).toBe(200);
  });

  it('deactivating ends the user’s sessions at once and refuses their sign-in; reactivating restores it', async () => {
    const user = await loginAs(server, 'istruttore.persona');
    const deviceTwo = await loginAs(server, 'istruttore.persona');
    const off = await patch(admin, user.user.id, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    for (const s of [user, deviceTwo]) {
      const refused = await s.get<ErrorBody>('/api/auth/me');
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
    }
    const login = await new Api(server.url).post<ErrorBody>('/api/auth/login', {
      username: 'istruttore.persona',
      password: 'demo',
    });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('invalid_credentials');
    expect((await patch(admin, user.user.id, { active: true })).status).toBe(200);
    expect((await loginAs(server, 'istruttore.persona')).user.id).toBe(user.user.id);
  });

  it('an admin sets a password; a user changes their own (wrong current 403, short 400)', async () => {
    const id = await userId('resp.finanziari');
    expect((await patch(admin, id, { password: GOOD_PASSWORD })).status).toBe(200);
    const user = await loginAs(server, 'resp.finanziari', GOOD_PASSWORD);
    const wrong = await user.post<ErrorBody>('/api/auth/password', { current: 'demo', next: 'abcdefghijk' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toEqual({ code: 'forbidden', message: 'La password attuale non è corretta.' });
    const short = await user.post<ErrorBody>('/api/auth/password', { current: GOOD_PASSWORD, next: 'corta' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe('La password deve avere almeno 10 caratteri.');
    const ok = await user.post('/api/auth/password', { current: GOOD_PASSWORD, next: 'demo-demo-demo' });
    expect(ok.status).toBe(204);
    expect((await user.get('/api/auth/me')).status).toBe(200);
    await loginAs(server, 'resp.finanziari', 'demo-demo-demo');
    expect((await patch(admin, id, { password: 'demo' })).status).toBe(400);
  });

  it('writes user.create and user.update entries with before/after and never a password hash', async () => {
    const q = server.database.db;
    const id = await userId('nuovo.utente');
    const entries = await q
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.entity, 'user'), eq(auditEntry.entityId, id)));
    const create = entries.find((e) => e.action === 'user.create');
    expect(create).toMatchObject({ enteId: admin.user.enteId, userId: admin.user.id, before: null });
    expect(create?.after).toMatchObject({ username: 'nuovo.utente', role: 'officer' });
    expect(entries.map((e) => e.action)).toContain('auth.login');
    const updates = await q.select().from(auditEntry).where(eq(auditEntry.action, 'user.update'));
    const renamed = updates.find(
      (e) => (e.after as { displayName?: string } | null)?.displayName === 'Responsabile SUAP (nuovo)',
    );
    expect(renamed?.before).toMatchObject({
      username: 'resp.suap',
      displayName: expect.not.stringContaining('nuovo'),
    });
    const all = JSON.stringify(await q.select().from(auditEntry));
    expect(all).not.toContain('scrypt');
    expect(all).toContain('"passwordChanged":true');
  });

  it('a change of a user’s areas makes their next pull answer resync; the new areas’ rows then arrive', async () => {
    const adminDevice = new TestDevice(admin);
    await adminDevice.pullAll();
    const suapNote = addNote(demoPlan(adminDevice).objectiveIn('suap'), 'Nota per il SUAP');
    await adminDevice.push([suapNote]);
    const noteId = (suapNote.args as { noteId: string }).noteId;

    const officer = await loginAs(server, 'istruttore.persona');
    const device = new TestDevice(officer);
    await device.pullAll();
    expect(device.row('note', noteId)).toBeUndefined();

    const persona = plan.areaId('persona');
    const suap = plan.areaId('suap');
    expect((await patch(admin, officer.user.id, { areaIds: [persona, suap] })).status).toBe(200);
    expect((await device.pullPage()).body).toEqual({ resync: true });
    const fresh = new TestDevice(officer, device.clientId);
    await fresh.pullAll();
    expect(fresh.row('note', noteId)).toBeDefined();
    expect(fresh.row<{ areaIds: string[] }>('user', officer.user.id)?.data.areaIds).toEqual([persona, suap]);

    // Areas taken away: resync again, and the device starting over no longer receives the note.
    expect((await patch(admin, officer.user.id, { areaIds: [persona] })).status).toBe(200);
    expect((await fresh.pullPage()).body).toEqual({ resync: true });
    const again = new TestDevice(officer, device.clientId);
    await again.pullAll();
    expect(again.row('note', noteId)).toBeUndefined();

    // A change that does not touch what they see (the name) is an ordinary pull.
    expect((await patch(admin, officer.user.id, { displayName: 'Istruttore' })).status).toBe(200);
    await again.pullAll();
    expect(again.row<{ displayName: string }>('user', officer.user.id)?.data.displayName).toBe('Istruttore');
  });
});
