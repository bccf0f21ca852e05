/**
 * Writes a push's decided effects (mutation-context.ts's Effects) in bulk, inside the push transaction,
 * with the client and ente locked: one UPDATE allocates the batch's versions (versions.ts, so commit
 * order = version order still holds), one `UPDATE … FROM (VALUES …)` sets the changed phases to their
 * final state, and multi-row INSERTs add history, conflicts and notes. Each statement stays far below
 * PostgreSQL's 65,535 bind parameters (ROWS_PER_STATEMENT rows × ≤ 13 columns).
 *
 * A version offset o becomes version base + o; a phase changed several times in the batch gets the
 * version of its last change, as it would have with one UPDATE per mutation.
 */
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/auth.ts';
import type { Tx } from '../db/database.ts';
import { conflict, note, phaseHistory } from '../db/schema.ts';
import type { Effects } from './mutation-context.ts';
import { allocateVersions } from './versions.ts';

export const ROWS_PER_STATEMENT = 2000;

export function chunked<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Allocates the batch's versions (none when nothing changed) and writes every effect; returns the base. */
export async function writeEffects(
  tx: Tx,
  user: SessionUser,
  now: Date,
  effects: Effects,
): Promise<number | null> {
  if (effects.versionCount === 0) return null;
  const base = await allocateVersions(tx, user.enteId, effects.versionCount);
  const enteId = user.enteId;

  for (const chunk of chunked([...effects.phases.values()])) {
    const values = sql.join(
      chunk.map(
        ({ state, versionOffset }) =>
          sql`(${state.id}::text, ${state.status}::text, ${state.percent}::int, ${base + versionOffset}::bigint)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      UPDATE phase AS p
         SET status = v.status, percent = v.percent, version = v.version,
             updated_by = ${user.id}::text, updated_at = ${now.toISOString()}::timestamptz
        FROM (VALUES ${values}) AS v(id, status, percent, version)
       WHERE p.id = v.id`);
  }

  for (const chunk of chunked(effects.history)) {
    await tx.insert(phaseHistory).values(
      chunk.map((h) => ({
        id: h.id,
        enteId,
        phaseId: h.phaseId,
        areaId: h.areaId,
        field: h.field,
        before: h.before,
        after: h.after,
        userId: user.id,
        at: now,
        conflict: h.conflict,
        mutationId: h.mutationId,
        version: base + h.versionOffset,
      })),
    );
  }

  for (const chunk of chunked(effects.conflicts)) {
    await tx.insert(conflict).values(
      chunk.map((c) => ({
        id: c.id,
        enteId,
        phaseId: c.phaseId,
        areaId: c.areaId,
        field: c.field,
        overwritten: c.overwritten,
        winner: c.winner,
        userIds: c.userIds,
        createdAt: now,
        version: base + c.versionOffset,
      })),
    );
  }

  for (const chunk of chunked(effects.notes)) {
    await tx.insert(note).values(
      chunk.map((n) => ({
        id: n.id,
        enteId,
        objectiveId: n.objectiveId,
        phaseId: n.phaseId,
        areaId: n.areaId,
        authorId: user.id,
        text: n.text,
        createdAt: n.createdAt,
        receivedAt: now,
        attachmentIds: n.attachmentIds,
        version: base + n.versionOffset,
      })),
    );
  }
  return base;
}
