import { useSyncExternalStore } from 'react';
import { getSwUpdateState, subscribeSwUpdate, type SwUpdateState } from '../../pwa/sw-update.ts';

export function useSwUpdate(): SwUpdateState {
  return useSyncExternalStore(subscribeSwUpdate, getSwUpdateState);
}
