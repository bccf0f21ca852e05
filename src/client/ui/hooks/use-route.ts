import { useMemo, useSyncExternalStore } from 'react';
import { getLocationSnapshot, subscribeLocation } from '../router/history.ts';
import { parseRoute, type Route } from '../router/routes.ts';

/** The current page, re-rendering on every navigation (links, back and forward). */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribeLocation, getLocationSnapshot, () => '/');
  return useMemo(() => {
    const url = new URL(location, 'http://local');
    return parseRoute(url.pathname, url.search);
  }, [location]);
}
