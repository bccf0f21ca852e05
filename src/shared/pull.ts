import { z } from 'zod';

export const pullQuerySchema = z.object({
  clientId: z.uuid(),
  cursor: z.coerce.number().int().min(0),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

/** A row as pulled; its `data` is checked per type with rowDataSchemas (rows.ts). */
export const pullRowSchema = z.object({
  type: z.string(),
  id: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  data: z.unknown(),
});
export type PullRow = z.infer<typeof pullRowSchema>;

export const pullPageSchema = z.object({
  cursor: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  hasMore: z.boolean(),
  rows: z.array(pullRowSchema),
});
export type PullPage = z.infer<typeof pullPageSchema>;

export const pullResyncSchema = z.object({ resync: z.literal(true) });
export const pullResponseSchema = z.union([pullResyncSchema, pullPageSchema]);
export type PullResponse = z.infer<typeof pullResponseSchema>;
