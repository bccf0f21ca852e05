import { z } from 'zod';
import { phaseStatusSchema } from './entities.ts';

/** Args of each mutation of protocol v1, validated on both sides. */

export const setStatusArgsSchema = z.object({
  phaseId: z.string().min(1).max(64),
  from: phaseStatusSchema,
  to: phaseStatusSchema,
});
export type SetStatusArgs = z.infer<typeof setStatusArgsSchema>;

export const setProgressArgsSchema = z.object({
  phaseId: z.string().min(1).max(64),
  percent: z.number().int().min(0).max(100),
  /** Extension: the percent the user saw, so a concurrent change shows as a conflict. */
  from: z.number().int().min(0).max(100).optional(),
});
export type SetProgressArgs = z.infer<typeof setProgressArgsSchema>;

export const NOTE_MAX_LENGTH = 5000;
export const noteAddArgsSchema = z.object({
  noteId: z.uuid(),
  objectiveId: z.string().min(1).max(64),
  phaseId: z.string().min(1).max(64).optional(),
  text: z.string().trim().min(1).max(NOTE_MAX_LENGTH),
  attachmentIds: z.array(z.uuid()).max(20).optional(),
});
export type NoteAddArgs = z.infer<typeof noteAddArgsSchema>;

export const mutationArgsSchemas = {
  'phase.setStatus': setStatusArgsSchema,
  'phase.setProgress': setProgressArgsSchema,
  'note.add': noteAddArgsSchema,
} as const;
export type MutationName = keyof typeof mutationArgsSchemas;
export const MUTATION_NAMES = Object.keys(mutationArgsSchemas) as MutationName[];

export type MutationArgs = {
  [K in MutationName]: z.infer<(typeof mutationArgsSchemas)[K]>;
};

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgsSchemas, name);
}
