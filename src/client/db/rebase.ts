/**
 * Rebase: put back the server's copy of every optimistically changed row (the `bases` table) and
 * re-apply the mutations still pending in the outbox on top, in seq order.
 *
 * Runs inside the caller's rw transaction (REBASE_TABLES), so readers see either the state before or
 * the state after, never the server rows without the pending changes. Idempotent.
 *
 * Guarantees afterwards:
 * - every row equals the server's copy plus the effects of the outbox entries with seq > the last seq
 *   the server reported in a pull (those at or below it are already in the server's rows);
 * - `bases` holds exactly the rows some outbox entry touches.
 */
import { applyMutations, rowKey, touchedRows } from '../sync/apply-mutation.ts';
import type { BaseEntry, NoteRecord, OutboxEntry, PhaseRecord, TraguardiDb } from './schema.ts';

/** The tables a rebase reads and writes; a transaction calling rebase() must include them. */
export function rebaseTables(db: TraguardiDb) {
  return [db.phases, db.notes, db.objectives, db.outbox, db.bases, db.meta];
}

/**
 * Records the server's copy of the rows `entry` will change, unless already recorded (an earlier
 * pending mutation recorded it, and the row has changed optimistically since). Call before applying.
 */
export async function recordBases(db: TraguardiDb, entry: Pick<OutboxEntry, 'name' | 'args'>): Promise<void> {
  for (const { table, id } of touchedRows(entry)) {
    const key = rowKey(table, id);
    if (await db.bases.get(key)) continue;
    const row = (await db.table<PhaseRecord | NoteRecord, string>(table).get(id)) ?? null;
    await db.bases.put({ key, table, id, row } satisfies BaseEntry);
  }
}

export async function rebase(db: TraguardiDb, userId: string, serverLastSeq: number): Promise<void> {
  const bases = await db.bases.toArray();
  for (const b of bases) {
    if (b.row) await db.table(b.table).put(b.row);
    else await db.table(b.table).delete(b.id);
  }
  const outbox = await db.outbox.orderBy('seq').toArray();
  const pending = outbox.filter((e) => e.seq > serverLastSeq);

  const touched = pending.flatMap(touchedRows);
  const phaseIds = touched.filter((t) => t.table === 'phases').map((t) => t.id);
  const noteIds = touched.filter((t) => t.table === 'notes').map((t) => t.id);
  const phases = (await db.phases.bulkGet(phaseIds)).filter((p) => p !== undefined);
  const notes = (await db.notes.bulkGet(noteIds)).filter((n) => n !== undefined);
  const objectives = (await db.objectives.bulkGet(phases.map((p) => p.objectiveId))).filter(
    (o) => o !== undefined,
  );

  const effects = applyMutations({ phases, objectives, notes }, pending, userId);
  const phaseRows = effects.flatMap((e) => (e.table === 'phases' ? [e.row] : []));
  const noteRows = effects.flatMap((e) => (e.table === 'notes' ? [e.row] : []));
  if (phaseRows.length) await db.phases.bulkPut(phaseRows);
  if (noteRows.length) await db.notes.bulkPut(noteRows);

  const needed = new Set(outbox.flatMap(touchedRows).map((t) => rowKey(t.table, t.id)));
  const stale = bases.filter((b) => !needed.has(b.key)).map((b) => b.key);
  if (stale.length) await db.bases.bulkDelete(stale);
}
