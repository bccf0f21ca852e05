import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { paths } from '../../router/routes.ts';
import { useAdminT } from '../admin-common/use-admin-t.ts';

/**
 * An admin page's address opened by another role: a notice instead of the page. Its own small chunk,
 * so neither the admin pages nor their requests are ever reached.
 */
export function AdminReservedPage() {
  const { t } = useAdminT();
  return (
    <>
      <PageTitle title={t('admin.reserved')}>{t('admin.reserved')}</PageTitle>
      <p>{t('admin.reservedBody')}</p>
      <Link href={paths.home()}>{t('app.backHome')}</Link>
    </>
  );
}
