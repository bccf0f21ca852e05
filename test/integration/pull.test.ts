// Pull: paging (a page never splits a version, cursors only grow), visibility per role and per ente,
// tombstones, resync, and bad queries. On PGlite and on PostgreSQL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { note } from '../../src/server/db/schema.ts';
import { allocateVersions } from '../../src/server/sync/versions.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import type { PullRow } from '../../src/shared/pull.ts';
import { rowDataSchemas, type RowType } from '../../src/shared/rows.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, TestDevice } from '../helpers/server-sync.ts';

const PAGE = 7;

describe.each(DB_KINDS)('pull on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let notes: { persona: string; suap: string };
  beforeAll(async () => {
    server = await startTestServer({ db, pullPageSize: PAGE });
    admin = await loginAs(server, 'admin');
    const device = new TestDevice(admin);
    await device.pullAll();
    const plan = demoPlan(device);
    const persona = addNote(plan.objectiveIn('persona'), 'Nota persona');
    const suap = addNote(plan.objectiveIn('suap'), 'Nota SUAP');
    await device.push([persona, suap]);
    notes = {
      persona: (persona.args as { noteId: string }).noteId,
      suap: (suap.args as { noteId: string }).noteId,
    };
  });
  afterAll(() => server.close());

  it('pages in version order without splitting a version, and every row is valid', async () => {
    const device = new TestDevice(admin);
    const pages = await device.pullAll();
    expect(pages.length).toBeGreaterThan(5);
    let previous = 0;
    const seen = new Set<string>();
    for (const [i, page] of pages.entries()) {
      expect(page.rows.length).toBeLessThanOrEqual(PAGE + 2); // a version holds at most 3 rows
      const versions = page.rows.map((r) => r.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      if (versions.length) expect(versions[0]).toBeGreaterThan(previous);
      expect(page.cursor).toBeGreaterThanOrEqual(versions.at(-1) ?? 0);
      expect(page.hasMore).toBe(i < pages.length - 1);
      previous = page.cursor;
      for (const row of page.rows) {
        expect(seen.has(`${row.type}:${row.id}`)).toBe(false);
        seen.add(`${row.type}:${row.id}`);
        const schema = rowDataSchemas[row.type as RowType];
        expect(schema, row.type).toBeDefined();
        expect(schema.safeParse(row.data).success, `${row.type} ${JSON.stringify(row.data)}`).toBe(true);
      }
    }
    // One big page gives the same rows.
    const types = new Set([...device.rows.values()].map((r) => r.type));
    expect([...types].sort()).toEqual(
      ['area', 'ente', 'note', 'objective', 'phase', 'phaseHistory', 'plan', 'user'].sort(),
    );
    expect(device.all('ente').map((r) => r.data)).toEqual([
      { name: 'Città di Asola', settings: { headsMayAmend: false } },
    ]);
    expect(device.all('user')).toHaveLength(7);
  });

  it('shows notes to the admin, the evaluator and the users of the area only', async () => {
    const visibleNotes = async (username: string) => {
      const device = new TestDevice(await loginAs(server, username));
      await device.pullAll();
      return device
        .all('note')
        .map((n) => n.id)
        .sort();
    };
    expect(await visibleNotes('admin')).toEqual([notes.persona, notes.suap].sort());
    expect(await visibleNotes('nucleo')).toEqual([notes.persona, notes.suap].sort());
    expect(await visibleNotes('istruttore.persona')).toEqual([notes.persona]);
    expect(await visibleNotes('resp.suap')).toEqual([notes.suap]);
    expect(await visibleNotes('lettore')).toEqual([]);
  });

  it('keeps enti apart: admin.prova sees only Comune di Prova', async () => {
    const asola = new TestDevice(admin);
    await asola.pullAll();
    const prova = new TestDevice(await loginAs(server, 'admin.prova'));
    await prova.pullAll();
    expect(prova.all('ente').map((r) => r.data)).toEqual([
      { name: 'Comune di Prova', settings: { headsMayAmend: false } },
    ]);
    expect(prova.all('area')).toHaveLength(1);
    expect(prova.all('objective')).toHaveLength(2);
    expect(prova.all('note')).toHaveLength(0);
    expect(prova.all('user').map((u) => (u.data as { username: string }).username)).toEqual(['admin.prova']);
    const asolaIds = new Set([...asola.rows.values()].map((r) => r.id));
    expect([...prova.rows.values()].filter((r: PullRow) => asolaIds.has(r.id))).toEqual([]);
  });

  it('hands out tombstones as deleted rows', async () => {
    const device = new TestDevice(admin);
    await device.pullAll();
    // No v1 mutation deletes; an administrative removal does it this way: a new version, deleted.
    await server.database.db.transaction(async (tx) => {
      const [row] = await tx.select({ enteId: note.enteId }).from(note).where(eq(note.id, notes.suap));
      if (!row) throw new Error('note missing');
      const version = await allocateVersions(tx, row.enteId);
      await tx.update(note).set({ deleted: true, version }).where(eq(note.id, notes.suap));
    });
    const pages = await device.pullAll();
    const rows = pages.flatMap((p) => p.rows);
    expect(rows).toEqual([expect.objectContaining({ type: 'note', id: notes.suap, deleted: true })]);
    // A reader of SUAP notes gets the tombstone too; a reader of other areas never saw the note.
    const suap = new TestDevice(await loginAs(server, 'resp.suap'));
    await suap.pullAll();
    expect(suap.row('note', notes.suap)?.deleted).toBe(true);
  });

  it('answers resync for a cursor from another database, and 400 for bad queries', async () => {
    const device = new TestDevice(admin);
    await device.pullAll();
    expect((await device.pullPage(device.cursor + 1000)).body).toEqual({ resync: true });
    expect((await device.pullPage(1)).body).toEqual({ resync: true });
    expect((await device.pullPage(device.cursor)).body).toMatchObject({
      rows: [],
      hasMore: false,
      cursor: device.cursor,
    });
    for (const query of [
      'clientId=x&cursor=0',
      `clientId=${device.clientId}&cursor=-1`,
      `clientId=${device.clientId}`,
    ]) {
      const res = await admin.get<ErrorBody>(`/api/sync/pull?${query}`);
      expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    }
  });
});
