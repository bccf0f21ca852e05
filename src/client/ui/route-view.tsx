import { useT } from '../i18n/use-t.ts';
import { Link } from './components/link.tsx';
import { PageTitle } from './components/page-title.tsx';
import { useRoute } from './hooks/use-route.ts';
import { useSession } from './hooks/use-session.ts';
import { canAdminister } from './permissions.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { retryableLazy } from './router/retryable-lazy.ts';
import { isAdminRoute, loaders } from './router/route-loaders.ts';
import { paths } from './router/routes.ts';

// Every page but the first ("Il mio lavoro") is its own chunk (router/route-loaders.ts).
const DashboardPage = retryableLazy(() => loaders.dashboard().then((m) => m.DashboardPage));
const AreaPage = retryableLazy(() => loaders.area().then((m) => m.AreaPage));
const ObjectivePage = retryableLazy(() => loaders.objective().then((m) => m.ObjectivePage));
const EvidencePage = retryableLazy(() => loaders.objectiveEvidence().then((m) => m.EvidencePage));
const PhasePage = retryableLazy(() => loaders.phase().then((m) => m.PhasePage));
const SearchPage = retryableLazy(() => loaders.search().then((m) => m.SearchPage));
const SyncPage = retryableLazy(() => loaders.sync().then((m) => m.SyncPage));
const SettingsPage = retryableLazy(() => loaders.settings().then((m) => m.SettingsPage));
const AdminUsersPage = retryableLazy(() => loaders.adminUsers().then((m) => m.AdminUsersPage));
// Another role typing an admin address gets this notice (its own chunk), never the admin pages.
const AdminReservedPage = retryableLazy(() =>
  import('./pages/admin-reserved/admin-reserved-page.tsx').then((m) => m.AdminReservedPage),
);
const PlanAmendmentsPage = retryableLazy(() => loaders.planAmendments().then((m) => m.PlanAmendmentsPage));
const WhatChangedPage = retryableLazy(() => loaders.planChanges().then((m) => m.WhatChangedPage));
const RelazionePage = retryableLazy(() => loaders.planReport().then((m) => m.RelazionePage));
const MonitoringPage = retryableLazy(() => loaders.planMonitoring().then((m) => m.MonitoringPage));
const SnapshotPage = retryableLazy(() => loaders.planSnapshot().then((m) => m.SnapshotPage));
const AdminAuditPage = retryableLazy(() => loaders.adminAudit().then((m) => m.AdminAuditPage));
const PlanImportPage = retryableLazy(() => loaders.planImport().then((m) => m.PlanImportPage));
const PlanPage = retryableLazy(() => loaders.plan().then((m) => m.PlanPage));

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
