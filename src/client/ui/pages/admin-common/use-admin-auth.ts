import { useMemo } from 'react';
import { useAdminT } from './use-admin-t.ts';
import { useSession } from '../../hooks/use-session.ts';
import type { AdminAuth } from './admin-api.ts';

/** The token, language and 401 handling the admin requests need. */
export function useAdminAuth(): AdminAuth {
  const { token, requestSignIn } = useSession();
  const { lang } = useAdminT();
  return useMemo(() => ({ token, lang, onUnauthorized: requestSignIn }), [token, lang, requestSignIn]);
}
