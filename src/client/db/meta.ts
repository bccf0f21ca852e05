/**
 * Sync bookkeeping in the `meta` table: the device's clientId (and the user it belongs to), the pull
 * cursor, the last seq the server has processed, the next seq to allocate, and the last sync.
 *
 * Invariants:
 * - seq is allocated inside the caller's rw transaction on `meta` (allocateSeq), so several tabs
 *   (several connections to one database) share one gap-free sequence: IndexedDB serialises rw
 *   transactions on the same store.
 * - The cursor and serverLastSeq only move forward, except when a resync or a change of user resets
 *   them to 0 together with the rows they describe.
 */
import type { TraguardiDb } from './schema.ts';

export const META = {
  client: 'client',
  nextSeq: 'nextSeq',
  cursor: 'cursor',
  serverLastSeq: 'serverLastSeq',
  lastSync: 'lastSync',
  session: 'session',
  /** A first sync in two parts under way (client/sync/first-sync.ts); absent otherwise. */
  firstSync: 'firstSync',
} as const;

export interface ClientIdentity {
  clientId: string;
  /** The user this clientId belongs to (null until the first sign-in on this device). */
  userId: string | null;
}

export interface LastSync {
  /** ISO time of the last cycle that completed (push and pull). */
  at: string;
}

async function readNumber(db: TraguardiDb, key: string): Promise<number> {
  const v = (await db.meta.get(key))?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function isIdentity(v: unknown): v is ClientIdentity {
  return (
    typeof v === 'object' &&
    v !== null &&
    'clientId' in v &&
    typeof v.clientId === 'string' &&
    'userId' in v &&
    (v.userId === null || typeof v.userId === 'string')
  );
}

/** The stored identity, or null before first use (read only; works offline). */
export async function readClientIdentity(db: TraguardiDb): Promise<ClientIdentity | null> {
  const v = (await db.meta.get(META.client))?.value;
  return isIdentity(v) ? v : null;
}

/**
 * The device's clientId, created on first use (crypto.randomUUID). Idempotent: concurrent callers in
 * several tabs get the same id (the check and the write share one rw transaction).
 */
export async function getClientIdentity(db: TraguardiDb): Promise<ClientIdentity> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readClientIdentity(db);
    if (existing) return existing;
    const created: ClientIdentity = { clientId: crypto.randomUUID(), userId: null };
    await db.meta.put({ key: META.client, value: created });
    return created;
  });
}

/** Must run inside a rw transaction that includes `meta`; returns the seq for the new mutation. */
export async function allocateSeq(db: TraguardiDb): Promise<number> {
  const next = Math.max(1, await readNumber(db, META.nextSeq));
  await db.meta.put({ key: META.nextSeq, value: next + 1 });
  return next;
}

/** Keeps nextSeq above what the server has seen, so a new mutation is never taken for a duplicate. */
export async function raiseNextSeq(db: TraguardiDb, serverLastSeq: number): Promise<void> {
  const next = await readNumber(db, META.nextSeq);
  if (next <= serverLastSeq) await db.meta.put({ key: META.nextSeq, value: serverLastSeq + 1 });
}

export function readCursor(db: TraguardiDb): Promise<number> {
  return readNumber(db, META.cursor);
}

export function readServerLastSeq(db: TraguardiDb): Promise<number> {
  return readNumber(db, META.serverLastSeq);
}

export async function readLastSync(db: TraguardiDb): Promise<LastSync | null> {
  const v = (await db.meta.get(META.lastSync))?.value;
  return typeof v === 'object' && v !== null && 'at' in v && typeof v.at === 'string' ? { at: v.at } : null;
}

export async function writeLastSync(db: TraguardiDb, info: LastSync): Promise<void> {
  await db.meta.put({ key: META.lastSync, value: info });
}
