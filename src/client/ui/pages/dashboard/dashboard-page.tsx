import { useEffect, useMemo } from 'react';
import { useT } from '../../../i18n/use-t.ts';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { ProgressLegend } from '../../components/progress-legend.tsx';
import { useDataVersion } from '../../hooks/use-data-version.ts';
import { usePlanData } from '../../hooks/use-plan-data.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { paths } from '../../router/routes.ts';
import { dashboardFigures } from './dashboard-model.ts';
import { loadSnapshot, saveSnapshot, toSnapshot } from './dashboard-snapshot.ts';
import { PhaseCountsList } from './phase-counts-list.tsx';
import { WeightSetPicker } from './weight-set-picker.tsx';
import './dashboard.css';

/** Every area's weighted progress beside the progress expected by today, and the phase counts. */
export function DashboardPage() {
  const { t, date } = useT();
  const version = useDataVersion();
  const today = useToday();
  const [weightSet] = useWeightSet();
  // The figures computed last time from these very rows, if any: shown at once, and the plan is then
  // not read again until something changes (dashboard-snapshot.ts).
  const cached = useMemo(
    () => (version === undefined ? null : loadSnapshot(version, weightSet, today)),
    [version, weightSet, today],
  );
  const data = usePlanData(version !== undefined && cached === null);
  const live = useMemo(
    () => (data ? toSnapshot(data, dashboardFigures(data, weightSet, today)) : null),
    [data, weightSet, today],
  );
  useEffect(() => {
    if (data?.version && data.plan && live) saveSnapshot(data.version, weightSet, today, live);
  }, [data, live, weightSet, today]);
  const shown = cached ?? live;
  const hasPlan = cached !== null || (data !== undefined && data.plan !== null);
  return (
    <>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      {shown?.planTitle && (
        <p className="lead">
          {shown.enteName && <>{shown.enteName} · </>}
          {shown.planTitle} · {t('dashboard.asOf', { date: date(today) })}
        </p>
      )}
      <WeightSetPicker />
      {!shown ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : !hasPlan ? (
        <p className="muted">{t('home.noData')}</p>
      ) : (
        <>
          <section className="card plan-summary" aria-labelledby="plan-summary-title">
            <h2 id="plan-summary-title">{t('dashboard.plan')}</h2>
            <ProgressLegend />
            <ProgressBar value={shown.plan.progress} expected={shown.plan.expected} size="large" />
            <h3 className="visually-hidden">{t('dashboard.counts')}</h3>
            <PhaseCountsList counts={shown.plan.counts} />
          </section>
          <section aria-labelledby="areas-title">
            <h2 id="areas-title">{t('dashboard.areas')}</h2>
            <ul className="plain-list area-list">
              {shown.areas.map((area) => (
                <li key={area.id} className="card area-card">
                  <h3>
                    <Link href={paths.area(area.id)}>{area.name}</Link>
                  </h3>
                  {area.head && <p className="small muted">{t('dashboard.head', { name: area.head })}</p>}
                  <ProgressBar value={area.progress} expected={area.expected} />
                  <PhaseCountsList counts={area.counts} compact />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
