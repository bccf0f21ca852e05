import { useContext } from 'react';
import { SessionContext, type SessionValue } from '../app-context.ts';

/** The signed-in user and the sign-in/out actions; pages are only rendered with a session. */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
