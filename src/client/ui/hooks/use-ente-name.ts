import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from './use-db.ts';

/** The name of the user's ente, once pulled to the device. */
export function useEnteName(): string | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.ente.toCollection().first())?.name, [db]);
}
