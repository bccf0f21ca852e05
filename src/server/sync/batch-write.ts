/**
 * Writes a push's decided effects (mutation-context.ts's Effects) in bulk, inside the push transaction,
 * with the client and ente locked: one UPDATE allocates the batch's versions (versions.ts, so commit
 * order = version order still holds), then ONE statement sets the changed phases to their final state
 * and adds the history, conflict and note rows (bulk-sql.ts: one array parameter per column, the four
 * writes as data-modifying WITHs of one statement, so two round trips in all).
 *
 * A version offset o becomes version base + o; a phase changed several times in the batch gets the
 * version of its last change, as it would have with one UPDATE per mutation.
 */
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { Tx } from '../db/database.ts';
import { insertStatement, runTogether, updateStatement, type BulkColumn } from './bulk-sql.ts';
import type { Effects } from './mutation-context.ts';
import { allocateVersions } from './versions.ts';

const PHASE: readonly BulkColumn[] = [
  ['id', 'text'],
  ['status', 'text'],
  ['percent', 'int'],
  ['version', 'bigint'],
];
const HISTORY: readonly BulkColumn[] = [
  ['id', 'text'],
  ['ente_id', 'text'],
  ['phase_id', 'text'],
  ['area_id', 'text'],
  ['field', 'text'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['user_id', 'text'],
  ['at', 'timestamptz'],
  ['conflict', 'bool'],
  ['mutation_id', 'text'],
  ['version', 'bigint'],
];
const CONFLICT: readonly BulkColumn[] = [
  ['id', 'text'],
  ['ente_id', 'text'],
  ['phase_id', 'text'],
  ['area_id', 'text'],
  ['field', 'text'],
  ['overwritten', 'jsonb'],
  ['winner', 'jsonb'],
  ['user_ids', 'text[]'],
  ['created_at', 'timestamptz'],
  ['version', 'bigint'],
];
const NOTE: readonly BulkColumn[] = [
  ['id', 'text'],
  ['ente_id', 'text'],
  ['objective_id', 'text'],
  ['phase_id', 'text'],
  ['area_id', 'text'],
  ['author_id', 'text'],
  ['text', 'text'],
  ['created_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['attachment_ids', 'text[]'],
  ['version', 'bigint'],
];

/** Allocates the batch's versions (none when nothing changed) and writes every effect; returns the base. */
export async function writeEffects(
  tx: Tx,
  user: SessionUser,
  now: Date,
  effects: Effects,
): Promise<number | null> {
  if (effects.versionCount === 0) return null;
  const base = await allocateVersions(tx, user.enteId, effects.versionCount);
  const { enteId, id: userId } = user;
  await runTogether(tx, [
    updateStatement(
      'phase',
      PHASE,
      [...effects.phases.values()].map(({ state: p, versionOffset: o }) => [
        p.id,
        p.status,
        p.percent,
        base + o,
      ]),
      sql`updated_by = ${userId}::text, updated_at = ${now.toISOString()}::timestamptz`,
    ),
    insertStatement(
      'phase_history',
      HISTORY,
      effects.history.map((h) => [
        h.id,
        enteId,
        h.phaseId,
        h.areaId,
        h.field,
        h.before,
        h.after,
        userId,
        now,
        h.conflict,
        h.mutationId,
        base + h.versionOffset,
      ]),
    ),
    insertStatement(
      'conflict',
      CONFLICT,
      effects.conflicts.map((c) => [
        c.id,
        enteId,
        c.phaseId,
        c.areaId,
        c.field,
        c.overwritten,
        c.winner,
        c.userIds,
        now,
        base + c.versionOffset,
      ]),
    ),
    insertStatement(
      'note',
      NOTE,
      effects.notes.map((n) => [
        n.id,
        enteId,
        n.objectiveId,
        n.phaseId,
        n.areaId,
        userId,
        n.text,
        n.createdAt,
        now,
        n.attachmentIds,
        base + n.versionOffset,
      ]),
    ),
  ]);
  return base;
}
