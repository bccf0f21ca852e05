import { lazy, Suspense, useState } from 'react';
import type { Act } from '../../../../shared/plan-mutations.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { usePlanRecord } from '../../hooks/use-plan-record.ts';
import { useSelectedPlan } from '../../hooks/use-selected-plan.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { canAdminister } from '../../permissions.ts';
import { planYear } from '../../plan-choice/choose-plan.ts';
import { paths } from '../../router/routes.ts';
import { ApproveForm } from './approve-form.tsx';
import { PlanExport } from './plan-export.tsx';
import { RolloverForm } from './rollover-form.tsx';
import { useApprovePlan } from './use-approve-plan.ts';
import { actBodyLabel, usePlanT } from './use-plan-t.ts';
import './plan-import.css';

// The close of the year and the scoring method: the evaluation chunk's, with its catalog.
const PlanCycleSection = lazy(() =>
  import('../evaluation/plan-cycle-section.tsx').then((m) => ({ default: m.PlanCycleSection })),
);

/**
 * A plan: its state, years, acts and history, the exports (every role that sees it), the choice of
 * showing it, and on a draft the admin's approval. Read from the device, so it opens offline too.
 */
export function PlanPage({ id }: { id: string }) {
  const { t, date, dateTime } = usePlanT();
  const { user } = useSession();
  const plan = usePlanRecord(id);
  const selected = useSelectedPlan();
  const names = useUserNames();
  const queueApproval = useApprovePlan(id);
  // Kept here, not in the form: the approval applies on the device at once, the plan is no longer a
  // draft and the form goes away, while the notice must stay.
  const [approved, setApproved] = useState(false);
  const approve = async (act: Act) => {
    const outcome = await queueApproval(act);
    if (outcome.ok) setApproved(true);
    return outcome;
  };
  if (plan === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (plan === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p className="alert">{t('planPage.notOnDevice')}</p>
      </>
    );
  }
  const status = plan.status ?? 'approved';
  const year = String(planYear(plan) ?? '');
  const isShown = selected?.plan?.id === plan.id;
  return (
    <>
      <Breadcrumb items={[{ href: paths.dashboard(), label: t('dashboard.title') }]} />
      <PageTitle title={plan.title} className="detail-title">
        <span className="title-kicker">{t('planPage.title', { year })}</span>
        {plan.title}
      </PageTitle>
      <dl className="card plan-facts">
        <dt>{t('planPage.status')}</dt>
        <dd>
          <span className="badge">{t(`plan.status.${status}`)}</span>
        </dd>
        <dt>{t('planPage.year')}</dt>
        <dd>{year}</dd>
        {plan.years.length > 1 && (
          <>
            <dt>{t('planPage.years')}</dt>
            <dd>{`${Math.min(...plan.years)}–${Math.max(...plan.years)}`}</dd>
          </>
        )}
      </dl>
      {isShown ? (
        <p className="muted">{t('planPage.shown')}</p>
      ) : (
        selected && (
          <button type="button" className="btn btn-outline" onClick={() => void selected.select(plan.id)}>
            {t('planPage.show')}
          </button>
        )
      )}
      {(plan.acts ?? []).length > 0 && (
        <section className="section" aria-labelledby="plan-acts-title">
          <h2 id="plan-acts-title">{t('planPage.acts')}</h2>
          <ul className="plan-acts">
            {(plan.acts ?? []).map((act, i) => (
              <li key={i}>
                {t('import.act', { body: actBodyLabel(t, act.body), number: act.number })}
                {act.date && <> {t('import.actDate', { date: date(act.date) })}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(plan.events ?? []).length > 0 && (
        <section className="section" aria-labelledby="plan-events-title">
          <h2 id="plan-events-title">{t('planPage.events')}</h2>
          <ul className="plan-events">
            {(plan.events ?? []).map((event, i) => (
              <li key={i}>
                {t(`planPage.event.${event.kind}`)} · {dateTime(event.at)} · {names.get(event.userId) ?? ''}
                {event.reason && <> · {event.reason}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link href={paths.planAmendments(plan.id)}>{t('planPage.amendments')}</Link>
      </p>
      {status !== 'draft' && (
        <p>
          <Link href={paths.planReport(plan.id)}>{t('planPage.relazione')}</Link>
        </p>
      )}
      {status !== 'draft' && (
        <p>
          <Link href={paths.planMonitoring(plan.id)}>{t('planPage.monitoring')}</Link>
        </p>
      )}
      <div role="status">
        {approved && <p className="alert alert-success">{t('planPage.approveQueued')}</p>}
      </div>
      <Suspense fallback={null}>
        <PlanCycleSection plan={plan} />
      </Suspense>
      <PlanExport planId={plan.id} />
      {status === 'draft' && canAdminister(user) && <ApproveForm onApprove={approve} />}
      {status !== 'draft' && canAdminister(user) && <RolloverForm plan={plan} />}
    </>
  );
}
