/**
 * Version allocation: each ente has one counter, `ente.version`, bumped with
 * `UPDATE ente SET version = version + n ... RETURNING version` inside the writing transaction.
 *
 * Why this and not a sequence: the UPDATE row-locks the ente until the transaction ends, so a second
 * writer of the same ente waits, then reads the committed counter. Two transactions of one ente can
 * therefore never commit in an order different from their versions, and a pull's snapshot that sees
 * version V also sees every row at or below V. (With a sequence, T1 could take 5, T2 take 6 and commit
 * first; a pull would hand out cursor 6 and never return T1's row 5.) It also holds across server
 * processes, since the lock lives in the database. Only writers of the same ente serialize.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { ente } from '../db/schema.ts';

/** Reserves `count` consecutive versions for this ente and returns the first; throws if the ente is gone. */
export async function allocateVersions(tx: Queryable, enteId: string, count = 1): Promise<number> {
  const [row] = await tx
    .update(ente)
    .set({ version: sql`${ente.version} + ${count}` })
    .where(eq(ente.id, enteId))
    .returning({ version: ente.version });
  if (!row) throw new Error(`ente ${enteId} not found`);
  return row.version - count + 1;
}

/**
 * The first version of a new ente: the creation time in milliseconds. A device holding a cursor from
 * an earlier database (reset, restored, re-seeded) then holds a number either below this ente's
 * `min_version` or above its counter, and is told to resync instead of silently mixing two histories.
 */
export function initialVersion(now: Date): number {
  return now.getTime();
}
