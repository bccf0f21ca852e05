import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { paths } from '../../router/routes.ts';
import { AmendmentList } from './amendment-list.tsx';
import { useAmendments } from './use-amendments.ts';
import { useAmendT } from './use-amend-t.ts';

/** The register of a plan's amendments (a page of its own, lazily loaded). */
export function PlanAmendmentsPage({ planId }: { planId: string }) {
  const { t } = useAmendT();
  const data = useAmendments({ planId });
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p>{t('amend.planNotFound')}</p>
      </>
    );
  }
  const title = t('amend.register.planTitle', { year: String(data.plan.year ?? data.plan.years.join('–')) });
  return (
    <>
      <Breadcrumb items={[{ href: paths.dashboard(), label: t('dashboard.title') }]} />
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href={paths.planChanges(planId)}>{t('amend.changes.link')}</Link>
      </p>
      <AmendmentList data={data} headingLevel={2} />
    </>
  );
}
