/**
 * What the user has typed and not yet saved (a note being written), as a tiny store: forms report a
 * draft while it has text, and the app refuses to reload under it. While anything is unsaved:
 * - the "Nuova versione disponibile — Aggiorna" button is disabled (banners.tsx) and the new service
 *   worker never reloads this tab by itself (sw-update.ts);
 * - closing or reloading the tab asks first (`beforeunload`).
 * Per tab: each tab has its own drafts. React forms use useUnsavedInput (../ui/unsaved-input.ts).
 */

const drafts = new Set<symbol>();
const listeners = new Set<() => void>();
let unsaved = false;

function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers ask only when returnValue is set.
  event.returnValue = '';
}

function changed(): void {
  const next = drafts.size > 0;
  if (next === unsaved) return;
  unsaved = next;
  if (typeof window !== 'undefined') {
    if (next) window.addEventListener('beforeunload', onBeforeUnload);
    else window.removeEventListener('beforeunload', onBeforeUnload);
  }
  for (const listener of [...listeners]) listener();
}

/** Reports a draft with text; call the returned function once it is saved, cleared or gone. */
export function markUnsavedInput(): () => void {
  const draft = Symbol('draft');
  drafts.add(draft);
  changed();
  return () => {
    drafts.delete(draft);
    changed();
  };
}

export function hasUnsavedInput(): boolean {
  return unsaved;
}

export function subscribeUnsavedInput(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
