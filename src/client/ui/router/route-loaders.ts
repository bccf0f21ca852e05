/**
 * The chunk of every page but the first ("Il mio lavoro", which comes with the device-app chunk),
 * loaded on first visit and precached by the service worker, so it opens offline too. A new page
 * adds its loader here and its `lazy` component in route-view.tsx.
 *
 * In the entry chunk (only these import() calls, not the pages): bootstrap.ts starts fetching the page
 * an address opens together with the data layer, instead of one after the other.
 */
import { ADMIN_ROUTES } from '../permissions.ts';
import type { Route } from './routes.ts';

export const loaders = {
  dashboard: () => import('../pages/dashboard/dashboard-page.tsx'),
  area: () => import('../pages/dashboard/area-page.tsx'),
  objective: () => import('../pages/objective/objective-page.tsx'),
  objectiveEvidence: () => import('../pages/evidence/evidence-page.tsx'),
  phase: () => import('../pages/phase/phase-page.tsx'),
  search: () => import('../pages/search/search-page.tsx'),
  sync: () => import('../pages/sync/sync-page.tsx'),
  settings: () => import('../pages/settings/settings-page.tsx'),
  adminUsers: () => import('../pages/admin-users/admin-users-page.tsx'),
  adminAudit: () => import('../pages/admin-audit/admin-audit-page.tsx'),
  planAmendments: () => import('../pages/plan-amend/plan-amendments-page.tsx'),
  planChanges: () => import('../pages/plan-amend/what-changed-page.tsx'),
  planReport: () => import('../pages/reports/relazione-page.tsx'),
  planMonitoring: () => import('../pages/monitoring/monitoring-page.tsx'),
  planSnapshot: () => import('../pages/monitoring/snapshot-page.tsx'),
  planImport: () => import('../pages/plan-import/plan-import-page.tsx'),
  plan: () => import('../pages/plan-import/plan-page.tsx'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

export function isAdminRoute(name: Route['name']): boolean {
  return (ADMIN_ROUTES as readonly string[]).includes(name);
}

function hasLoader(name: Route['name']): name is keyof typeof loaders {
  return Object.hasOwn(loaders, name);
}

/**
 * Starts fetching the chunk of the page an address opens, while the session is still being read,
 * instead of after the shell has rendered. import() caches, so React.lazy reuses the same load.
 */
export function preloadRoute(route: Route): void {
  // Not an admin page: the user is not known yet, and another role must not fetch its chunk.
  if (hasLoader(route.name) && !isAdminRoute(route.name)) void loaders[route.name]().catch(() => undefined);
}
