/**
 * The push service: a client's mutations taken in seq order inside ONE transaction, decided in memory
 * and written in bulk, so a push of 1,000 mutations costs a handful of queries, not thousands.
 *
 * Invariants (docs/protocol.md, "Push"):
 * - The client row is locked first, then the ente (before anything is read for the mutations to take):
 *   two pushes of one client take turns, writers of one ente serialize, and the lock order is the same
 *   everywhere, so no deadlock. Commit order = version order (versions.ts).
 * - seq ≤ lastSeq → duplicate (the original outcome reported, nothing changes); seq = lastSeq+1 →
 *   applied or rejected; either way lastSeq advances and the outcome is recorded; seq > lastSeq+1 →
 *   stop, the rest left out of the results. A seq repeated in one request is a duplicate of the first.
 * - Deciding: every row the mutations reference is loaded once (batch-state.ts), then each mutation is
 *   decided with the pure rules in seq order, the state carried from one to the next
 *   (apply-mutation.ts). A rejection is known before anything is written and records nothing, so a
 *   rejected mutation leaves no trace (no savepoints needed). Applied changes get consecutive versions
 *   in seq order, allocated in one UPDATE, and are written in bulk (batch-write.ts).
 * - lastSeq, the outcomes and the mutations' effects commit together: a lost answer followed by a
 *   retry yields only duplicates. Any other failure (database, hook) rolls the whole push back and
 *   surfaces as 503; nothing is half-applied.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { PushMutation, PushRequest, PushResponse, PushResult } from '../../shared/push.ts';
import type { Db, Tx } from '../db/database.ts';
import { ente, mutationResult } from '../db/schema.ts';
import { isMessageKey, message, type Lang } from '../messages.ts';
import type { RejectionCode } from '../../shared/errors.ts';
import { collectReferences, decideMutation, holdsNul, prepareMutation } from './apply-mutation.ts';
import { loadBatchState, emptyReferences } from './batch-state.ts';
import { writeEffects } from './batch-write.ts';
import { insertStatement, runTogether, type BulkColumn } from './bulk-sql.ts';
import { claimClient } from './clients.ts';
import { Effects, type HistoryDraft, type MutationOutcome } from './mutation-context.ts';
import { auditStatement } from './mutation-audit.ts';
import { applyPlanMutation, isPlanMutationName } from './plan-mutations.ts';
import { Rejection } from './rejection.ts';
import { lastSeqAfterRestore } from './restored-clients.ts';

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

const RESULT: readonly BulkColumn[] = [
  ['ente_id', 'text'],
  ['client_id', 'text'],
  ['seq', 'int'],
  ['mutation_id', 'text'],
  ['name', 'text'],
  ['status', 'text'],
  ['reason_code', 'text'],
  ['reason_key', 'text'],
  ['reason_params', 'jsonb'],
  ['conflict', 'bool'],
  ['version', 'bigint'],
  ['created_at', 'timestamptz'],
];

/** The INSERT of the mutation_result rows of the mutations taken. */
function resultsStatement(records: readonly Recorded[]): SQL | null {
  return insertStatement(
    'mutation_result',
    RESULT,
    records.map((r) => [
      r.enteId,
      r.clientId,
      r.seq,
      r.mutationId,
      r.name,
      r.status,
      r.reasonCode ?? null,
      r.reasonKey ?? null,
      r.reasonParams ?? null,
      r.conflict ?? false,
      r.version ?? null,
      r.createdAt,
    ]),
  );
}

/** A v1 client knows no `locked` (protocol Part 2 "Versions"): it hears `illegal_transition`. */
function asV1Result(result: PushResult): PushResult {
  if (result.reason?.code !== 'locked') return result;
  return { ...result, reason: { ...result.reason, code: 'illegal_transition' } };
}

/** What happened to one mutation taken in this push (before versions are allocated). */
type Decision = { m: PushMutation; outcome: MutationOutcome } | { m: PushMutation; rejection: Rejection };

/** Decides the fresh mutations (seq lastSeq+1, +2, …) in order, in memory; writes nothing. */
async function decideBatch(
  tx: Tx,
  user: SessionUser,
  now: Date,
  fresh: readonly PushMutation[],
): Promise<{ decisions: Decision[]; effects: Effects }> {
  const prepared = fresh.map((m) => prepareMutation(m.name, m.args));
  const refs = emptyReferences();
  for (const p of prepared) collectReferences(p, refs);
  const state = await loadBatchState(tx, user.enteId, refs);
  const effects = new Effects();
  const decisions: Decision[] = [];
  fresh.forEach((m, i) => {
    const p = prepared[i];
    if (!p) throw new Error('prepared mutation missing');
    const ctx = { user, now, mutationId: m.id, clientTime: m.clientTime, newId: randomUUID, state, effects };
    try {
      decisions.push({ m, outcome: decideMutation(ctx, p) });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      decisions.push({ m, rejection: error });
    }
  });
  return { decisions, effects };
}

/**
 * Takes the fresh mutations in seq order: runs of progress and note mutations are decided in memory
 * and written in bulk (decideBatch, writeEffects); a plan mutation (plan-mutations.ts) is decided and
 * written on its own between the runs, so each run reads the state the mutations before it left.
 * Versions still follow seq order. `base` turns each decision's version offset into its version.
 */
