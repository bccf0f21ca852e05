/**
 * POST /api/auth/login. Needs the network (the first sign-in cannot happen offline); every failure
 * becomes one of a few codes the form translates.
 *
 * The answer's schema (zod) is imported only once a 200 has come back: the form is in the entry chunk
 * and must answer a refusal before zod, which comes with the data layer, has been downloaded.
 */
import type { LoginResponse } from '../../../../shared/auth.ts';

export type LoginErrorCode = 'invalid' | 'rate_limited' | 'offline' | 'server';

export class LoginError extends Error {
  constructor(readonly code: LoginErrorCode) {
    super(code);
    this.name = 'LoginError';
  }
}

export async function requestLogin(
  credentials: { username: string; password: string },
  lang: string,
  fetchFn: typeof fetch = fetch,
): Promise<LoginResponse> {
  if (!navigator.onLine) throw new LoginError('offline');
  let res: Response;
  try {
    res = await fetchFn('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify(credentials),
    });
  } catch {
    throw new LoginError('offline');
  }
  if (res.status === 401) throw new LoginError('invalid');
  if (res.status === 429) throw new LoginError('rate_limited');
  // The service worker answers nothing under /api; a 503/504 from a proxy means no server either.
  if (!res.ok) throw new LoginError(res.status === 503 || res.status === 504 ? 'offline' : 'server');
  const body: unknown = await res.json().catch(() => null);
  // The chunk not arriving: the server answered, so it is the app's files that are missing.
  const { loginResponseSchema } = await import('./login-schema.ts').catch(() => {
    throw new LoginError('server');
  });
  const parsed = loginResponseSchema.safeParse(body);
  if (!parsed.success) throw new LoginError('server');
  return parsed.data;
}
