import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useT } from '../../../i18n/use-t.ts';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { ProgressLegend } from '../../components/progress-legend.tsx';
import { useDataVersion } from '../../hooks/use-data-version.ts';
import { useCoreStored } from '../../hooks/use-core-stored.ts';
import { usePlanData } from '../../hooks/use-plan-data.ts';
import { useSelectedPlan } from '../../hooks/use-selected-plan.ts';
import { YearClosedNotice } from '../../components/year-closed-notice.tsx';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { paths } from '../../router/routes.ts';
import { dashboardFigures } from './dashboard-model.ts';
import { loadSnapshot, saveSnapshot, toSnapshot } from './dashboard-snapshot.ts';
import { PhaseCountsList } from './phase-counts-list.tsx';
import { WeightSetPicker } from './weight-set-picker.tsx';
import './dashboard.css';

// The Nucleo's scores: the evaluation chunk's, with its catalog (most users see none while open).
const ScoresSection = lazy(() =>
  import('../evaluation/scores-section.tsx').then((m) => ({ default: m.ScoresSection })),
);

// "Confronta con il monitoraggio del …": the snapshots, the comparison and their catalog, lazily.
const SnapshotCompare = lazy(() =>
  import('./snapshot-compare.tsx').then((m) => ({ default: m.SnapshotCompare })),
);

/** Every area's weighted progress beside the progress expected by today, and the phase counts. */
export function DashboardPage() {
  const { t, date } = useT();
  const version = useDataVersion();
  const selected = useSelectedPlan();
  const planId = selected?.plan?.id;
  // A plan whose year is over is seen as of 31/12 of its year (choose-plan.ts).
  const today = selected?.asOf;
  // The snapshot's day key also names the plan: the same rows give other figures for another plan.
  const snapshotKey = today === undefined ? undefined : `${today}|${planId ?? '-'}`;
  const [weightSet] = useWeightSet();
  // The figures computed last time from these very rows, if any: shown at once, and the plan is then
  // not read again until something changes (dashboard-snapshot.ts).
  const cached = useMemo(
    () =>
      version === undefined || snapshotKey === undefined
        ? null
        : loadSnapshot(version, weightSet, snapshotKey),
    [version, weightSet, snapshotKey],
  );
  // While a first sync stores the core, the plan is not on the device yet (useCoreStored).
  const coreStored = useCoreStored();
  const data = usePlanData(
    selected ? (planId ?? null) : undefined,
    version !== undefined && cached === null && coreStored === true,
  );
  const live = useMemo(
    () => (data && today ? toSnapshot(data, dashboardFigures(data, weightSet, today)) : null),
    [data, weightSet, today],
  );
  useEffect(() => {
    if (data?.version && data.plan && live && snapshotKey)
      saveSnapshot(data.version, weightSet, snapshotKey, live);
  }, [data, live, weightSet, snapshotKey]);
  const shown = cached ?? live;
  const hasPlan = cached !== null || (data !== undefined && data.plan !== null);
  return (
    <>
      <PageTitle title={t('dashboard.title')}>{t('dashboard.title')}</PageTitle>
      {/* The lead line and the plan's link hold their place while the plan loads: nothing below them
          moves when they fill in (Lighthouse measured a layout shift of the weight-set picker). */}
      <p className="lead">
        {shown?.planTitle ? (
          <>
            {shown.enteName && <>{shown.enteName} · </>}
            {shown.planTitle}
            {today && <> · {t('dashboard.asOf', { date: date(today) })}</>}
          </>
        ) : (
          '\u00a0'
        )}
      </p>
      {shown && selected?.closedOn && (
        <YearClosedNotice closedOn={selected.closedOn} counts={shown.plan.counts} />
      )}
      <p>{selected?.plan ? <Link href={paths.plan(selected.plan.id)}>{t('plan.open')}</Link> : '\u00a0'}</p>
      <WeightSetPicker />
      {!shown && coreStored === false ? (
        <p className="muted">{t('home.noData')}</p>
      ) : !shown ? (
        <p className="page-loading">{t('app.loading')}</p>
      ) : !hasPlan ? (
        <p className="muted">{t('home.noData')}</p>
      ) : (
        <>
          <section className="card plan-summary" aria-labelledby="plan-summary-title">
            <h2 id="plan-summary-title">{t('dashboard.plan')}</h2>
            <ProgressLegend closedOn={selected?.closedOn ?? null} />
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
          {/* Lazy and only for some users: below the areas, so their arrival moves nothing on screen. */}
          <Suspense fallback={null}>
            <ScoresSection planId={planId} />
          </Suspense>
          {planId && today && (
            <Suspense fallback={null}>
              <SnapshotCompare planId={planId} weightSet={weightSet} asOf={today} areas={shown.areas} />
            </Suspense>
          )}
        </>
      )}
    </>
  );
}
