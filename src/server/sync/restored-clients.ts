/**
 * Devices after a restore. A database restored from a backup has forgotten what happened after the
 * backup, but devices have not: a device that synced since holds a cursor and a seq beyond what the
 * restored server knows. Without help its pull could mix the lost server's versions with the new
 * ones, and its next push (seq > lastSeq+1) would stop at the gap forever.
 *
 * The restore (ops/backup.ts) creates the table `traguardi_restore_settled`, empty; its existence
 * marks the database as restored. Until a client has settled:
 * - pull: a cursor other than 0 answers `{"resync": true}` (whatever its value: after the restore,
 *   versions above the backup's are reissued, so a cursor from before cannot be trusted); a pull from
 *   0 settles the pull side. Idempotent: a lost resync answer is answered again.
 * - push: the first push with mutations re-bases lastSeq to (its lowest seq − 1) when that seq is
 *   beyond lastSeq+1, once; then the push side is settled. A device pushes its outbox in order
 *   without gaps, so after that first push a gap is a real one again.
 * A client first seen after the restore settles on its first pull (from 0) and its first push
 * (seq 1, no gap), so the rules cost it nothing. What the lost server applied after the backup is
 * lost: that is inherent to restoring (docs/architecture.md).
 *
 * The table is made only by a restore, which runs with no server on the database (restore refuses a
 * database in use), so whether it exists is checked once per database handle and remembered.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Queryable } from '../db/database.ts';

export const RESTORE_TABLE = 'traguardi_restore_settled';

/** The statements a restore runs on the restored database (a second restore starts afresh). */
export const MARK_RESTORED_SQL = [
  `drop table if exists ${RESTORE_TABLE}`,
  `create table ${RESTORE_TABLE} (client_id text primary key, pull_settled boolean not null default false, push_settled boolean not null default false)`,
];

const restored = new WeakMap<Db, Promise<boolean>>();

async function isRestored(db: Db, tx: Queryable): Promise<boolean> {
  let known = restored.get(db);
  if (!known) {
    known = tx
      .execute(sql`select to_regclass(${RESTORE_TABLE}::text) is not null as restored`)
      .then((r) => rowsOf<{ restored: boolean }>(r)[0]?.restored === true);
    restored.set(db, known);
    known.catch(() => restored.delete(db));
  }
  return known;
}

async function settled(tx: Queryable, clientId: string): Promise<{ pull: boolean; push: boolean }> {
  const [row] = rowsOf<{ pull_settled: boolean; push_settled: boolean }>(
    await tx.execute(
      sql`select pull_settled, push_settled from ${sql.identifier(RESTORE_TABLE)} where client_id = ${clientId}`,
    ),
  );
  return { pull: row?.pull_settled ?? false, push: row?.push_settled ?? false };
}

/** Pull side: true when this pull must answer resync. Call inside the pull's claim transaction. */
export async function mustResyncAfterRestore(
  db: Db,
  tx: Queryable,
  clientId: string,
  cursor: number,
): Promise<boolean> {
  if (!(await isRestored(db, tx))) return false;
  if (cursor !== 0) return !(await settled(tx, clientId)).pull;
  await tx.execute(
    sql`insert into ${sql.identifier(RESTORE_TABLE)} (client_id, pull_settled) values (${clientId}, true)
        on conflict (client_id) do update set pull_settled = true`,
  );
  return false;
}

/**
 * Push side: the lastSeq to take this push from. Call inside the push transaction, after the client
 * row is locked, with the request's lowest seq (undefined for an empty push, which settles nothing).
 */
export async function lastSeqAfterRestore(
  db: Db,
  tx: Queryable,
  clientId: string,
  lastSeq: number,
  lowestSeq: number | undefined,
): Promise<number> {
  if (lowestSeq === undefined || !(await isRestored(db, tx))) return lastSeq;
  if ((await settled(tx, clientId)).push) return lastSeq;
  await tx.execute(
    sql`insert into ${sql.identifier(RESTORE_TABLE)} (client_id, push_settled) values (${clientId}, true)
        on conflict (client_id) do update set push_settled = true`,
  );
  return lowestSeq > lastSeq + 1 ? lowestSeq - 1 : lastSeq;
}
