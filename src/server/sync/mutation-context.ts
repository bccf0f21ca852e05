/** What a mutation handler receives and answers (see push.ts for the transaction around it). */
import type { SessionUser } from '../../shared/auth.ts';
import type { Tx } from '../db/database.ts';

export interface MutationContext {
  /** The mutation's savepoint: everything written through it rolls back on a Rejection. */
  tx: Tx;
  user: SessionUser;
  now: Date;
  mutationId: string;
  clientTime: string;
  newId: () => string;
}

export interface MutationOutcome {
  conflict: boolean;
  /** The version the changed rows got; null when nothing changed (an idempotent no-op). */
  version: number | null;
}
