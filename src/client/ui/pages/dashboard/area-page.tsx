import { lazy, Suspense, useMemo } from 'react';
import { useT } from '../../../i18n/use-t.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useAreaData } from '../../hooks/use-plan-data.ts';
import { useToday } from '../../hooks/use-today.ts';
import { planAsOf, planYear } from '../../plan-choice/choose-plan.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { paths } from '../../router/routes.ts';
import { areaDetail } from './dashboard-model.ts';
import { PhaseCountsList } from './phase-counts-list.tsx';
import { WeightSetPicker } from './weight-set-picker.tsx';
import './dashboard.css';

// Editing controls and the register links are their own chunk (amend catalogs included).
const AreaEditSection = lazy(() =>
  import('../plan-amend/area-edit-section.tsx').then((m) => ({ default: m.AreaEditSection })),
);
const PlanAmendLinks = lazy(() =>
  import('../plan-amend/plan-links.tsx').then((m) => ({ default: m.PlanAmendLinks })),
);
const PlanLockedNotice = lazy(() =>
  import('../evaluation/plan-locked-notice.tsx').then((m) => ({ default: m.PlanLockedNotice })),
);
// The chart of progress over the year: SVG, the phase history and its catalog, off the first screen.
const AreaProgressChart = lazy(() =>
  import('./progress-chart.tsx').then((m) => ({ default: m.AreaProgressChart })),
);
// The Nucleo's scores of the area: the evaluation chunk's, with its catalog.
const ScoresSection = lazy(() =>
  import('../evaluation/scores-section.tsx').then((m) => ({ default: m.ScoresSection })),
);

/** One area: its weighted progress, each evaluated objective, and the objectives set aside. */
export function AreaPage({ id }: { id: string }) {
  const { t, tn } = useT();
  const data = useAreaData(id);
  // The area's own plan is seen as of 31/12 of its year once that is over (choose-plan.ts).
  const actualToday = useToday();
  const today = planAsOf(data?.plan, actualToday);
  const [weightSet] = useWeightSet();
  const detail = useMemo(
    () => (data ? areaDetail(data, id, weightSet, today) : undefined),
    [data, id, weightSet, today],
  );
  if (detail === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (detail === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p>{t('dashboard.areaNotFound')}</p>
      </>
    );
  }
  const { area } = detail;
  const year = (data?.plan && planYear(data.plan)) ?? Number(today.slice(0, 4));
  return (
    <>
      <Breadcrumb items={[{ href: paths.dashboard(), label: t('dashboard.title') }]} />
      <PageTitle title={area.name}>{area.name}</PageTitle>
      {area.head && <p className="lead">{t('dashboard.head', { name: area.head })}</p>}
      {data?.plan?.status === 'closed' && (
        <Suspense fallback={null}>
          <PlanLockedNotice plan={data.plan} />
        </Suspense>
      )}
      <WeightSetPicker />
      <section className="card plan-summary" aria-labelledby="area-summary-title">
        <h2 id="area-summary-title" className="visually-hidden">
          {t('dashboard.areaProgress')}
        </h2>
        <ProgressBar value={detail.progress} expected={detail.expected} size="large" />
        <PhaseCountsList counts={detail.counts} />
      </section>
      {data && (
        <Suspense fallback={null}>
          <AreaProgressChart
            objectives={data.objectives}
            phases={data.phases}
            weightSet={weightSet}
            year={year}
            asOf={today}
            planEnd={data.planEnd}
            closed={today !== actualToday}
          />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <ScoresSection planId={area.planId} areaId={area.id} />
      </Suspense>
      <section aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t('dashboard.objectives')}</h2>
        <ul className="plain-list">
          {detail.objectives.map(({ objective, progress, expected, counts, phaseCount }) => (
            <li key={objective.id} className="card objective-card">
              <p className="small muted">
                {t('objective.label', { number: objective.number })} ·{' '}
                {tn('dashboard.phaseCount', phaseCount)}
                {objective.state === 'modified' && <> · {t('objectiveState.modified')}</>}
              </p>
              <h3>
                <Link href={paths.objective(objective.id)}>{objective.title}</Link>
              </h3>
              <ProgressBar value={progress} expected={expected} />
              <PhaseCountsList counts={counts} compact />
            </li>
          ))}
        </ul>
      </section>
      {detail.setAside.length > 0 && (
        <section aria-labelledby="set-aside-title" className="set-aside">
          <h2 id="set-aside-title">{t('dashboard.removed')}</h2>
          <p className="muted">{t('dashboard.removedIntro')}</p>
          <ul className="plain-list">
            {detail.setAside.map((objective) => (
              <li key={objective.id} className="card set-aside-card">
                <p className="small">
                  <span className="badge badge-set-aside">{t(`objectiveState.${objective.state}`)}</span>{' '}
                  {t('objective.label', { number: objective.number })}
                </p>
                <h3>
                  <Link href={paths.objective(objective.id)}>
                    {objective.title || t('objective.label', { number: objective.number })}
                  </Link>
                </h3>
                <details className="motivation">
                  <summary>{t('objective.motivation')}</summary>
                  <p>{objective.motivation ?? t('dashboard.noMotivation')}</p>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Suspense fallback={null}>
        <AreaEditSection area={area} />
        <PlanAmendLinks planId={area.planId} />
      </Suspense>
    </>
  );
}
