// A first sync in two parts (extension of the pull, docs/protocol.md): part=core, then
// part=deferred up to the core's last cursor, together give exactly the rows of a full pull — none
// missing, none twice — also when rows change in between; resync and bad queries. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import {
  PULL_NEXT_CURSOR_HEADER,
  type PullDeferred,
  type PullPage,
  type PullResponse,
  type PullRow,
} from '../../src/shared/pull.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, setStatus, TestDevice } from '../helpers/server-sync.ts';

const PAGE = 7;

type Page = PullPage & { deferred?: PullDeferred };

/** Pulls `query` from `cursor` until hasMore is false; returns the pages. */
async function pullPages(session: Session, clientId: string, cursor: number, query: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (let i = 0; i < 1000; i++) {
    const res = await session.get<PullResponse>(
      `/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2${query}`,
    );
    if (res.status !== 200) throw new Error(`pull ${res.status} ${JSON.stringify(res.body)}`);
    if ('resync' in res.body) throw new Error('resync');
    const page = res.body as Page;
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return pages;
  }
  throw new Error('too many pages');
}

const key = (r: PullRow) => `${r.type}:${r.id}`;

/** Rows by key, the later page winning (as a device stores them); tombstones removed. */
function fold(pages: Page[][]): Map<string, PullRow> {
  const rows = new Map<string, PullRow>();
  for (const r of pages.flat().flatMap((p) => p.rows)) {
    const old = rows.get(key(r));
    if (old && old.version > r.version) continue;
    if (r.deleted) rows.delete(key(r));
    else rows.set(key(r), r);
  }
  return rows;
}

function types(pages: Page[]): string[] {
  return [...new Set(pages.flatMap((p) => p.rows.map((r) => r.type)))].sort();
}

