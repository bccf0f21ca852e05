/**
 * The push service: a client's mutations applied in seq order inside ONE transaction.
 *
 * Invariants (docs/protocol.md, "Push"):
 * - The client row is locked first, then the ente (before the first mutation to apply): two pushes of
 *   one client take turns, writers of one ente serialize, and the lock order is the same everywhere,
 *   so no deadlock. Commit order = version order (versions.ts).
 * - seq ≤ lastSeq → duplicate (the original outcome reported, nothing changes); seq = lastSeq+1 →
 *   applied, or rejected with its effects rolled back to the mutation's savepoint; either way lastSeq
 *   advances and the outcome is recorded; seq > lastSeq+1 → stop, the rest left out of the results.
 * - lastSeq, the outcomes and the mutations' effects commit together: a lost answer followed by a
 *   retry yields only duplicates. Any other failure (database, hook) rolls the whole push back and
 *   surfaces as 503; nothing is half-applied.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { PushRequest, PushResponse, PushResult } from '../../shared/push.ts';
import type { Db, Tx } from '../db/database.ts';
import { ente, mutationResult, syncClient } from '../db/schema.ts';
import { isMessageKey, message, type Lang } from '../messages.ts';
import type { RejectionCode } from '../../shared/errors.ts';
import { applyMutation } from './apply-mutation.ts';
import { claimClient } from './clients.ts';
import { Rejection } from './rejection.ts';

export interface PushHooks {
  /**
   * Called after the mutations are applied and before the commit (tests: a crash between applying and
   * committing, or holding a transaction open). Throwing rolls everything back (503).
   */
  beforeCommit?: (info: { clientId: string; userId: string; lastSeq: number }) => void | Promise<void>;
}

export interface PushCounts {
  applied: number;
  rejected: number;
  duplicate: number;
}

type Recorded = typeof mutationResult.$inferInsert;

function rejectedReason(
  code: string | null,
  key: string | null,
  params: Record<string, string | number> | null,
  lang: Lang,
) {
  const reasonCode = (code ?? 'invalid') as RejectionCode;
  const text = key && isMessageKey(key) ? message(key, lang, params ?? {}) : reasonCode;
  return { code: reasonCode, message: text };
}

function duplicateResult(seq: number, id: string, original: Recorded | undefined, lang: Lang): PushResult {
  if (!original) return { seq, id, status: 'duplicate' };
  const result: PushResult = {
    seq,
    id,
    status: 'duplicate',
    original: original.status === 'rejected' ? 'rejected' : 'applied',
  };
  if (original.conflict) result.conflict = true;
  if (original.status === 'rejected') {
    result.reason = rejectedReason(
      original.reasonCode ?? null,
      original.reasonKey ?? null,
      original.reasonParams ?? null,
      lang,
    );
  }
  return result;
}

export async function pushMutations(
  db: Db,
  user: SessionUser,
  request: PushRequest,
  options: { now: Date; lang: Lang; hooks?: PushHooks | undefined },
): Promise<{ response: PushResponse; counts: PushCounts }> {
  const { now, lang } = options;
  const counts: PushCounts = { applied: 0, rejected: 0, duplicate: 0 };
  const response = await db.transaction(async (tx: Tx) => {
    const client = await claimClient(tx, request.clientId, user, now, true);
    const sorted = [...request.mutations].sort((a, b) => a.seq - b.seq);
    const recorded = new Map<number, Recorded>();
    const dupSeqs = sorted.filter((m) => m.seq <= client.lastSeq).map((m) => m.seq);
    if (dupSeqs.length > 0) {
      const rows = await tx
        .select()
        .from(mutationResult)
        .where(and(eq(mutationResult.clientId, request.clientId), inArray(mutationResult.seq, dupSeqs)));
      for (const row of rows) recorded.set(row.seq, row);
    }

    let lastSeq = client.lastSeq;
    let enteLocked = false;
    const results: PushResult[] = [];
    const fresh: Recorded[] = [];
    for (const m of sorted) {
      if (m.seq <= lastSeq) {
        results.push(duplicateResult(m.seq, m.id, recorded.get(m.seq), lang));
        counts.duplicate += 1;
        continue;
      }
      if (m.seq > lastSeq + 1) break;
      if (!enteLocked) {
        await tx.select({ id: ente.id }).from(ente).where(eq(ente.id, user.enteId)).for('update');
        enteLocked = true;
      }
      const base = {
        enteId: user.enteId,
        clientId: request.clientId,
        seq: m.seq,
        mutationId: m.id,
        name: m.name.replaceAll('\u0000', '').slice(0, 100),
        createdAt: now,
      };
      let record: Recorded;
      try {
        const outcome = await tx.transaction((sp) =>
          applyMutation(
            { tx: sp, user, now, mutationId: m.id, clientTime: m.clientTime, newId: randomUUID },
            m.name,
            m.args,
          ),
        );
        record = { ...base, status: 'applied', conflict: outcome.conflict, version: outcome.version };
        results.push({
          seq: m.seq,
          id: m.id,
          status: 'applied',
          ...(outcome.conflict ? { conflict: true } : {}),
        });
        counts.applied += 1;
      } catch (error) {
        if (!(error instanceof Rejection)) throw error;
        record = {
          ...base,
          status: 'rejected',
          reasonCode: error.code,
          reasonKey: error.key,
          reasonParams: error.params,
        };
        results.push({
          seq: m.seq,
          id: m.id,
          status: 'rejected',
          reason: { code: error.code, message: message(error.key, lang, error.params) },
        });
        counts.rejected += 1;
      }
      fresh.push(record);
      recorded.set(m.seq, record);
      lastSeq = m.seq;
    }

    if (fresh.length > 0) {
      for (let i = 0; i < fresh.length; i += 500)
        await tx.insert(mutationResult).values(fresh.slice(i, i + 500));
      await tx.update(syncClient).set({ lastSeq }).where(eq(syncClient.id, request.clientId));
    }
    await options.hooks?.beforeCommit?.({ clientId: request.clientId, userId: user.id, lastSeq });
    return { lastSeq, results };
  });
  return { response, counts };
}
