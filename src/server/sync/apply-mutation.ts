/** Dispatches a pushed mutation by name; an unknown name is a permanent `invalid` rejection. */
import { isMutationName, type MutationName } from '../../shared/mutations.ts';
import type { MutationContext, MutationOutcome } from './mutation-context.ts';
import { addNote } from './note-mutations.ts';
import { setProgress, setStatus } from './phase-mutations.ts';
import { Rejection } from './rejection.ts';

const HANDLERS: Record<MutationName, (ctx: MutationContext, args: unknown) => Promise<MutationOutcome>> = {
  'phase.setStatus': setStatus,
  'phase.setProgress': setProgress,
  'note.add': addNote,
};

/** PostgreSQL text cannot hold NUL: such a string would fail in the database on every retry (a 503
 * forever, blocking the queue), so it is refused for good here instead. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

export function applyMutation(ctx: MutationContext, name: string, args: unknown): Promise<MutationOutcome> {
  if (!isMutationName(name)) {
    throw new Rejection('invalid', 'unknown_mutation', { name: name.replaceAll('\u0000', '').slice(0, 100) });
  }
  if (holdsNul(args)) throw new Rejection('invalid', 'invalid_args', { detail: 'NUL character' });
  return HANDLERS[name](ctx, args);
}
