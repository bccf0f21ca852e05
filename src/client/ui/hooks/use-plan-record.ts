import { useLiveQuery } from 'dexie-react-hooks';
import type { PlanRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

/** One plan as the device holds it; null when not (yet) on the device, undefined while loading. */
export function usePlanRecord(id: string): PlanRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.plans.get(id)) ?? null, [db, id]);
}
