/**
 * Hooks over the unsaved-input registry (../pwa/unsaved-input.ts): a free-text form calls
 * useUnsavedInput(text !== '') so the app never reloads (update, close) under what is being typed.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { hasUnsavedInput, markUnsavedInput, subscribeUnsavedInput } from '../pwa/unsaved-input.ts';

/** Reports this form's draft while `isDirty`; withdrawn when it turns false or the form unmounts. */
export function useUnsavedInput(isDirty: boolean): void {
  useEffect(() => (isDirty ? markUnsavedInput() : undefined), [isDirty]);
}

/** True while any form of this tab holds unsaved input. */
export function useHasUnsavedInput(): boolean {
  return useSyncExternalStore(subscribeUnsavedInput, hasUnsavedInput, () => false);
}
