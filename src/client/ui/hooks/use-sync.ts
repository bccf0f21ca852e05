import { useContext, useSyncExternalStore } from 'react';
import { SyncContext, type SyncControls, type SyncStatusSnapshot } from '../app-context.ts';

/** The sync engine's live status (online, pending, last sync, errors) and its controls. */
export function useSync(): SyncControls & { status: SyncStatusSnapshot } {
  const controls = useContext(SyncContext);
  if (!controls) throw new Error('useSync outside the app shell');
  const status = useSyncExternalStore(controls.subscribe, controls.getSnapshot);
  return { ...controls, status };
}
