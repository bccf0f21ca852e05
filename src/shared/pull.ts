import { z } from 'zod';

export const pullQuerySchema = z.object({
  clientId: z.uuid(),
  cursor: z.coerce.number().int().min(0),
  /** The client's protocol version (1 when absent): a v1 client is served only Part 1's row types. */
  schemaVersion: z.coerce.number().int().min(1).optional(),
  /**
   * Extension, a first sync in two parts (docs/protocol.md): `core` leaves the deferred rows out
   * (its last page says which versions they cover, `deferred`); `deferred` serves only them, up to
   * `until`. Absent: every row, as the contract's pull.
   */
  part: z.enum(['core', 'deferred']).optional(),
  /** With part=deferred: the `deferred.until` of the core's last page. */
  until: z.coerce.number().int().min(1).optional(),
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

/**
 * On the last page of a `part=core` pull: the deferred rows are those of version ≤ `until` (the
 * page's cursor), `rows` of each type as that snapshot counted them (for the device's progress).
 */
export const pullDeferredSchema = z.object({
  until: z.number().int().min(1),
  rows: z.record(z.string(), z.number().int().min(0)),
});
export type PullDeferred = z.infer<typeof pullDeferredSchema>;

export const pullPageSchema = z.object({
  cursor: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  hasMore: z.boolean(),
  rows: z.array(pullRowSchema),
  deferred: pullDeferredSchema.optional(),
});
export type PullPage = z.infer<typeof pullPageSchema>;

export const pullResyncSchema = z.object({ resync: z.literal(true) });
export const pullResponseSchema = z.union([pullResyncSchema, pullPageSchema]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * Extension (docs/protocol.md "The next page's cursor"): on a pull answer with `hasMore`, the page's
 * `cursor` again as a response header, readable before the body.
 */
export const PULL_NEXT_CURSOR_HEADER = 'pull-next-cursor';
