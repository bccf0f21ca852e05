/**
 * The transaction every local change runs in (local-change.ts, plan-changes.ts): ONE rw transaction
 * over the entity rows, the outbox, `bases` and `meta`; a refusal thrown inside aborts it, so nothing
 * is half-written, and comes back as `{ ok: false, code }` (a full disk as `quota`), never as an
 * exception.
 */
import type { Table } from 'dexie';
import { isQuotaError, withReopen } from './open-db.ts';
import { rebaseTables } from './rebase.ts';
import type { TraguardiDb } from './schema.ts';

export type LocalChangeCode =
  | 'invalid'
  | 'empty'
  | 'too_long'
  | 'too_many_photos'
  | 'photo_type'
  | 'photo_too_large'
  | 'not_found'
  | 'illegal_transition'
  | 'no_session'
  | 'quota'
  | 'forbidden'
  | 'locked';
/**
 * `key` and `params` (plan changes): the message to show, an i18n key of the device's catalogs
 * (`planChange.*`), so a refusal reads the same in Italian and English.
 */
export type LocalChangeError = {
  ok: false;
  code: LocalChangeCode;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
};
export type Queued = { ok: true; mutationId: string; seq: number };

/**
 * The signed-in user making the change (SessionUser fits). Plan changes check the role and areas;
 * without them they are read from the session stored on the device.
 */
export interface ChangeUser {
  id: string;
  role?: string;
  areaIds?: readonly string[];
}

/** Thrown inside a transaction to abort it; turned into the returned error. */
export class Refusal extends Error {
  constructor(
    readonly code: LocalChangeCode,
    message: string,
    readonly key?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export function fail(
  code: LocalChangeCode,
  message: string,
  key?: string,
  params?: Record<string, string | number>,
): LocalChangeError {
  return { ok: false, code, message, ...(key ? { key } : {}), ...(params ? { params } : {}) };
}

export function changeTables(db: TraguardiDb) {
  return [...rebaseTables(db), db.attachments, db.rejected];
}

/** Runs a transaction and maps refusals and quota errors to results. */
export async function run<T>(
  db: TraguardiDb,
  body: () => Promise<T>,
  tables: readonly Table[] = changeTables(db),
): Promise<T | LocalChangeError> {
  try {
    return await withReopen(db, () => db.transaction('rw', tables, body));
  } catch (err) {
    if (err instanceof Refusal) return fail(err.code, err.message, err.key, err.params);
    if (isQuotaError(err)) return fail('quota', 'the device storage is full');
    throw err; // a bug or a closed database: not a user input problem
  }
}
