import { useLiveQuery } from 'dexie-react-hooks';
import type { ConflictRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

/** Conflicts not yet dismissed on this device (of one phase, or all), newest first. */
export function useConflicts(phaseId?: string): ConflictRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows =
      phaseId !== undefined
        ? await db.conflicts.where('phaseId').equals(phaseId).toArray()
        : await db.conflicts.toArray();
    return rows.filter((c) => !c.dismissed).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [db, phaseId]);
}
