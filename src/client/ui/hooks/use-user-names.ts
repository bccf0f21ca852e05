import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from './use-db.ts';

const EMPTY = new Map<string, string>();

/** Display names of the ente's users by id (pulled to the device, so names show offline). */
export function useUserNames(): Map<string, string> {
  const db = useDb();
  return (
    useLiveQuery(async () => new Map((await db.users.toArray()).map((u) => [u.id, u.displayName])), [db]) ??
    EMPTY
  );
}
