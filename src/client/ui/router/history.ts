/**
 * A tiny history-based router store: the current location for useSyncExternalStore, and navigate().
 * Navigations move focus to the new page's heading (see PageTitle) and scroll to the top.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let navigated = false;

function notify(): void {
  navigated = true;
  for (const listener of listeners) listener();
}

/** True once the user has moved between pages (so the new page's heading may take focus). */
export function hasNavigated(): boolean {
  return navigated;
}

export function subscribeLocation(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

export function getLocationSnapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === getLocationSnapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!options.replace) window.scrollTo(0, 0);
  notify();
}
