/**
 * What a mutation does to the device's rows, as a pure function: used for the optimistic apply of a
 * local change (local-change.ts) and for re-applying the still pending mutations on top of the
 * server's rows after a pull or a rejection (rebase.ts). The phase rules are the domain's
 * changeStatus/changePercent, the same the server applies, so device and server agree.
 *
 * Pure: no I/O, no clock; rows come in through a lookup and changed rows go out as effects.
 */
import { changePercent, changeStatus } from '../../domain/phase-transitions.ts';
import { isMutationName, mutationArgsSchemas, type MutationName } from '../../shared/mutations.ts';
import type { BaseEntry, NoteRecord, ObjectiveRecord, PhaseRecord } from '../db/schema.ts';

/** The part of an outbox entry this needs. */
export interface QueuedMutation {
  name: MutationName;
  args: unknown;
  clientTime: string;
}

/** The rows a mutation may read, as they stand after the mutations applied before it. */
export interface RowLookup {
  phase(id: string): PhaseRecord | undefined;
  objective(id: string): ObjectiveRecord | undefined;
  note(id: string): NoteRecord | undefined;
}

export type MutationEffect = { table: 'phases'; row: PhaseRecord } | { table: 'notes'; row: NoteRecord };

export type ApplyOutcome =
  | { ok: true; effects: MutationEffect[]; conflict: boolean }
  | { ok: false; code: 'invalid' | 'not_found' | 'illegal_transition'; message: string };

/** The key of a row in the `bases` table (and of the rows a mutation touches). */
export function rowKey(table: BaseEntry['table'], id: string): string {
  return `${table}:${id}`;
}

/**
 * The rows a v1 mutation may change, whether or not it applies; [] for args that do not parse and for
 * the plan mutations (which record the rows they changed: OutboxEntry.touched).
 */
export function touchedRows(m: { name: string; args: unknown }): { table: 'phases' | 'notes'; id: string }[] {
  if (!isMutationName(m.name)) return [];
  const parsed = mutationArgsSchemas[m.name].safeParse(m.args);
  if (!parsed.success) return [];
  const args = parsed.data;
  if ('noteId' in args) return [{ table: 'notes', id: args.noteId }];
  return [{ table: 'phases', id: args.phaseId }];
}

/**
 * Applies one mutation for `userId`. A mutation that cannot apply here (phase unknown, illegal
 * transition) returns ok:false and changes nothing: locally that refuses the change, in a rebase the
 * server's answer will settle it.
 */
export function applyMutation(rows: RowLookup, m: QueuedMutation, userId: string): ApplyOutcome {
  switch (m.name) {
    case 'phase.setStatus': {
      const parsed = mutationArgsSchemas['phase.setStatus'].safeParse(m.args);
      if (!parsed.success) return invalid(parsed.error.message);
      const { phaseId, from, to } = parsed.data;
      const phase = rows.phase(phaseId);
      if (!phase) return { ok: false, code: 'not_found', message: `phase ${phaseId}` };
      const objectiveState = rows.objective(phase.objectiveId)?.state ?? 'active';
      const r = changeStatus({ status: phase.status, percent: phase.percent }, objectiveState, from, to);
      if (!r.ok) return r;
      return phaseEffect(phase, r.next, r.conflict, userId, m.clientTime);
    }
    case 'phase.setProgress': {
      const parsed = mutationArgsSchemas['phase.setProgress'].safeParse(m.args);
      if (!parsed.success) return invalid(parsed.error.message);
      const { phaseId, percent, from } = parsed.data;
      const phase = rows.phase(phaseId);
      if (!phase) return { ok: false, code: 'not_found', message: `phase ${phaseId}` };
      const objectiveState = rows.objective(phase.objectiveId)?.state ?? 'active';
      const r = changePercent(
        { status: phase.status, percent: phase.percent },
        objectiveState,
        percent,
        from,
      );
      if (!r.ok) return r;
      return phaseEffect(phase, r.next, r.conflict, userId, m.clientTime);
    }
    case 'note.add': {
      const parsed = mutationArgsSchemas['note.add'].safeParse(m.args);
      if (!parsed.success) return invalid(parsed.error.message);
      const a = parsed.data;
      // Notes are append-only and never conflict: once the server's copy is here it wins.
      if (rows.note(a.noteId)) return { ok: true, effects: [], conflict: false };
      const row: NoteRecord = {
        id: a.noteId,
        version: 0,
        objectiveId: a.objectiveId,
        phaseId: a.phaseId ?? null,
        authorId: userId,
        text: a.text,
        createdAt: m.clientTime,
        attachmentIds: a.attachmentIds ?? [],
        pending: true,
      };
      return { ok: true, effects: [{ table: 'notes', row }], conflict: false };
    }
  }
}

function phaseEffect(
  phase: PhaseRecord,
  next: { status: PhaseRecord['status']; percent: number },
  conflict: boolean,
  userId: string,
  at: string,
): ApplyOutcome {
  const row: PhaseRecord = {
    ...phase,
    status: next.status,
    percent: next.percent,
    updatedBy: userId,
    updatedAt: at,
  };
  return { ok: true, effects: [{ table: 'phases', row }], conflict };
}

function invalid(message: string): ApplyOutcome {
  return { ok: false, code: 'invalid', message };
}

/**
 * Applies mutations in order over a starting set of rows, each seeing the effects of those before it.
 * Returns the final version of every row changed (the rows to write back).
 */
export function applyMutations(
  start: {
    phases: Iterable<PhaseRecord>;
    objectives: Iterable<ObjectiveRecord>;
    notes: Iterable<NoteRecord>;
  },
  mutations: Iterable<QueuedMutation>,
  userId: string,
): MutationEffect[] {
  const phases = new Map([...start.phases].map((p) => [p.id, p]));
  const objectives = new Map([...start.objectives].map((o) => [o.id, o]));
  const notes = new Map([...start.notes].map((n) => [n.id, n]));
  const lookup: RowLookup = {
    phase: (id) => phases.get(id),
    objective: (id) => objectives.get(id),
    note: (id) => notes.get(id),
  };
  const changed = new Map<string, MutationEffect>();
  for (const m of mutations) {
    const r = applyMutation(lookup, m, userId);
    if (!r.ok) continue;
    for (const e of r.effects) {
      if (e.table === 'phases') phases.set(e.row.id, e.row);
      else notes.set(e.row.id, e.row);
      changed.set(rowKey(e.table, e.row.id), e);
    }
  }
  return [...changed.values()];
}
