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

export function applyMutation(ctx: MutationContext, name: string, args: unknown): Promise<MutationOutcome> {
  if (!isMutationName(name)) throw new Rejection('invalid', 'unknown_mutation', { name: name.slice(0, 100) });
  return HANDLERS[name](ctx, args);
}
