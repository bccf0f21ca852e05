/**
 * What one sync cycle works with (sync-cycle.ts and the pull loops): the injected parts, the session's
 * token and the device's clientId.
 */
import type { TraguardiDb } from '../db/schema.ts';
import type { FirstSyncProgress } from './first-sync.ts';
import type { FetchLike } from './http.ts';

export interface CycleDeps {
  db: TraguardiDb;
  fetch: FetchLike;
  now: () => Date;
  baseUrl: string;
  /** Mutations per push (≤ 1,000, the contract's limit); tests use small batches. */
  pushBatchSize?: number;
  /** While a first sync's deferred rows arrive: after each stored batch (null once they are all in). */
  onFirstSyncProgress?: (progress: FirstSyncProgress | null) => void;
  /** Checked between pages of the deferred rows: true ends the cycle there (the engine is stopping). */
  shouldStop?: () => boolean;
}

export interface CycleCtx extends CycleDeps {
  token: string;
  clientId: string;
}

export function authHeaders(ctx: CycleCtx, contentType?: string): Record<string, string> {
  return {
    Authorization: `Bearer ${ctx.token}`,
    Accept: 'application/json',
    ...(contentType ? { 'Content-Type': contentType } : {}),
  };
}
