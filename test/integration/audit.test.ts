// The admin's audit trail (GET /api/admin/audit, protocol Part 2 "Audit trail"): newest first, the
// filters, keyset paging that neither skips nor doubles an entry (ties on `at` included), the CSV,
// and who may read it. On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/server/db/schema.ts';
import type { AdminUser } from '../../src/shared/admin-users.ts';
import type { AuditEntry, AuditPage } from '../../src/shared/admin-audit.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

/** Every page of a query, following `next`. */
async function allPages(api: Api, query: string): Promise<{ entries: AuditEntry[]; pages: number }> {
  const entries: AuditEntry[] = [];
  let before: string | undefined;
  let pages = 0;
  for (;;) {
    const sep = query ? '&' : '';
    const res = await api.get<AuditPage>(
      `/api/admin/audit?${query}${before ? `${sep}before=${encodeURIComponent(before)}` : ''}`,
    );
    expect(res.status).toBe(200);
    entries.push(...res.body.entries);
    pages += 1;
    if (res.body.next === undefined) return { entries, pages };
    before = res.body.next;
    if (pages > 100) throw new Error('paging does not end');
  }
}

function isNewestFirst(entries: readonly AuditEntry[]): boolean {
  return entries.every((e, i) => i === 0 || entries[i - 1]!.at >= e.at);
}

