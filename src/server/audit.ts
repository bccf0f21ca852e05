/**
 * Writing the audit trail (the `audit_entry` table; protocol Part 2, "Audit trail"). Each entry is
 * written in the same transaction as the change it records, when there is one, so an entry exists
 * exactly when the change does. Values in `before`/`after` are what a user sees of the entity:
 * never a password hash.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db/database.ts';
import { auditEntry } from './db/schema.ts';

export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'user.create'
  | 'user.update'
  | 'session.revoke'
  /** A plan brought in by an admin (POST /api/plans/import). */
  | 'plan.import';

export interface AuditInput {
  /** '' for a failed sign-in of an unknown username (no ente to file it under). */
  enteId: string;
  at: Date;
  userId: string | null;
  action: AuditAction;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  clientId?: string;
  /** Sign-ins only: the address and the username tried (lower-cased), which the limit counts. */
  address?: string;
  username?: string;
}

export async function writeAudit(q: Queryable, entry: AuditInput): Promise<void> {
  await q.insert(auditEntry).values({
    id: randomUUID(),
    enteId: entry.enteId,
    at: entry.at,
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    clientId: entry.clientId ?? null,
    address: entry.address ?? null,
    username: entry.username ?? null,
  });
}
