/**
 * The admin's audit trail (protocol Part 2, "Audit trail"): the query of GET /api/admin/audit and the
 * entries it answers. `before` is the opaque cursor a previous page answered as `next`.
 */
import { z } from 'zod';

export const AUDIT_MAX_LIMIT = 1000;
export const AUDIT_DEFAULT_LIMIT = 100;

/** An instant (ISO 8601 with an offset or Z) or a date (YYYY-MM-DD, read as 00:00 UTC). */
const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}($|T)/.test(s) && !Number.isNaN(Date.parse(s)), 'not a date');
const id = z.string().min(1).max(200);

export const auditQuerySchema = z.object({
  /** Inclusive. */
  from: instant.optional(),
  /** Exclusive: `to` of one day and `from` of the next never both hold an entry. */
  to: instant.optional(),
  userId: id.optional(),
  entity: id.optional(),
  entityId: id.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX_LIMIT).default(AUDIT_DEFAULT_LIMIT),
  before: z.string().min(1).max(300).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  clientId: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  next: z.string().optional(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The CSV's columns, in order: the JSON fields, `before`/`after` as JSON text. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'userId',
  'action',
  'entity',
  'entityId',
  'before',
  'after',
  'clientId',
] as const;