async function takeFresh(
  tx: Tx,
  user: SessionUser,
  now: Date,
  fresh: readonly PushMutation[],
): Promise<{
  decided: { d: Decision; base: number }[];
  history: HistoryDraft[];
  planBefore: Map<string, Record<string, unknown> | null>;
}> {
  const decided: { d: Decision; base: number }[] = [];
  const history: HistoryDraft[] = [];
  // The audit's `before` of each applied plan mutation, by mutation id (from the rows its handler read).
  const planBefore = new Map<string, Record<string, unknown> | null>();
  let run: PushMutation[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const { decisions, effects } = await decideBatch(tx, user, now, run);
    const base = (await writeEffects(tx, user, now, effects)) ?? 0;
    for (const d of decisions) decided.push({ d, base });
    history.push(...effects.history);
    run = [];
  };
  for (const m of fresh) {
    if (!isPlanMutationName(m.name)) {
      run.push(m);
      continue;
    }
    await flush();
    try {
      if (holdsNul(m.args)) throw new Rejection('invalid', 'invalid_args', { detail: 'NUL character' });
      const { version, before } = await applyPlanMutation(
        { tx, user, now, mutationId: m.id },
        m.name,
        m.args,
      );
      planBefore.set(m.id, before ?? null);
      decided.push({
        d: { m, outcome: { conflict: false, versionOffset: version === null ? null : 0 } },
        base: version ?? 0,
      });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      decided.push({ d: { m, rejection: error }, base: 0 });
    }
  }
  await flush();
  return { decided, history, planBefore };
}

/** The recorded outcome (mutation_result row) and the answer of one mutation taken in this push. */
function recordDecision(
  d: Decision,
  user: SessionUser,
  clientId: string,
  now: Date,
  base: number,
  lang: Lang,
): { record: Recorded; result: PushResult } {
  const { m } = d;
  const record: Recorded = {
    enteId: user.enteId,
    clientId,
    seq: m.seq,
    mutationId: m.id,
    name: m.name.replaceAll('\u0000', '').slice(0, 100),
    createdAt: now,
    status: 'applied',
  };
  if ('rejection' in d) {
    const { code, key, params } = d.rejection;
    return {
      record: { ...record, status: 'rejected', reasonCode: code, reasonKey: key, reasonParams: params },
      result: {
        seq: m.seq,
        id: m.id,
        status: 'rejected',
        reason: { code, message: message(key, lang, params) },
      },
    };
  }
  const { conflict, versionOffset } = d.outcome;
  return {
    record: { ...record, conflict, version: versionOffset === null ? null : base + versionOffset },
    result: { seq: m.seq, id: m.id, status: 'applied', ...(conflict ? { conflict: true } : {}) },
  };
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
    const claimed = await claimClient(tx, request.clientId, user, now, true);
    const sorted = [...request.mutations].sort((a, b) => a.seq - b.seq);
    // After a restore, a device's first push may re-base its lastSeq once (restored-clients.ts).
    const client = {
      lastSeq: await lastSeqAfterRestore(db, tx, request.clientId, claimed.lastSeq, sorted[0]?.seq),
    };
    const recorded = new Map<number, Recorded>();
    const dupSeqs = sorted.filter((m) => m.seq <= client.lastSeq).map((m) => m.seq);
    if (dupSeqs.length > 0) {
      const rows = await tx
        .select()
        .from(mutationResult)
        .where(and(eq(mutationResult.clientId, request.clientId), inArray(mutationResult.seq, dupSeqs)));
      for (const row of rows) recorded.set(row.seq, row);
    }

    // The mutations to take: lastSeq+1, lastSeq+2, … up to the first gap (a repeated seq is skipped
    // here and answered as a duplicate of the first below).
    const fresh: PushMutation[] = [];
    let lastSeq = client.lastSeq;
    for (const m of sorted) {
      if (m.seq === lastSeq + 1) {
        fresh.push(m);
        lastSeq = m.seq;
      } else if (m.seq > lastSeq + 1) break;
    }

    const taken = new Map<number, { record: Recorded; result: PushResult }>();
    if (fresh.length > 0) {
      await tx.select({ id: ente.id }).from(ente).where(eq(ente.id, user.enteId)).for('update');
      const { decided, history, planBefore } = await takeFresh(tx, user, now, fresh);
      for (const { d, base } of decided) {
        const entry = recordDecision(d, user, request.clientId, now, base, lang);
        taken.set(d.m.seq, entry);
        recorded.set(d.m.seq, entry.record);
        counts[entry.record.status === 'applied' ? 'applied' : 'rejected'] += 1;
      }
      const applied = decided.flatMap(({ d }) => ('outcome' in d ? [d.m] : []));
      // The audit, the outcomes and the new lastSeq: one statement, one round trip.
      await runTogether(tx, [
        auditStatement(user, now, request.clientId, applied, history, planBefore),
        resultsStatement([...taken.values()].map((t) => t.record)),
        sql`UPDATE sync_client SET last_seq = ${lastSeq} WHERE id = ${request.clientId}`,
      ]);
    }

    const results: PushResult[] = [];
    const answered = new Set<number>();
    for (const m of sorted) {
      if (m.seq > lastSeq) break;
      const own = taken.get(m.seq);
      if (own && !answered.has(m.seq)) {
        answered.add(m.seq);
        results.push(own.result);
      } else {
        results.push(duplicateResult(m.seq, m.id, recorded.get(m.seq), lang));
        counts.duplicate += 1;
      }
    }
    await options.hooks?.beforeCommit?.({ clientId: request.clientId, userId: user.id, lastSeq });
    return { lastSeq, results: request.schemaVersion < 2 ? results.map(asV1Result) : results };
  });
  return { response, counts };
}
