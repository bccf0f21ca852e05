import { lazy } from 'react';
import { useT } from '../i18n/use-t.ts';
import { Link } from './components/link.tsx';
import { PageTitle } from './components/page-title.tsx';
import { useRoute } from './hooks/use-route.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { paths, type Route } from './router/routes.ts';

// Every page but the first ("Il mio lavoro") is its own chunk, loaded on first visit (and precached
// by the service worker, so it opens offline too).
const loaders = {
  dashboard: () => import('./pages/dashboard/dashboard-page.tsx'),
  area: () => import('./pages/dashboard/area-page.tsx'),
  objective: () => import('./pages/objective/objective-page.tsx'),
  phase: () => import('./pages/phase/phase-page.tsx'),
  search: () => import('./pages/search/search-page.tsx'),
  sync: () => import('./pages/sync/sync-page.tsx'),
  settings: () => import('./pages/settings/settings-page.tsx'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/**
 * Starts fetching the chunk of the page a deep link opens, while the session is still being read,
 * instead of after the shell has rendered. import() caches, so React.lazy reuses the same load.
 */
export function preloadRoute(route: Route): void {
  if (hasLoader(route.name)) void loaders[route.name]().catch(() => undefined);
}

function hasLoader(name: Route['name']): name is keyof typeof loaders {
  return Object.hasOwn(loaders, name);
}

const DashboardPage = lazy(() => loaders.dashboard().then((m) => ({ default: m.DashboardPage })));
const AreaPage = lazy(() => loaders.area().then((m) => ({ default: m.AreaPage })));
const ObjectivePage = lazy(() => loaders.objective().then((m) => ({ default: m.ObjectivePage })));
const PhasePage = lazy(() => loaders.phase().then((m) => ({ default: m.PhasePage })));
const SearchPage = lazy(() => loaders.search().then((m) => ({ default: m.SearchPage })));
const SyncPage = lazy(() => loaders.sync().then((m) => ({ default: m.SyncPage })));
const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));

function NotFound() {
  const { t } = useT();
  return (
    <>
      <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
      <p>{t('app.pageNotFoundBody')}</p>
      <Link href={paths.home()}>{t('app.backHome')}</Link>
    </>
  );
}

/** The page for the current address. */
export function RouteView() {
  const route = useRoute();
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'area':
      return <AreaPage key={route.id} id={route.id} />;
    case 'objective':
      return <ObjectivePage key={route.id} id={route.id} />;
    case 'phase':
      return <PhasePage key={route.id} id={route.id} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'notFound':
      return <NotFound />;
  }
}
