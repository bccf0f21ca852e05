/**
 * Storage bounds on attachment bytes, per uploader and per ente, computed from the stored sizes
 * (SUM over the `attachment` table; swept photos count 0). Checked inside the upload's transaction
 * under a per-ente advisory lock, so two uploads racing for the last megabytes cannot both pass.
 *
 * A refusal is 413 `payload_too_large` with `"quota": "user" | "ente"` beside code and message
 * (docs/protocol.md says why 413 and not 429): the device keeps the photo and goes on with its queue.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { attachment } from '../db/schema.ts';
import { HttpError } from '../http-errors.ts';

export interface AttachmentQuota {
  /** Bytes one user may hold in uploaded photos. */
  userBytes: number;
  /** Bytes one ente may hold. */
  enteBytes: number;
}

const MIB = 1024 * 1024;
export const DEFAULT_ATTACHMENT_QUOTA: AttachmentQuota = { userBytes: 500 * MIB, enteBytes: 10240 * MIB };

/** Serialises the quota decisions of one ente (a key apart from the migration lock's). */
export async function lockEnteQuota(tx: Tx, enteId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`attachment-quota:${enteId}`}))`);
}

/** Throws the quota refusal when `adding` more bytes would take the user or the ente past its bound. */
export async function checkQuota(
  tx: Tx,
  quota: AttachmentQuota,
  who: { enteId: string; userId: string },
  adding: number,
): Promise<void> {
  const [used] = await tx
    .select({
      ente: sql<string>`coalesce(sum(${attachment.size}), 0)`,
      user: sql<string>`coalesce(sum(${attachment.size}) filter (where ${attachment.ownerId} = ${who.userId}), 0)`,
    })
    .from(attachment)
    .where(and(eq(attachment.enteId, who.enteId)));
  // SUM of integers is a bigint: it arrives as a string.
  const user = Number(used?.user ?? 0);
  const ente = Number(used?.ente ?? 0);
  if (user + adding > quota.userBytes) throw quotaRefusal('user', quota.userBytes);
  if (ente + adding > quota.enteBytes) throw quotaRefusal('ente', quota.enteBytes);
}

function quotaRefusal(scope: 'user' | 'ente', limit: number): HttpError {
  return new HttpError(
    'payload_too_large',
    scope === 'user' ? 'attachment_quota_user' : 'attachment_quota_ente',
    { mb: Number((limit / MIB).toFixed(1)) },
    undefined,
    { quota: scope },
  );
}
