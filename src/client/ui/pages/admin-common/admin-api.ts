/**
 * The admin's online-only requests (users, sessions, audit; protocol Part 2 "Users" and "Audit
 * trail"), with the session's bearer token and the app's language. Nothing here is queued: offline,
 * a request fails at once with `offline` and the page says the connection is needed.
 *
 * Every failure is an AdminApiError carrying the server's translated message when there is one, so
 * the forms show exactly what the server said (409 username taken, 400 short password, …).
 */
import { errorBodySchema } from '../../../../shared/errors.ts';

export type AdminFailure = 'offline' | 'unauthorized' | 'forbidden' | 'conflict' | 'bad_request' | 'server';

export class AdminApiError extends Error {
  constructor(
    readonly failure: AdminFailure,
    readonly status: number,
    /** The server's message in the request's language, when it sent one. */
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? failure);
    this.name = 'AdminApiError';
  }
}

export interface AdminAuth {
  token: string;
  lang: string;
  /** Called on a 401: the session ended (deactivated, revoked, expired). */
  onUnauthorized: () => void;
}

function failureOf(status: number): AdminFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 400) return 'bad_request';
  return status === 503 || status === 504 ? 'offline' : 'server';
}

/** One request; the Response when 2xx, else an AdminApiError. Not retried here. */
export async function adminFetch(
  auth: AdminAuth,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<Response> {
  if (!navigator.onLine) throw new AdminApiError('offline', 0, null);
  const headers: Record<string, string> = {
    authorization: `Bearer ${auth.token}`,
    'accept-language': auth.lang,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new AdminApiError('offline', 0, null);
  }
  if (res.ok) return res;
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
  if (res.status === 401) auth.onUnauthorized();
  throw new AdminApiError(
    failureOf(res.status),
    res.status,
    parsed.success ? parsed.data.error.message : null,
  );
}

/** A JSON request, its answer parsed by `parse` (a zod schema's parse). */
export async function adminJson<T>(
  auth: AdminAuth,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  parse: (data: unknown) => T,
  body?: unknown,
): Promise<T> {
  const res = await adminFetch(auth, method, path, body);
  return parse(res.status === 204 ? null : await res.json());
}
