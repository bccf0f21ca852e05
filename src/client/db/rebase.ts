/**
 * Rebase: put back the server's copy of every optimistically changed row (the `bases` table) and
 * re-apply the mutations still pending in the outbox on top, in seq order — the v1 progress and note
 * mutations (client/sync/apply-mutation.ts) and the plan mutations of v2 (client/apply/), through one
 * working set, so a plan change and a progress change queued after it see each other as they did
 * when they were made.
 *
 * Runs inside the caller's rw transaction (rebaseTables), so readers see either the state before or
 * the state after, never the server rows without the pending changes. Idempotent.
 *
 * Guarantees afterwards:
 * - every row equals the server's copy plus the effects of the outbox entries with seq > the last seq
 *   the server reported in a pull (those at or below it are already in the server's rows);
 * - `bases` holds exactly the rows some outbox entry touches (v1: derived from its args; plan
 *   mutations: recorded in `touched`, including rows a re-application reaches for the first time,
 *   e.g. a phase pulled under an objective whose removal is pending).
 */
import { isMutationName } from '../../shared/mutations.ts';
import {
  applyEffects,
  emptyRowSet,
  lastEffects,
  type RowEffect,
  type RowSet,
} from '../apply/plan-row-set.ts';
import type { Amender } from '../apply/plan-apply-context.ts';
import { applyPlanMutation } from '../apply/plan-mutation.ts';
import { applyMutation, rowKey, touchedRows, type RowLookup } from '../sync/apply-mutation.ts';
import { loadScope } from './plan-scope.ts';
import type { BaseEntry, NoteRecord, OutboxEntry, PhaseRecord, TraguardiDb } from './schema.ts';

/** The tables a rebase reads and writes; a transaction calling rebase() must include them. */
export function rebaseTables(db: TraguardiDb) {
  return [
    db.ente,
    db.plans,
    db.areas,
    db.objectives,
    db.phases,
    db.notes,
    db.amendments,
    db.evaluations,
    db.phaseVerdicts,
    db.selfAssessments,
    db.snapshots,
    db.monitoringReports,
    db.outbox,
    db.bases,
    db.meta,
  ];
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

/**
 * Records the current (server) copy of each row in `effects` that has no base yet; returns their
 * keys. Call before the effects are written.
 */
export async function recordEffectBases(db: TraguardiDb, effects: readonly RowEffect[]): Promise<string[]> {
  const keys: string[] = [];
  for (const e of effects) {
    const key = rowKey(e.table, e.id);
    keys.push(key);
    if (await db.bases.get(key)) continue;
    const row = ((await db.table(e.table).get(e.id)) as BaseEntry['row'] | undefined) ?? null;
    await db.bases.put({ key, table: e.table, id: e.id, row } satisfies BaseEntry);
  }
  return keys;
}

/** Writes the final state of every row the effects changed: one bulk put and delete per table. */
export async function writeEffects(db: TraguardiDb, effects: readonly RowEffect[]): Promise<void> {
  const byTable = new Map<RowEffect['table'], { puts: unknown[]; deletes: string[] }>();
  for (const e of lastEffects(effects)) {
    const w = byTable.get(e.table) ?? { puts: [], deletes: [] };
    if (e.row) w.puts.push(e.row);
    else w.deletes.push(e.id);
    byTable.set(e.table, w);
  }
  for (const [table, w] of byTable) {
    if (w.puts.length) await db.table(table).bulkPut(w.puts);
    if (w.deletes.length) await db.table(table).bulkDelete(w.deletes);
  }
}

/** One queued mutation over the working set: its effects, or null when it does not apply here. */
export function applyQueued(
  set: RowSet,
  m: Pick<OutboxEntry, 'id' | 'name' | 'args' | 'clientTime'>,
  userId: string,
  amender: Amender | null = null,
): RowEffect[] | null {
  if (isMutationName(m.name)) {
    const lookup: RowLookup = {
      phase: (id) => set.phases.get(id),
      objective: (id) => set.objectives.get(id),
      note: (id) => set.notes.get(id),
    };
    const r = applyMutation(lookup, { name: m.name, args: m.args, clientTime: m.clientTime }, userId);
    if (!r.ok) return null;
    return r.effects.map((e): RowEffect => ({ table: e.table, id: e.row.id, row: e.row }) as RowEffect);
  }
  const r = applyPlanMutation(
    set,
    { id: m.id, name: m.name, args: m.args, clientTime: m.clientTime },
    userId,
    amender,
  );
  return r.ok ? r.effects : null;
}

export async function rebase(db: TraguardiDb, userId: string, serverLastSeq: number): Promise<void> {
  const bases = await db.bases.toArray();
  for (const b of bases) {
    if (b.row) await db.table(b.table).put(b.row);
    else await db.table(b.table).delete(b.id);
  }
  const outbox = await db.outbox.orderBy('seq').toArray();
  const pending = outbox.filter((e) => e.seq > serverLastSeq);

  const set = emptyRowSet();
  await loadScope(db, set, pending);
  const all: RowEffect[] = [];
  for (const entry of pending) {
    const effects = applyQueued(set, entry, userId);
    if (!effects) continue;
    applyEffects(set, effects);
    all.push(...effects);
    if (isMutationName(entry.name)) continue;
    // A plan mutation may reach rows it did not reach when queued: they get a base before writing.
    const keys = await recordEffectBases(db, effects);
    const touched = [...new Set([...(entry.touched ?? []), ...keys])];
    if (touched.length !== (entry.touched ?? []).length) {
      entry.touched = touched;
      await db.outbox.update(entry.seq, { touched });
    }
  }
  await writeEffects(db, all);

  const needed = new Set(
    outbox.flatMap((e) => [...touchedRows(e).map((t) => rowKey(t.table, t.id)), ...(e.touched ?? [])]),
  );
  // Bases recorded above are all needed (their keys are in `touched`): the ones read first suffice.
  const stale = bases.filter((b) => !needed.has(b.key)).map((b) => b.key);
  if (stale.length) await db.bases.bulkDelete(stale);
}
