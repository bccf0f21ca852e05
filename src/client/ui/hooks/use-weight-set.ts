import { useCallback, useSyncExternalStore } from 'react';
import { WEIGHT_SETS, type WeightSet } from '../../../domain/plan.ts';

/** The weight set the dashboard uses (Nucleo by default), remembered on the device. */
const KEY = 'traguardi.weightSet';
const listeners = new Set<() => void>();

function read(): WeightSet {
  try {
    const stored = localStorage.getItem(KEY);
    return WEIGHT_SETS.find((w) => w === stored) ?? 'nucleo';
  } catch {
    return 'nucleo';
  }
}

let current: WeightSet | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot(): WeightSet {
  current ??= read();
  return current;
}

export function useWeightSet(): [WeightSet, (next: WeightSet) => void] {
  const weightSet = useSyncExternalStore(subscribe, getSnapshot);
  const set = useCallback((next: WeightSet) => {
    current = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Applied for this visit only.
    }
    for (const listener of listeners) listener();
  }, []);
  return [weightSet, set];
}
