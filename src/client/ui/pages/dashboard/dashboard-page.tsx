import { useMemo } from 'react';
import { useT } from '../../../i18n/use-t.ts';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { ProgressLegend } from '../../components/progress-legend.tsx';
import { usePlanData } from '../../hooks/use-plan-data.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { paths } from '../../router/routes.ts';
import { dashboardFigures } from './dashboard-model.ts';
import { PhaseCountsList } from './phase-counts-list.tsx';
import { WeightSetPicker } from './weight-set-picker.tsx';
import './dashboard.css';

/** Every area's weighted progress beside the progress expected by today, and the phase counts. */
export function DashboardPage() {
  const { t, date } = useT();
  const data = usePlanData();
  const today = useToday();
  const [weightSet] = useWeightSet();
  const figures = useMemo(
    () => (data ? dashboardFigures(data, weightSet, today) : null),
    [data, weightSet, today],
  );
  return (
    <>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      {data?.plan && (
        <p className="lead">
          {data.enteName && <>{data.enteName} · </>}
          {data.plan.title} · {t('dashboard.asOf', { date: date(today) })}
        </p>
      )}
      <WeightSetPicker />
      {!figures ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : !data?.plan ? (
        <p className="muted">{t('home.noData')}</p>
      ) : (
        <>
          <section className="card plan-summary" aria-labelledby="plan-summary-title">
            <h2 id="plan-summary-title">{t('dashboard.plan')}</h2>
            <ProgressLegend />
            <ProgressBar value={figures.plan.progress} expected={figures.plan.expected} size="large" />
            <h3 className="visually-hidden">{t('dashboard.counts')}</h3>
            <PhaseCountsList counts={figures.plan.counts} />
          </section>
          <section aria-labelledby="areas-title">
            <h2 id="areas-title">{t('dashboard.areas')}</h2>
            <ul className="plain-list area-list">
              {figures.areas.map(({ area, progress, expected, counts }) => (
                <li key={area.id} className="card area-card">
                  <h3>
                    <Link href={paths.area(area.id)}>{area.name}</Link>
                  </h3>
                  {area.head && <p className="small muted">{t('dashboard.head', { name: area.head })}</p>}
                  <ProgressBar value={progress} expected={expected} />
                  <PhaseCountsList counts={counts} compact />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
