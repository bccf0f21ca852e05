/**
 * Recording a push's answer on the device, in ONE rw transaction.
 *
 * - applied, or a duplicate of an applied one: the outbox entry is marked `confirmed`; it stays until
 *   a pull's lastSeq covers it, so its effect is never missing between push and pull.
 * - rejected, or a duplicate whose `original` was rejected (server extension: duplicates carry
 *   `original` and the first answer's `reason`): the mutation moves to `rejected` with the reason and
 *   its optimistic effect is rolled back by a rebase.
 * Idempotent: only entries still in the outbox are recorded, so two tabs recording the same answer
 * leave one rejected entry, and a late answer never brings back one the user dismissed.
 */
import { z } from 'zod';
import { rejectionReasonSchema, type RejectionReason } from '../../shared/errors.ts';
import { pushResponseSchema, pushResultSchema } from '../../shared/push.ts';
import { readClientIdentity, readServerLastSeq } from '../db/meta.ts';
import { rebase, rebaseTables } from '../db/rebase.ts';
import type { OutboxEntry, RejectedEntry, TraguardiDb } from '../db/schema.ts';

/** The push answer with the server's extension on duplicates. */
export const pushAnswerSchema = pushResponseSchema.extend({
  results: z.array(
    pushResultSchema.extend({
      original: z.enum(['applied', 'rejected']).optional(),
      reason: rejectionReasonSchema.optional(),
    }),
  ),
});
export type PushAnswer = z.infer<typeof pushAnswerSchema>;

export interface PushOutcome {
  confirmed: number;
  rejected: number;
  /** Results that matched a mutation sent (a result for another id at that seq is ignored). */
  matched: number;
}

const UNKNOWN_REASON: RejectionReason = { code: 'invalid', message: 'rejected by the server' };

export async function applyPushAnswer(
  db: TraguardiDb,
  sent: readonly OutboxEntry[],
  answer: PushAnswer,
  now: Date,
): Promise<PushOutcome> {
  const bySeq = new Map(sent.map((e) => [e.seq, e]));
  return db.transaction('rw', [...rebaseTables(db), db.rejected], async () => {
    const outcome: PushOutcome = { confirmed: 0, rejected: 0, matched: 0 };
    for (const r of answer.results) {
      const entry = bySeq.get(r.seq);
      if (!entry || entry.id !== r.id) continue;
      outcome.matched++;
      const current = await db.outbox.get(r.seq);
      const stillQueued = current?.id === entry.id;
      const rejected = r.status === 'rejected' || (r.status === 'duplicate' && r.original === 'rejected');
      // Not queued any more: another tab already recorded this answer (and the user may have
      // dismissed or retried it since); recording it again would bring it back.
      if (!stillQueued) continue;
      if (!rejected) {
        await db.outbox.update(r.seq, { confirmed: true });
        outcome.confirmed++;
        continue;
      }
      const record: RejectedEntry = {
        id: entry.id,
        seq: entry.seq,
        name: entry.name,
        args: entry.args,
        clientTime: entry.clientTime,
        reason: r.reason ?? UNKNOWN_REASON,
        rejectedAt: now.toISOString(),
      };
      await db.rejected.put(record);
      await db.outbox.delete(r.seq);
      outcome.rejected++;
    }
    if (outcome.rejected > 0) {
      const userId = (await readClientIdentity(db))?.userId ?? '';
      await rebase(db, userId, await readServerLastSeq(db));
    }
    return outcome;
  });
}
