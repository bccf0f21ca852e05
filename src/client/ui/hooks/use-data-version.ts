import { useLiveQuery } from 'dexie-react-hooks';
import { readDataVersion } from './read-data-version.ts';
import { useDb } from './use-db.ts';

/** The device data's fingerprint (read-data-version.ts), live; undefined while loading. */
export function useDataVersion(): string | undefined {
  const db = useDb();
  return useLiveQuery(
    () => db.transaction('r', [db.meta, db.outbox, db.rejected], () => readDataVersion(db)),
    [db],
  );
}
