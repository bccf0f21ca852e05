/**
 * A cheap fingerprint of everything that can change the plan's rows on this device: the device's
 * clientId (a new user means new data), the pull cursor and the server's last seq (pulled rows,
 * rebases, rollbacks after a rejection), the next local seq (local changes, retries) and the sizes of
 * the outbox and of the rejected list. Equal fingerprints mean equal plan rows, so figures computed
 * from the rows can be reused. Read-only, one transaction.
 */
import { META, readClientIdentity, readCursor, readServerLastSeq } from '../../db/meta.ts';
import type { TraguardiDb } from '../../db/schema.ts';

export async function readDataVersion(db: TraguardiDb): Promise<string> {
  const [identity, cursor, serverLastSeq, nextSeq, outbox, rejected] = await Promise.all([
    readClientIdentity(db),
    readCursor(db),
    readServerLastSeq(db),
    db.meta.get(META.nextSeq),
    db.outbox.count(),
    db.rejected.count(),
  ]);
  return [
    identity?.clientId ?? '-',
    cursor,
    serverLastSeq,
    String(nextSeq?.value ?? 0),
    outbox,
    rejected,
  ].join('|');
}