describe.each(DB_KINDS)('audit trail on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let created: AdminUser;
  let enteId: string;
  const tieAt = new Date('2030-01-01T10:00:00.000Z');
  const tieIds: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    enteId = admin.user.enteId;
    const res = await admin.post<AdminUser>('/api/admin/users', {
      username: 'audit.nuovo',
      displayName: '=HYPERLINK("x")',
      role: 'viewer',
      areaIds: [],
      password: 'una-password-lunga',
    });
    if (res.status !== 201) throw new Error(`create: ${res.status}`);
    created = res.body;
    await admin.request('PATCH', `/api/admin/users/${created.id}`, { displayName: 'Audit Nuovo' });
    await loginAs(server, 'audit.nuovo', 'una-password-lunga');
    await new Api(server.url).post('/api/auth/login', { username: 'audit.nuovo', password: 'sbagliata!!' });
    await loginAs(server, 'admin.prova'); // the other ente's sign-in
    // Seven entries at one instant (and one a microsecond later, which a millisecond cursor would
    // lose): the page boundary must fall between ties without skipping or doubling one.
    for (let i = 0; i < 7; i++) tieIds.push(randomUUID());
    await server.database.db.insert(auditEntry).values(
      tieIds.map((id) => ({
        id,
        enteId,
        at: tieAt,
        userId: admin.user.id,
        action: 'test.tie',
        entity: 'tie',
      })),
    );
    await server.database.db.insert(auditEntry).values({
      id: randomUUID(),
      enteId,
      at: new Date('2020-01-01T00:00:00Z'),
      userId: null,
      action: 'test.formula',
      entity: 'formula',
      entityId: '=1+1',
    });
    await server.database.db.execute(
      `insert into audit_entry (id, ente_id, at, user_id, action, entity)
       values ('micro-later', '${enteId}', timestamptz '2030-01-01T10:00:00.000001Z', '${admin.user.id}', 'test.tie', 'tie')`,
    );
  });
  afterAll(() => server.close());

  it('answers the ente’s entries newest first, and only to its admin', async () => {
    const res = await admin.get<AuditPage>('/api/admin/audit');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { entries } = res.body;
    expect(entries.length).toBeGreaterThan(10);
    expect(isNewestFirst(entries)).toBe(true);
    expect(entries[0]!.id).toBe('micro-later');
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['auth.login', 'auth.login_failed', 'user.create', 'user.update'])
      expect(actions).toContain(a);
    const create = entries.find((e) => e.action === 'user.create')!;
    expect(create).toMatchObject({
      userId: admin.user.id,
      entity: 'user',
      entityId: created.id,
      before: null,
    });
    expect(create.after).toMatchObject({ username: 'audit.nuovo' });
    expect(JSON.stringify(entries)).not.toContain(server.url); // no addresses
    expect(entries.every((e) => !('address' in e) && !('username' in e))).toBe(true);

    const other = await loginAs(server, 'admin.prova');
    const theirs = await allPages(other, '');
    expect(theirs.entries.length).toBeGreaterThan(0);
    expect(theirs.entries.every((e) => e.userId === other.user.id)).toBe(true);
    const mine = await allPages(admin, 'limit=1000');
    const mineIds = new Set(mine.entries.map((e) => e.id));
    expect(theirs.entries.some((e) => mineIds.has(e.id))).toBe(false);
    expect(mine.entries.some((e) => e.userId === other.user.id)).toBe(false);

    for (const who of ['resp.persona', 'istruttore.persona', 'nucleo', 'lettore']) {
      const session = await loginAs(server, who);
      const refused = await session.get<ErrorBody>('/api/admin/audit');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      expect((await session.get('/api/admin/audit?format=csv')).status).toBe(403);
    }
    expect((await new Api(server.url).get('/api/admin/audit')).status).toBe(401);
  });

  it('filters by user, by entity and id, and by from (inclusive) and to (exclusive)', async () => {
    const byEntity = await allPages(admin, `entity=user&entityId=${created.id}`);
    expect(byEntity.entries.map((e) => e.action)).toEqual([
      'auth.login_failed',
      'auth.login',
      'user.update',
      'user.create',
    ]);
    const byUser = await allPages(admin, `userId=${created.id}`);
    expect(byUser.entries.map((e) => e.action)).toEqual(['auth.login']);

    const at = `from=${encodeURIComponent(tieAt.toISOString())}`;
    const fromTie = await allPages(admin, at);
    expect(fromTie.entries).toHaveLength(8);
    const toTie = await allPages(admin, `to=${encodeURIComponent(tieAt.toISOString())}&limit=1000`);
    expect(toTie.entries.some((e) => e.entity === 'tie')).toBe(false);
    const byDay = await allPages(admin, 'from=2030-01-01&to=2030-01-02');
    expect(byDay.entries).toHaveLength(8);
    expect((await allPages(admin, 'from=2030-01-02')).entries).toHaveLength(0);
    expect((await allPages(admin, `entity=tie&userId=${created.id}`)).entries).toHaveLength(0);
  });

  it('pages with next: every entry exactly once, in order, ties on `at` included', async () => {
    const whole = await allPages(admin, 'limit=1000');
    expect(whole.pages).toBe(1);
    for (const limit of [1, 2, 3, 7]) {
      const paged = await allPages(admin, `limit=${limit}`);
      expect(paged.entries.map((e) => e.id)).toEqual(whole.entries.map((e) => e.id));
      expect(paged.pages).toBe(Math.ceil(whole.entries.length / limit));
    }
    const ties = await allPages(admin, 'entity=tie&limit=3');
    expect(ties.entries.map((e) => e.id)).toEqual(['micro-later', ...[...tieIds].sort().reverse()]);
    // A page read after newer entries were written starts where the cursor said.
    const first = await admin.get<AuditPage>('/api/admin/audit?entity=tie&limit=4');
    await loginAs(server, 'admin');
    const second = await admin.get<AuditPage>(
      `/api/admin/audit?entity=tie&limit=4&before=${first.body.next}`,
    );
    expect([...first.body.entries, ...second.body.entries].map((e) => e.id)).toEqual(
      ties.entries.map((e) => e.id),
    );
  });

  it('refuses a limit over 1,000, a bad date and a cursor it did not give, in the request’s language', async () => {
    for (const q of [
      'limit=1001',
      'limit=0',
      'limit=x',
      'from=ieri',
      'to=2030-13-45',
      'before=bm9wZQ',
      'format=xml',
    ]) {
      const res = await admin.request<ErrorBody>('GET', `/api/admin/audit?${q}`, undefined, {
        'accept-language': 'en',
      });
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toMatch(/expected shape/);
    }
    expect((await admin.get<AuditPage>('/api/admin/audit?limit=1000')).status).toBe(200);
  });

  it('answers the same entries as a ;-separated CSV with a BOM, formulas kept as text', async () => {
    const query = `entity=user&entityId=${created.id}`;
    const json = await admin.get<AuditPage>(`/api/admin/audit?${query}`);
    const res = await admin.get<string>(`/api/admin/audit?${query}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="registro-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const raw = new Uint8Array(
      await (
        await fetch(`${server.url}/api/admin/audit?${query}&format=csv`, {
          headers: { authorization: `Bearer ${admin.token}` },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { default: Papa } = await import('papaparse');
    const parsed = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ''), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([
      'id',
      'at',
      'userId',
      'action',
      'entity',
      'entityId',
      'before',
      'after',
      'clientId',
    ]);
    expect(parsed.data.map((r) => r.id)).toEqual(json.body.entries.map((e) => e.id));
    expect(parsed.data.map((r) => r.action)).toEqual(json.body.entries.map((e) => e.action));
    const create = parsed.data.find((r) => r.action === 'user.create')!;
    expect(create.at).toBe(json.body.entries.find((e) => e.action === 'user.create')!.at);
    expect(JSON.parse(create.after!)).toMatchObject({
      username: 'audit.nuovo',
      displayName: '=HYPERLINK("x")',
    });
    // A cell that begins with = (a device's clientId may) is prefixed, so a spreadsheet keeps it text.
    const formula = await admin.get<string>('/api/admin/audit?entity=formula&format=csv');
    expect(formula.body).toContain(`;"'=1+1";`);

    const paged = await admin.get<string>('/api/admin/audit?entity=tie&limit=5&format=csv');
    const next = paged.headers.get('x-audit-next');
    expect(next).toBeTruthy();
    const rest = await admin.get<AuditPage>(`/api/admin/audit?entity=tie&before=${next}`);
    expect(rest.body.entries).toHaveLength(3);
  });
});
