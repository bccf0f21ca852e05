import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../hooks/use-db.ts';

export interface AreaName {
  id: string;
  name: string;
}

/**
 * The ente's areas as the device holds them (pulled, so they show offline too), newest plan first,
 * in plan order: the names behind a user's `areaIds`.
 */
export function useAreaNames(): AreaName[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [areas, plans] = await Promise.all([db.areas.toArray(), db.plans.toArray()]);
    const newest = new Map(plans.map((p) => [p.id, Math.max(...p.years)]));
    return areas
      .sort(
        (a, b) =>
          (newest.get(b.planId) ?? 0) - (newest.get(a.planId) ?? 0) ||
          a.planId.localeCompare(b.planId) ||
          a.position - b.position,
      )
      .map((a) => ({ id: a.id, name: a.name }));
  }, [db]);
}
