/**
 * The app's pages and their addresses. History-based (real paths, so links can be shared and opened
 * offline: the service worker answers every navigation with index.html).
 */
export type Route =
  | { name: 'home' }
  | { name: 'dashboard' }
  | { name: 'area'; id: string }
  | { name: 'objective'; id: string }
  | { name: 'phase'; id: string }
  | { name: 'search'; query: string }
  | { name: 'sync' }
  | { name: 'settings' }
  | { name: 'notFound' };

const STATIC: Record<string, Route> = {
  '/': { name: 'home' },
  '/cruscotto': { name: 'dashboard' },
  '/sincronizzazione': { name: 'sync' },
  '/impostazioni': { name: 'settings' },
};

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = STATIC[path];
  if (fixed) return fixed;
  if (path === '/cerca') return { name: 'search', query: new URLSearchParams(search).get('q') ?? '' };
  const match = /^\/(cruscotto\/aree|obiettivi|fasi)\/([^/]+)$/.exec(path);
  const id = match?.[2] === undefined ? null : decode(match[2]);
  if (match && id) {
    if (match[1] === 'obiettivi') return { name: 'objective', id };
    if (match[1] === 'fasi') return { name: 'phase', id };
    return { name: 'area', id };
  }
  return { name: 'notFound' };
}

export const paths = {
  home: () => '/',
  dashboard: () => '/cruscotto',
  area: (id: string) => `/cruscotto/aree/${encodeURIComponent(id)}`,
  objective: (id: string) => `/obiettivi/${encodeURIComponent(id)}`,
  phase: (id: string) => `/fasi/${encodeURIComponent(id)}`,
  search: (query = '') => (query ? `/cerca?q=${encodeURIComponent(query)}` : '/cerca'),
  sync: () => '/sincronizzazione',
  settings: () => '/impostazioni',
};
