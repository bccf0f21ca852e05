import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SearchProgress } from '../../search/search-engine.ts';
import { searchClientFor } from '../../search/search-client.ts';
import { useDb } from './use-db.ts';

/** How the device's search index is coming along (building while the first answer waits). */
export function useSearchProgress(): SearchProgress {
  const db = useDb();
  const client = useMemo(() => searchClientFor(db), [db]);
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  return useSyncExternalStore(subscribe, client.progress);
}
