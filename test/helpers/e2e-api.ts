/**
 * The server's view of the plan, for end-to-end tests: sign in over HTTP as a demo user, pull every
 * row that user may see (protocol v1, a fresh clientId, following `hasMore`), and push mutations to
 * prepare a state. What the browser shows is compared with what this returns.
 */
import { randomUUID } from 'node:crypto';
import { loginResponseSchema, type LoginResponse } from '../../src/shared/auth.ts';
import type { MutationArgs, MutationName } from '../../src/shared/mutations.ts';
import { pullResponseSchema } from '../../src/shared/pull.ts';
import { pushResponseSchema, type PushResponse } from '../../src/shared/push.ts';
import { rowDataSchemas, type RowData, type RowType } from '../../src/shared/rows.ts';
import { DEMO_PASSWORD } from './e2e-app.ts';

export type Row<T extends RowType> = RowData[T] & { id: string; version: number };

export interface ApiSession extends LoginResponse {
  origin: string;
}

export async function apiLogin(
  origin: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: HTTP ${res.status} ${await res.text()}`);
  return { origin, ...loginResponseSchema.parse(await res.json()) };
}

/** Every row a user sees, by type and id, as of one pull from cursor 0. */
export class ServerSnapshot {
  private readonly byType: { [K in RowType]: Map<string, Row<K>> } = {
    ente: new Map(),
    plan: new Map(),
    area: new Map(),
    objective: new Map(),
    phase: new Map(),
    note: new Map(),
    conflict: new Map(),
    phaseHistory: new Map(),
    user: new Map(),
    amendment: new Map(),
    evaluation: new Map(),
    phaseVerdict: new Map(),
    selfAssessment: new Map(),
    snapshot: new Map(),
    monitoringReport: new Map(),
  };

  add<T extends RowType>(type: T, row: Row<T>): void {
    (this.byType[type] as Map<string, Row<T>>).set(row.id, row);
  }

  remove(type: RowType, id: string): void {
    this.byType[type].delete(id);
  }

  all<T extends RowType>(type: T): Row<T>[] {
    return [...(this.byType[type] as Map<string, Row<T>>).values()];
  }

  get<T extends RowType>(type: T, id: string): Row<T> {
    const row = (this.byType[type] as Map<string, Row<T>>).get(id);
    if (!row) throw new Error(`the server has no ${type} ${id} for this user`);
    return row;
  }
}

function isRowType(type: string): type is RowType {
  return Object.hasOwn(rowDataSchemas, type);
}

/**
 * Pulls from cursor 0 to the end with a new clientId; rows of unknown types are ignored. As a v1
 * device unless `schemaVersion` says otherwise (2: the plan's amendments and drafts too).
 */
export async function pullAll(session: ApiSession, schemaVersion?: number): Promise<ServerSnapshot> {
  const clientId = randomUUID();
  const snapshot = new ServerSnapshot();
  let cursor = 0;
  for (let page = 0; page < 10_000; page += 1) {
    const version = schemaVersion === undefined ? '' : `&schemaVersion=${schemaVersion}`;
    const res = await fetch(
      `${session.origin}/api/sync/pull?clientId=${clientId}&cursor=${cursor}${version}`,
      {
        headers: { authorization: `Bearer ${session.token}` },
      },
    );
    if (res.status !== 200) throw new Error(`pull: HTTP ${res.status} ${await res.text()}`);
    const body = pullResponseSchema.parse(await res.json());
    if ('resync' in body) throw new Error('pull from cursor 0 answered resync');
    for (const row of body.rows) {
      if (!isRowType(row.type)) continue;
      if (row.deleted) {
        snapshot.remove(row.type, row.id);
        continue;
      }
      const data = rowDataSchemas[row.type].parse(row.data);
      snapshot.add(row.type, { ...data, id: row.id, version: row.version });
    }
    cursor = body.cursor;
    if (!body.hasMore) return snapshot;
  }
  throw new Error('pull did not end');
}

export interface ApiMutation<N extends MutationName = MutationName> {
  name: N;
  args: MutationArgs[N];
}

/** Pushes mutations as one new client (seq 1…n) and returns the server's answer. */
export async function pushAs(session: ApiSession, mutations: readonly ApiMutation[]): Promise<PushResponse> {
  const res = await fetch(`${session.origin}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUUID(),
      schemaVersion: 1,
      mutations: mutations.map((m, i) => ({
        id: randomUUID(),
        seq: i + 1,
        name: m.name,
        args: m.args,
        clientTime: new Date().toISOString(),
      })),
    }),
  });
  if (res.status !== 200) throw new Error(`push: HTTP ${res.status} ${await res.text()}`);
  return pushResponseSchema.parse(await res.json());
}

/** GET /api/attachments/<id> as the session's user: the status and the body's size. */
export async function fetchAttachment(
  session: ApiSession,
  id: string,
): Promise<{ status: number; bytes: number; type: string | null }> {
  const res = await fetch(`${session.origin}/api/attachments/${id}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  const body = await res.arrayBuffer();
  return { status: res.status, bytes: body.byteLength, type: res.headers.get('content-type') };
}

/** The device's calendar day in a time zone, 'YYYY-MM-DD' (the app's `today`). */
export function isoDateIn(timeZone: string, date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * Pushes mutations as one new v2 client (Part 2 of the contract: the cycle's and the plan's
 * mutations, which pushAs, a v1 device, cannot send) and returns each result's status, or its
 * reason code when rejected.
 */
export async function pushV2(
  session: ApiSession,
  mutations: readonly { name: string; args: unknown }[],
): Promise<string[]> {
  const res = await fetch(`${session.origin}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUUID(),
      schemaVersion: 2,
      mutations: mutations.map((m, i) => ({
        id: randomUUID(),
        seq: i + 1,
        name: m.name,
        args: m.args,
        clientTime: new Date().toISOString(),
      })),
    }),
  });
  if (res.status !== 200) throw new Error(`push: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { results: { status: string; reason?: { code: string } }[] };
  return body.results.map((r) => r.reason?.code ?? r.status);
}
