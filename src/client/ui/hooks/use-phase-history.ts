import { useLiveQuery } from 'dexie-react-hooks';
import type { PhaseHistoryRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

/** Who changed the phase's status or percent, when, from what to what; newest first. */
export function usePhaseHistory(phaseId: string): PhaseHistoryRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (await db.phaseHistory.where('phaseId').equals(phaseId).toArray()).sort((a, b) =>
        b.at.localeCompare(a.at),
      ),
    [db, phaseId],
  );
}
