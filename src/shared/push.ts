import { z } from 'zod';
import { rejectionReasonSchema } from './errors.ts';

export const MAX_MUTATIONS_PER_PUSH = 1000;

/** A mutation as sent: args are checked per name after the envelope (an unknown name is `rejected`). */
export const pushMutationSchema = z.object({
  id: z.uuid(),
  seq: z.number().int().min(1),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  clientTime: z.string().max(40),
});
export type PushMutation = z.infer<typeof pushMutationSchema>;

export const pushRequestSchema = z.object({
  clientId: z.uuid(),
  schemaVersion: z.number().int().min(1),
  mutations: z.array(pushMutationSchema).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const MUTATION_OUTCOMES = ['applied', 'duplicate', 'rejected'] as const;
export type MutationOutcome = (typeof MUTATION_OUTCOMES)[number];

export const pushResultSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  status: z.enum(MUTATION_OUTCOMES),
  conflict: z.boolean().optional(),
  reason: rejectionReasonSchema.optional(),
  /** Extension: on a `duplicate`, the outcome the mutation had when first taken (with its reason). */
  original: z.enum(['applied', 'rejected']).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  lastSeq: z.number().int().min(0),
  results: z.array(pushResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
