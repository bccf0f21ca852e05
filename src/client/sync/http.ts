/**
 * The engine's HTTP calls through an injected `fetch` (tests pass a controllable transport). Turns
 * every failure into a SyncFailure of one kind the status shows; never retries by itself (the
 * engine's backoff does).
 */
import type { z } from 'zod';
import type { SyncErrorKind } from './sync-status.ts';

/** The subset of `fetch` the engine uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

/** What an HTTP status means for the queue: wait for sign-in, for an update, or retry later. */
export function failureForStatus(status: number, what: string): SyncFailure {
  if (status === 401) return new SyncFailure('unauthorized', `${what}: 401`, status);
  if (status === 426) return new SyncFailure('client_too_old', `${what}: 426`, status);
  return new SyncFailure('server', `${what}: HTTP ${status}`, status);
}

export async function send(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  what: string,
): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (err) {
    throw new SyncFailure('network', `${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Sends a request and parses a 2xx JSON answer with `schema`; anything else is a SyncFailure. */
export async function requestJson<S extends z.ZodType>(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  schema: S,
  what: string,
): Promise<z.infer<S>> {
  const res = await send(fetchFn, url, init, what);
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw failureForStatus(res.status, what);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch (err) {
    // The connection may drop while the body streams: the request may have committed, so retrying
    // is right (pushes are idempotent) and the kind is `network`.
    throw new SyncFailure('network', `${what}: body unreadable (${String(err)})`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncFailure('server', `${what}: unexpected answer ${parsed.error.message}`);
  return parsed.data;
}
