/**
 * Simulated devices against a real server: the real sync engine over fake-indexeddb, talking
 * through a controllable Transport. Plus the server's own view of a user's rows (a fresh full pull),
 * to check that a device converged to it.
 */
import { randomUUID } from 'node:crypto';
import type { IDBFactory } from 'fake-indexeddb';
import { loginResponseSchema, type LoginResponse } from '../../src/shared/auth.ts';
import { pullResponseSchema, type PullRow } from '../../src/shared/pull.ts';
import { rowDataSchemas } from '../../src/shared/rows.ts';
import { TABLE_OF_ROW_TYPE, type TraguardiDb } from '../../src/client/db/schema.ts';
import { saveSession } from '../../src/client/db/session.ts';
import { createSyncEngine, type SyncEngine, type LockLike } from '../../src/client/sync/sync-engine.ts';
import { OnlineFlag, newBrowser, openTab } from './device.ts';
import { TRANSPORT_ORIGIN, type Transport } from './transport.ts';

export { OnlineFlag };

export const DEMO_PASSWORD = 'demo';

export async function login(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<LoginResponse> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return loginResponseSchema.parse(await res.json());
}

export interface SimDevice {
  name: string;
  browser: IDBFactory;
  db: TraguardiDb;
  engine: SyncEngine;
  online: OnlineFlag;
  session: LoginResponse;
}

export interface DeviceOptions {
  transport: Transport;
  /** The server to sign in on (directly, not through the transport). */
  serverUrl: string;
  username: string;
  /** Another tab of this browser instead of a new browser. */
  browser?: IDBFactory;
  lock?: LockLike | null;
  pushBatchSize?: number;
  /** Sign in (default true); a second tab of a signed-in browser need not. */
  signIn?: boolean;
  /** Called before the database is first used (e.g. to add a DBCore middleware that observes). */
  prepare?: (db: TraguardiDb) => void;
  periodMs?: number;
}

/** A device (or a tab): its database, a signed-in session and an engine that is not started. */
export async function openDevice(o: DeviceOptions): Promise<SimDevice> {
  const browser = o.browser ?? newBrowser();
  const db = openTab(browser);
  o.prepare?.(db);
  const session = await login(o.serverUrl, o.username);
  if (o.signIn ?? true) {
    const saved = await saveSession(db, session);
    if (!saved.ok) throw new Error(`saveSession: ${saved.code}`);
  }
  const online = new OnlineFlag();
  const engine = createSyncEngine({
    db,
    fetch: o.transport.fetch,
    now: () => new Date(),
    online,
    baseUrl: TRANSPORT_ORIGIN,
    lock: o.lock ?? null,
    visibility: null,
    debounceMs: 30,
    periodMs: o.periodMs ?? 60_000,
    backoffBaseMs: 50,
    backoffCapMs: 1_000,
    ...(o.pushBatchSize !== undefined ? { pushBatchSize: o.pushBatchSize } : {}),
  });
  return { name: o.username, browser, db, engine, online, session };
}

export type RowMap = Map<string, { version: number; data: Record<string, unknown> }>;

/** Everything `token`'s user may see, as the server has it now: a full pull on a new clientId. */
export async function serverRows(baseUrl: string, token: string): Promise<RowMap> {
  const clientId = randomUUID();
  const rows: RowMap = new Map();
  let cursor = 0;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/sync/pull?clientId=${clientId}&cursor=${cursor}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`pull ${res.status} ${await res.text()}`);
    const page = pullResponseSchema.parse(await res.json());
    if ('resync' in page) throw new Error('resync on a fresh pull');
    for (const r of page.rows as PullRow[]) {
      const key = `${r.type}:${r.id}`;
      if (r.deleted) rows.delete(key);
      else rows.set(key, { version: r.version, data: normalise(r.type, r.data) });
    }
    if (!page.hasMore) return rows;
    cursor = page.cursor;
  }
}

/** The data as a device stores it (parsed by the shared schema: fields it does not know dropped). */
function normalise(type: string, data: unknown): Record<string, unknown> {
  const schema = Object.hasOwn(rowDataSchemas, type)
    ? rowDataSchemas[type as keyof typeof rowDataSchemas]
    : null;
  return (schema ? schema.parse(data) : data) as Record<string, unknown>;
}

/** The device's rows in the same shape (local-only marks like `pending`/`dismissed` left out). */
export async function deviceRows(db: TraguardiDb): Promise<RowMap> {
  const rows: RowMap = new Map();
  for (const [type, table] of Object.entries(TABLE_OF_ROW_TYPE)) {
    for (const rec of await db.table(table).toArray()) {
      const { id, version, pending: _p, dismissed: _d, ...data } = rec as Record<string, unknown>;
      rows.set(`${type}:${String(id)}`, { version: Number(version), data });
    }
  }
  return rows;
}
