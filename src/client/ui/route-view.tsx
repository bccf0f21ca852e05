import { lazy } from 'react';
import { useT } from '../i18n/use-t.ts';
import { Link } from './components/link.tsx';
import { PageTitle } from './components/page-title.tsx';
import { useRoute } from './hooks/use-route.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { paths } from './router/routes.ts';

// Every page but the first ("Il mio lavoro") is its own chunk, loaded on first visit (and precached
// by the service worker, so it opens offline too).
const DashboardPage = lazy(() =>
  import('./pages/dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const AreaPage = lazy(() => import('./pages/dashboard/area-page.tsx').then((m) => ({ default: m.AreaPage })));
const ObjectivePage = lazy(() =>
  import('./pages/objective/objective-page.tsx').then((m) => ({ default: m.ObjectivePage })),
);
const PhasePage = lazy(() => import('./pages/phase/phase-page.tsx').then((m) => ({ default: m.PhasePage })));
const SearchPage = lazy(() =>
  import('./pages/search/search-page.tsx').then((m) => ({ default: m.SearchPage })),
);
const SyncPage = lazy(() => import('./pages/sync/sync-page.tsx').then((m) => ({ default: m.SyncPage })));
const SettingsPage = lazy(() =>
  import('./pages/settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })),
);

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
