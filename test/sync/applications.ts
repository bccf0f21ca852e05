/**
 * "Exactly once", counted as applications rather than as rows. A map of notes by id can never hold
 * a note twice, and a status set twice to the same value leaves one history row, so neither can see
 * a mutation applied twice. What does differ is what the server records per application:
 * - one mutation_result row per (clientId, seq) taken: a mutation applied again under another seq (a
 *   device renumbering its outbox) or another clientId shows as a second row for its mutation id, or
 *   as a row for a mutation nobody made;
 * - the version an application spent (mutation_result.version, null when it changed nothing): the
 *   note.add that wrote a note carries the note's version; a second note.add of the same noteId is
 *   `applied` with no version (the idempotent no-op), so it shows as an applied note.add without one;
 * - phase_history rows name their mutation and carry its version: a mutation's history rows must all
 *   carry the version its result recorded.
 * The server needs no extra bookkeeping for this: the ledger is the rows the push already writes.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rowsOf, type Db } from '../../src/server/db/database.ts';

export interface MadeMutation {
  id: string;
  clientId: string;
  name: string;
  /** For note.add: the note it creates. */
  noteId?: string;
}

export interface Recorded {
  client_id: string;
  seq: number;
  mutation_id: string;
  name: string;
  status: 'applied' | 'rejected';
  reason_code: string | null;
  version: string | null;
}

/** Each made mutation's one recorded outcome, by mutation id (after expectAppliedOnce). */
export type Outcomes = Map<string, Recorded>;

async function query<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

/**
 * Asserts every mutation made by these clients was taken exactly once (one outcome each, none
 * unknown), that each applied note.add wrote its note (its version is the note's) and each phase
 * mutation's history carries its version. Returns the outcomes by mutation id.
 */
export async function expectAppliedOnce(
  db: Db,
  made: readonly MadeMutation[],
  label = '',
): Promise<Outcomes> {
  const clientIds = [...new Set(made.map((m) => m.clientId))];
  const ids = made.map((m) => m.id);
  const results = await query<Recorded>(
    db,
    sql`select client_id, seq, mutation_id, name, status, reason_code, version::text as version
        from mutation_result where client_id = any(${sql.param(clientIds)}::text[])`,
  );
  const byId = new Map<string, Recorded[]>();
  for (const r of results) byId.set(r.mutation_id, [...(byId.get(r.mutation_id) ?? []), r]);
  const known = new Set(ids);
  const unknown = results.filter((r) => !known.has(r.mutation_id));
  expect(unknown, `${label}: outcomes of mutations nobody made (a re-enqueued change?)`).toEqual([]);

  const outcomes: Outcomes = new Map();
  for (const m of made) {
    const rows = byId.get(m.id) ?? [];
    expect(
      rows.map((r) => `${r.client_id}#${r.seq} ${r.status}`),
      `${label}: applications of ${m.name} ${m.id}`,
    ).toHaveLength(1);
    const [o] = rows;
    if (!o) continue;
    expect(o.client_id, `${label}: client of ${m.id}`).toBe(m.clientId);
    expect(o.name).toBe(m.name);
    outcomes.set(m.id, o);
  }

  // note.add: the application that wrote the note is the one that spent its version.
  const notes = made.filter((m) => m.name === 'note.add' && outcomes.get(m.id)?.status === 'applied');
  const noteIds = notes.map((m) => m.noteId ?? '');
  const noteRows = await query<{ id: string; version: string }>(
    db,
    sql`select id, version::text as version from note where id = any(${sql.param(noteIds)}::text[])`,
  );
  const noteVersion = new Map(noteRows.map((n) => [n.id, n.version]));
  for (const m of notes) {
    expect(
      { noteId: m.noteId, version: outcomes.get(m.id)?.version ?? null },
      `${label}: note.add ${m.id} wrote its note`,
    ).toEqual({ noteId: m.noteId, version: noteVersion.get(m.noteId ?? '') ?? 'no note row' });
  }

  // Phase mutations: every history row of a mutation carries the version its one outcome spent.
  const history = await query<{ mutation_id: string; version: string }>(
    db,
    sql`select mutation_id, version::text as version from phase_history
        where mutation_id = any(${sql.param(ids)}::text[])`,
  );
  for (const h of history) {
    expect(h.version, `${label}: history of ${h.mutation_id}`).toBe(outcomes.get(h.mutation_id)?.version);
  }
  return outcomes;
}

/** One client's recorded outcomes in seq order: which mutation each seq took and the version it spent. */
export async function recordedFor(
  db: Db,
  clientId: string,
): Promise<{ seq: number; id: string; status: string; version: number | null }[]> {
  const rows = await query<{ seq: number; mutation_id: string; status: string; version: string | null }>(
    db,
    sql`select seq, mutation_id, status, version::text as version from mutation_result
        where client_id = ${clientId} order by seq`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    id: r.mutation_id,
    status: r.status,
    version: r.version === null ? null : Number(r.version),
  }));
}

/**
 * The audit entries of one client's pushes (mutation-audit.ts: one per applied mutation, rejections
 * none), as "action entityId", sorted: a mutation applied twice shows as its entry twice.
 */
export async function auditedFor(db: Db, clientId: string): Promise<string[]> {
  const rows = await query<{ action: string; entity_id: string | null }>(
    db,
    sql`select action, entity_id from audit_entry where client_id = ${clientId}`,
  );
  return rows.map((r) => `${r.action} ${r.entity_id ?? ''}`).sort();
}

/** How many rows hold this note on the server, and the version it was written with. */
export async function noteRowsOf(db: Db, noteId: string): Promise<{ rows: number; version: number | null }> {
  const rows = await query<{ version: string }>(
    db,
    sql`select version::text as version from note where id = ${noteId}`,
  );
  return { rows: rows.length, version: rows[0] ? Number(rows[0].version) : null };
}

/** phase_history rows naming each of these mutations (a status change to done writes two). */
export async function historyRowsOf(db: Db, mutationIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await query<{ mutation_id: string; n: string }>(
    db,
    sql`select mutation_id, count(*)::text as n from phase_history
        where mutation_id = any(${sql.param(mutationIds)}::text[]) group by mutation_id`,
  );
  return new Map(mutationIds.map((id) => [id, Number(rows.find((r) => r.mutation_id === id)?.n ?? 0)]));
}
