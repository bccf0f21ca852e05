/**
 * The audit entries of a push (protocol Part 2 "Audit trail"): one per applied mutation, written in
 * the push transaction so an entry exists exactly when its change does, in one bulk INSERT (which
 * push.ts sends together with the push's other closing writes). `before`
 * and `after` are what the mutation changed as far as the push knows it: the status/percent history of
 * a progress change, the note's place and photos for a note; for a plan mutation, `after` is its args
 * and `before` what its handler found before changing it (PlanOutcome.before: the changed fields' old
 * values, the row's state before a removal; null for an `*.add`).
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/auth.ts';
import type { PushMutation } from '../../shared/push.ts';
import type { SQL } from 'drizzle-orm';
import { insertStatement, type BulkColumn } from './bulk-sql.ts';
import type { HistoryDraft } from './mutation-context.ts';
import { isPlanMutationName, planMutationEntity } from './plan-mutations.ts';

const AUDIT: readonly BulkColumn[] = [
  ['id', 'text'],
  ['ente_id', 'text'],
  ['at', 'timestamptz'],
  ['user_id', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entity_id', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['client_id', 'text'],
];

function field(args: unknown, key: string): unknown {
  return args !== null && typeof args === 'object' ? (args as Record<string, unknown>)[key] : undefined;
}

function entryOf(
  m: PushMutation,
  historyOf: ReadonlyMap<string, readonly HistoryDraft[]>,
  planBefore: ReadonlyMap<string, Record<string, unknown> | null>,
) {
  if (isPlanMutationName(m.name))
    return { ...planMutationEntity(m.name, m.args), before: planBefore.get(m.id) ?? null, after: m.args };
  if (m.name === 'note.add') {
    return {
      entity: 'note',
      entityId: String(field(m.args, 'noteId') ?? ''),
      before: null,
      after: {
        objectiveId: field(m.args, 'objectiveId') ?? null,
        phaseId: field(m.args, 'phaseId') ?? null,
        attachmentIds: field(m.args, 'attachmentIds') ?? [],
      },
    };
  }
  const changes = historyOf.get(m.id) ?? [];
  return {
    entity: 'phase',
    entityId: String(field(m.args, 'phaseId') ?? ''),
    before: Object.fromEntries(changes.map((h) => [h.field, h.before])),
    after: Object.fromEntries(changes.map((h) => [h.field, h.after])),
  };
}

/** The INSERT of the audit entries of the applied mutations (null when none applied). */
export function auditStatement(
  user: SessionUser,
  now: Date,
  clientId: string,
  applied: readonly PushMutation[],
  history: readonly HistoryDraft[],
  planBefore: ReadonlyMap<string, Record<string, unknown> | null> = new Map(),
): SQL | null {
  const historyOf = new Map<string, HistoryDraft[]>();
  for (const h of history) {
    const list = historyOf.get(h.mutationId);
    if (list) list.push(h);
    else historyOf.set(h.mutationId, [h]);
  }
  return insertStatement(
    'audit_entry',
    AUDIT,
    applied.map((m) => {
      const e = entryOf(m, historyOf, planBefore);
      return [
        randomUUID(),
        user.enteId,
        now,
        user.id,
        m.name,
        e.entity,
        e.entityId,
        e.before,
        e.after,
        clientId,
      ];
    }),
  );
}
