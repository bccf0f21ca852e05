import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';
import { subscribeLocation } from './history.ts';

/** The pages whose last load failed, each with the way to load it afresh. */
const failed = new Set<() => void>();

/**
 * React.lazy keeps a failed load for good, so a page whose chunk could not be fetched (the device
 * offline before the service worker held it) would fail until the app is reloaded. A failed page
 * loads afresh after `retryFailedPages()` or the next navigation — never by itself while rendering,
 * where React's own retry of a failed render would start load after load.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  const fresh = () =>
    lazy(() =>
      load().then(
        (page) => ({ default: page }),
        (error: unknown) => {
          failed.add(renew);
          throw error;
        },
      ),
    );
  let current = fresh();
  function renew(): void {
    current = fresh();
  }
  return function LazyPage(props: P) {
    return createElement(current, props);
  };
}

export function retryFailedPages(): void {
  for (const renew of failed) renew();
  failed.clear();
}

// Before the new address renders: going back to a page that failed tries it again.
subscribeLocation(retryFailedPages);

/** The browsers' words for an import() whose module could not be fetched. */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|importing a module script failed|module script/i.test(error.message);
}
