/**
 * Sync clients (devices): a clientId belongs to the user who first pushed or pulled with it; anyone
 * else using it is refused (403). Registration is idempotent and safe under concurrent first use
 * (read; if absent, insert ... on conflict do nothing, then read again).
 */
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { Queryable } from '../db/database.ts';
import { syncClient } from '../db/schema.ts';
import { HttpError } from '../http-errors.ts';

export interface ClientState {
  lastSeq: number;
}

/**
 * Registers the client for the user if new and checks ownership; with `lock` the row stays locked
 * until the transaction ends, so two pushes of one client (two tabs) take turns.
 */
export async function claimClient(
  tx: Queryable,
  clientId: string,
  user: SessionUser,
  now: Date,
  lock: boolean,
): Promise<ClientState> {
  const read = async () => {
    const query = tx.select().from(syncClient).where(eq(syncClient.id, clientId));
    const [found] = lock ? await query.for('update') : await query;
    return found;
  };
  // A known client (every request but its first): one query.
  let row = await read();
  if (!row) {
    await tx
      .insert(syncClient)
      .values({ id: clientId, enteId: user.enteId, userId: user.id, lastSeq: 0, createdAt: now })
      .onConflictDoNothing();
    row = await read();
  }
  if (!row) throw new Error(`sync client ${clientId} vanished`);
  if (row.userId !== user.id) throw new HttpError('forbidden', 'client_owned');
  return { lastSeq: row.lastSeq };
}
