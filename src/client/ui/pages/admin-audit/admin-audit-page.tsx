import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { AdminShell, useFailureText } from '../admin-common/admin-shell.tsx';
import { useAdminAuth } from '../admin-common/use-admin-auth.ts';
import { AuditFiltersForm } from './audit-filters.tsx';
import { fetchAuditCsv, fetchAuditPage, NO_FILTERS, type AuditFilters } from './audit-query.ts';
import { AuditTable } from './audit-table.tsx';

/** Hands a Blob to the browser as a download (an object URL: the CSP allows no data: downloads). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the URL over; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function AuditTrail() {
  const { t } = useAdminT();
  const failureText = useFailureText();
  const auth = useAdminAuth();
  const names = useUserNames();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'done' | { error: unknown }>('idle');
  const audit = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) => fetchAuditPage(auth, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? null,
  });
  const users = useMemo(
    () => [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [names],
  );
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  const exportCsv = async () => {
    setExporting('busy');
    try {
      const { blob, name } = await fetchAuditCsv(auth, filters);
      download(blob, name);
      setExporting('done');
    } catch (error) {
      setExporting({ error });
    }
  };
  return (
    <>
      <AuditFiltersForm users={users} onApply={setFilters} />
      <div className="button-row admin-export">
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => void exportCsv()}
          disabled={exporting === 'busy'}
        >
          {exporting === 'busy' ? t('admin.audit.exporting') : t('admin.audit.export')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {exporting === 'done' && <p className="alert alert-success">{t('admin.audit.exported')}</p>}
        {typeof exporting === 'object' && (
          <p className="alert alert-danger">{failureText(exporting.error)}</p>
        )}
      </div>
      <section className="section" aria-labelledby="audit-entries-title">
        <h2 id="audit-entries-title">{t('admin.audit.entries')}</h2>
        {audit.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : audit.isError ? (
          <p className="alert alert-danger" role="alert">
            <Icon name="alert" />
            <span>{failureText(audit.error)}</span>
          </p>
        ) : entries.length === 0 ? (
          <p className="muted">{t('admin.audit.none')}</p>
        ) : (
          <>
            <AuditTable entries={entries} names={names} />
            <p className="muted small" role="status">
              {t('admin.audit.shown', { count: entries.length })}
            </p>
            {audit.hasNextPage && (
              <button
                type="button"
                className="btn btn-outline"
                disabled={audit.isFetchingNextPage}
                onClick={() => void audit.fetchNextPage()}
              >
                {audit.isFetchingNextPage ? t('app.loading') : t('admin.audit.more')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}

/** The audit trail (admin only): filters, entries newest first, more on demand, CSV export. */
export function AdminAuditPage() {
  return (
    <AdminShell title="admin.audit.pageTitle">
      <AuditTrail />
    </AdminShell>
  );
}
