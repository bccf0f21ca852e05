/**
 * A pushed mutation in two pure steps: `prepareMutation` checks the name, NUL characters and the args
 * (each failure a permanent `invalid` rejection) before anything is read, so the ids the batch
 * references are known and can be loaded in one query per table (batch-state.ts); `decideMutation`
 * then dispatches to the handler, which decides on the in-memory state (mutation-context.ts).
 */
import {
  isMutationName,
  mutationArgsSchemas,
  type MutationArgs,
  type MutationName,
} from '../../shared/mutations.ts';
import type { MutationContext, MutationOutcome } from './mutation-context.ts';
import { addNote } from './note-mutations.ts';
import { setProgress, setStatus } from './phase-mutations.ts';
import { parseArgs, Rejection } from './rejection.ts';

export type PreparedMutation =
  | { [K in MutationName]: { ok: true; name: K; args: MutationArgs[K] } }[MutationName]
  | { ok: false; rejection: Rejection };

/** PostgreSQL text cannot hold NUL: such a string would fail in the database on every retry (a 503
 * forever, blocking the queue), so it is refused for good here instead. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

function check(name: string, args: unknown): PreparedMutation {
  if (!isMutationName(name)) {
    throw new Rejection('invalid', 'unknown_mutation', { name: name.replaceAll('\u0000', '').slice(0, 100) });
  }
  if (holdsNul(args)) throw new Rejection('invalid', 'invalid_args', { detail: 'NUL character' });
  switch (name) {
    case 'phase.setStatus':
      return { ok: true, name, args: parseArgs(mutationArgsSchemas[name], args) };
    case 'phase.setProgress':
      return { ok: true, name, args: parseArgs(mutationArgsSchemas[name], args) };
    case 'note.add':
      return { ok: true, name, args: parseArgs(mutationArgsSchemas[name], args) };
  }
}

export function prepareMutation(name: string, args: unknown): PreparedMutation {
  try {
    return check(name, args);
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, rejection: error };
    throw error;
  }
}

/** The ids a prepared mutation may read, by table. */
export function collectReferences(
  m: PreparedMutation,
  refs: { phases: Set<string>; objectives: Set<string>; notes: Set<string>; attachments: Set<string> },
): void {
  if (!m.ok) return;
  if (m.name === 'note.add') {
    refs.notes.add(m.args.noteId);
    refs.objectives.add(m.args.objectiveId);
    if (m.args.phaseId !== undefined) refs.phases.add(m.args.phaseId);
    for (const id of m.args.attachmentIds ?? []) refs.attachments.add(id);
  } else {
    refs.phases.add(m.args.phaseId);
  }
}

/** Decides a prepared mutation; throws a Rejection (before recording anything) when refused. */
export function decideMutation(ctx: MutationContext, m: PreparedMutation): MutationOutcome {
  if (!m.ok) throw m.rejection;
  switch (m.name) {
    case 'phase.setStatus':
      return setStatus(ctx, m.args);
    case 'phase.setProgress':
      return setProgress(ctx, m.args);
    case 'note.add':
      return addNote(ctx, m.args);
  }
}
