import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { AdminKey } from './use-admin-t.ts';
import { useAdminT } from './use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useRoute } from '../../hooks/use-route.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { paths } from '../../router/routes.ts';
import { AdminApiError } from './admin-api.ts';
import './admin.css';

// Users, sessions and the audit trail live on the server alone, so they are read through TanStack
// Query (cache, refetch after a change) rather than Dexie. The client is created in this lazily
// loaded chunk, so none of it weighs on the first screen.
//
// networkMode 'always': the shell itself shows the offline notice instead of the pages, and a lost
// connection comes back as an 'offline' failure. Query's own online flag would go stale: it stops
// listening while no admin page is mounted, so going offline on one, leaving, and coming back
// online left the next admin page paused on "Caricamento…" for good.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      // A refusal (401/403/400) will not change by asking again; a lost connection may.
      retry: (count, error) => count < 2 && error instanceof AdminApiError && error.failure === 'offline',
      staleTime: 10_000,
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

const TABS: { name: 'adminUsers' | 'adminAudit' | 'planImport'; href: string; label: AdminKey }[] = [
  { name: 'adminUsers', href: paths.adminUsers(), label: 'admin.tabUsers' },
  { name: 'adminAudit', href: paths.adminAudit(), label: 'admin.tabAudit' },
  { name: 'planImport', href: paths.planImport(), label: 'plan.importTab' },
];

/**
 * The frame of every admin page: its title, the links between the admin pages, and, offline, a
 * clear notice instead of the page (nothing of it can work without the server).
 */
export function AdminShell({ title, children }: { title: AdminKey; children: ReactNode }) {
  const { t } = useAdminT();
  const route = useRoute();
  const { status } = useSync();
  return (
    <QueryClientProvider client={queryClient}>
      <PageTitle title={t(title)}>{t(title)}</PageTitle>
      <nav aria-label={t('admin.navLabel')} className="admin-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.name}>
              <Link href={tab.href} aria-current={route.name === tab.name ? 'page' : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {status.online ? (
        children
      ) : (
        <div className="alert alert-warning" role="status">
          <Icon name="cloudOff" />
          <p>{t('admin.offline')}</p>
        </div>
      )}
    </QueryClientProvider>
  );
}

/** The words for a failed request: the server's own message when it sent one. */
export function useFailureText(): (error: unknown) => string {
  const { t } = useAdminT();
  return (error) => {
    if (!(error instanceof AdminApiError)) return t('admin.error.server');
    if (error.failure === 'offline') return t('admin.offline');
    if (error.failure === 'unauthorized') return t('admin.error.unauthorized');
    return error.serverMessage ?? t('admin.error.server');
  };
}
