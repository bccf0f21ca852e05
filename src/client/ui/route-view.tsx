import { lazy } from 'react';
import { useT } from '../i18n/use-t.ts';
import { Link } from './components/link.tsx';
import { PageTitle } from './components/page-title.tsx';
import { useRoute } from './hooks/use-route.ts';
import { useSession } from './hooks/use-session.ts';
import { canAdminister } from './permissions.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { isAdminRoute, loaders } from './router/route-loaders.ts';
import { paths } from './router/routes.ts';

// Every page but the first ("Il mio lavoro") is its own chunk (router/route-loaders.ts).
const DashboardPage = lazy(() => loaders.dashboard().then((m) => ({ default: m.DashboardPage })));
const AreaPage = lazy(() => loaders.area().then((m) => ({ default: m.AreaPage })));
const ObjectivePage = lazy(() => loaders.objective().then((m) => ({ default: m.ObjectivePage })));
const EvidencePage = lazy(() => loaders.objectiveEvidence().then((m) => ({ default: m.EvidencePage })));
const PhasePage = lazy(() => loaders.phase().then((m) => ({ default: m.PhasePage })));
const SearchPage = lazy(() => loaders.search().then((m) => ({ default: m.SearchPage })));
const SyncPage = lazy(() => loaders.sync().then((m) => ({ default: m.SyncPage })));
const SettingsPage = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsPage })));
const AdminUsersPage = lazy(() => loaders.adminUsers().then((m) => ({ default: m.AdminUsersPage })));
// Another role typing an admin address gets this notice (its own chunk), never the admin pages.
const AdminReservedPage = lazy(() =>
  import('./pages/admin-reserved/admin-reserved-page.tsx').then((m) => ({ default: m.AdminReservedPage })),
);
const PlanAmendmentsPage = lazy(() =>
  loaders.planAmendments().then((m) => ({ default: m.PlanAmendmentsPage })),
);
const WhatChangedPage = lazy(() => loaders.planChanges().then((m) => ({ default: m.WhatChangedPage })));
const RelazionePage = lazy(() => loaders.planReport().then((m) => ({ default: m.RelazionePage })));
const MonitoringPage = lazy(() => loaders.planMonitoring().then((m) => ({ default: m.MonitoringPage })));
const SnapshotPage = lazy(() => loaders.planSnapshot().then((m) => ({ default: m.SnapshotPage })));
const AdminAuditPage = lazy(() => loaders.adminAudit().then((m) => ({ default: m.AdminAuditPage })));
const PlanImportPage = lazy(() => loaders.planImport().then((m) => ({ default: m.PlanImportPage })));
const PlanPage = lazy(() => loaders.plan().then((m) => ({ default: m.PlanPage })));

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
  const { user } = useSession();
  if (isAdminRoute(route.name) && !canAdminister(user)) return <AdminReservedPage />;
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'area':
      return <AreaPage key={route.id} id={route.id} />;
    case 'objective':
      return <ObjectivePage key={route.id} id={route.id} />;
    case 'objectiveEvidence':
      return <EvidencePage key={route.id} objectiveId={route.id} />;
    case 'phase':
      return <PhasePage key={route.id} id={route.id} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'adminUsers':
      return <AdminUsersPage />;
    case 'adminAudit':
      return <AdminAuditPage />;
    case 'planImport':
      return <PlanImportPage />;
    case 'plan':
      return <PlanPage key={route.id} id={route.id} />;
    case 'planAmendments':
      return <PlanAmendmentsPage key={route.id} planId={route.id} />;
    case 'planChanges':
      return <WhatChangedPage key={route.id} planId={route.id} />;
    case 'planReport':
      return <RelazionePage key={route.id} planId={route.id} />;
    case 'planMonitoring':
      return <MonitoringPage key={route.id} planId={route.id} />;
    case 'planSnapshot':
      return (
        <SnapshotPage
          key={`${route.id}/${route.snapshotId}`}
          planId={route.id}
          snapshotId={route.snapshotId}
        />
      );
    case 'notFound':
      return <NotFound />;
  }
}