describe.each(DB_KINDS)('a first sync in two parts on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  beforeAll(async () => {
    server = await startTestServer({ db, pullPageSize: PAGE });
    admin = await loginAs(server, 'admin');
    const device = new TestDevice(admin, undefined, 2);
    await device.pullAll();
    const plan = demoPlan(device);
    await device.push([
      addNote(plan.objectiveIn('persona'), 'Nota persona'),
      addNote(plan.objectiveIn('suap'), 'Nota SUAP'),
    ]);
  });
  afterAll(() => server.close());

  it('admin: the core without notes and history, then those up to its cursor, equal a full pull', async () => {
    const clientId = admin.newClientId();
    const core = await pullPages(admin, clientId, 0, '&part=core');
    expect(core.length).toBeGreaterThan(3);
    expect(types(core)).not.toContain('note');
    expect(types(core)).not.toContain('phaseHistory');
    const last = core.at(-1);
    const deferred = last?.deferred;
    if (!last || !deferred) throw new Error('the core has no deferred part');
    expect(core.slice(0, -1).every((p) => p.deferred === undefined)).toBe(true);
    expect(deferred.until).toBe(last.cursor);

    const rest = await pullPages(admin, clientId, 0, `&part=deferred&until=${deferred.until}`);
    expect(types(rest)).toEqual(['note', 'phaseHistory']);
    expect(rest.at(-1)?.cursor).toBe(deferred.until);
    const counted: Record<string, number> = {};
    for (const r of rest.flatMap((p) => p.rows)) counted[r.type] = (counted[r.type] ?? 0) + 1;
    expect(counted).toEqual(deferred.rows);
    for (const page of rest) expect(page.rows.every((r) => r.version <= deferred.until)).toBe(true);

    const both = [...core, ...rest].flatMap((p) => p.rows).map(key);
    expect(new Set(both).size).toBe(both.length);
    const full = await pullPages(admin, admin.newClientId(), 0, '');
    expect(full.every((p) => p.deferred === undefined)).toBe(true);
    expect(fold([core, rest])).toEqual(fold([full]));
  });

  it('names the next page’s cursor in a header on every page but the last (read before the body)', async () => {
    const clientId = crypto.randomUUID();
    let cursor = 0;
    let pages = 0;
    for (const part of ['core', 'deferred'] as const) {
      let until: number | undefined;
      for (;;) {
        const query = part === 'deferred' ? `&part=deferred&until=${until}` : '&part=core';
        const res = await admin.get<PullResponse>(
          `/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2${query}`,
        );
        const page = res.body as Page;
        pages += 1;
        const header = res.headers.get(PULL_NEXT_CURSOR_HEADER);
        if (page.hasMore) expect(header).toBe(String(page.cursor));
        else expect(header).toBeNull();
        cursor = page.cursor;
        if (!page.hasMore) {
          until = page.deferred?.until;
          break;
        }
      }
      if (until === undefined) break;
      cursor = 0;
    }
    expect(pages).toBeGreaterThan(2);
  });

  it('head: the own areas’ notes are in the core; only the history is deferred', async () => {
    const head = await loginAs(server, 'resp.persona');
    const clientId = head.newClientId();
    const core = await pullPages(head, clientId, 0, '&part=core');
    expect(types(core)).toContain('note');
    expect(types(core)).not.toContain('phaseHistory');
    const deferred = core.at(-1)?.deferred;
    expect(Object.keys(deferred?.rows ?? {})).toEqual(['phaseHistory']);
    const rest = await pullPages(head, clientId, 0, `&part=deferred&until=${deferred?.until}`);
    expect(types(rest)).toEqual(['phaseHistory']);
    expect(fold([core, rest])).toEqual(fold([await pullPages(head, head.newClientId(), 0, '')]));
  });

  it('rows written between the parts come with the pull from the core’s cursor, not twice', async () => {
    const clientId = admin.newClientId();
    const core = await pullPages(admin, clientId, 0, '&part=core');
    const until = core.at(-1)?.deferred?.until ?? 0;
    // Another device writes while this one fetches the rest: a note, a status change (history).
    const other = new TestDevice(admin, undefined, 2);
    await other.pullAll();
    const plan = demoPlan(other);
    const phase = plan.freshPhases('persona')[0];
    if (!phase) throw new Error('no fresh phase');
    await other.push([
      addNote(plan.objectiveIn('suap'), 'Scritta tra le due parti'),
      setStatus(phase.id, 'not_started', 'in_progress'),
    ]);
    const rest = await pullPages(admin, clientId, 0, `&part=deferred&until=${until}`);
    const after = await pullPages(admin, clientId, until, '');
    expect(rest.flatMap((p) => p.rows).every((r) => r.version <= until)).toBe(true);
    expect(types(after)).toEqual(expect.arrayContaining(['note', 'phase', 'phaseHistory']));
    const both = [...core, ...rest, ...after].flatMap((p) => p.rows).map((r) => `${key(r)}@${r.version}`);
    expect(new Set(both).size).toBe(both.length);
    expect(fold([core, rest, after])).toEqual(fold([await pullPages(admin, admin.newClientId(), 0, '')]));
  });

  it('answers resync when the user changed since `until` or it is not a version held, 400 for bad queries', async () => {
    const clientId = admin.newClientId();
    const core = await pullPages(admin, clientId, 0, '&part=core');
    const until = core.at(-1)?.deferred?.until ?? 0;
    const deferredPull = (cursor: number, u: number | string) =>
      admin.get<PullResponse | ErrorBody>(
        `/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2&part=deferred&until=${u}`,
      );
    expect((await deferredPull(0, until + 1000)).body).toEqual({ resync: true });
    expect((await deferredPull(0, 1)).body).toEqual({ resync: true });
    for (const [cursor, u] of [
      [until + 1, until],
      [0, 'x'],
      [0, 0],
    ] as const) {
      const res = await deferredPull(cursor, u);
      expect([res.status, (res.body as ErrorBody).error?.code]).toEqual([400, 'bad_request']);
    }
    for (const query of ['part=deferred', 'part=everything']) {
      const res = await admin.get<ErrorBody>(`/api/sync/pull?clientId=${clientId}&cursor=0&${query}`);
      expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    }

    // The evaluator's areas change: what was deferred was chosen by the old visibility.
    const nucleo = await loginAs(server, 'nucleo');
    const nucleoClient = nucleo.newClientId();
    const nucleoCore = await pullPages(nucleo, nucleoClient, 0, '&part=core');
    const nucleoUntil = nucleoCore.at(-1)?.deferred?.until ?? 0;
    const users = await admin.get<{ users: { id: string; username: string }[] }>('/api/admin/users');
    const id = users.body.users.find((u) => u.username === 'nucleo')?.id;
    const area = [...fold([core]).values()].find(
      (r) =>
        r.type === 'area' &&
        String((r.data as { name: string }).name)
          .toLowerCase()
          .includes('persona'),
    );
    const patched = await admin.request('PATCH', `/api/admin/users/${id}`, { areaIds: [area?.id] });
    expect(patched.status).toBe(200);
    const res = await nucleo.get<PullResponse>(
      `/api/sync/pull?clientId=${nucleoClient}&cursor=0&schemaVersion=2&part=deferred&until=${nucleoUntil}`,
    );
    expect(res.body).toEqual({ resync: true });
  });
});
