import { useLiveQuery } from 'dexie-react-hooks';
import type { NoteRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

/**
 * The notes of a phase, or of an objective (its phases' notes included), newest first. Notes written
 * here and not yet acknowledged show at once, marked `pending`.
 */
export function useNotes(target: { objectiveId: string; phaseId?: string }): NoteRecord[] | undefined {
  const db = useDb();
  const { objectiveId, phaseId } = target;
  return useLiveQuery(async () => {
    const notes =
      phaseId !== undefined
        ? await db.notes.where('phaseId').equals(phaseId).toArray()
        : await db.notes.where('objectiveId').equals(objectiveId).toArray();
    return notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [db, objectiveId, phaseId]);
}
