import { useState } from 'react';
import {
  closeRoundGate,
  mayCloseRound,
  mayReportInArea,
  reportGate,
} from '../../../../domain/monitoring-rules.ts';
import { snapshotFigures } from '../../../../domain/snapshot-figures.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';
import { paths } from '../../router/routes.ts';
import { ConfirmCycleChange } from '../evaluation/confirm-cycle-change.tsx';
import { cycleChange } from '../evaluation/cycle-form.tsx';
import { PlanLockedNotice } from '../evaluation/plan-locked-notice.tsx';
import { ExtraCatalogContext } from '../evaluation/use-eval-t.ts';
import { useSavedNotice } from '../plan-amend/use-saved-notice.ts';
import { PrintBar } from '../reports/print-bar.tsx';
import { ObjectiveReport } from './objective-report.tsx';
import { groupByArea, LateList, ObjectiveFiguresLine, SummaryTable } from './snapshot-parts.tsx';
import { planEndOf, useSnapshot, type SnapshotData } from './use-monitoring.ts';
import { MON_CATALOG, useMonT, type MonT } from './use-mon-t.ts';
import '../reports/reports.css';
import './monitoring.css';

/**
 * The mid-year monitoring report of one snapshot: its figures computed from the frozen rows alone
 * (snapshotFigures, never the live phases), so they stay what they were whatever changes later;
 * per objective the head's report, written right here by the area's head while the round is open;
 * the admin's close of the round. Printable (reports.css), and read from the device, offline too.
 */
export function SnapshotPage({ planId, snapshotId }: { planId: string; snapshotId: string }) {
  return (
    <ExtraCatalogContext.Provider value={MON_CATALOG}>
      <SnapshotContent planId={planId} snapshotId={snapshotId} />
    </ExtraCatalogContext.Provider>
  );
}

function SnapshotContent({ planId, snapshotId }: { planId: string; snapshotId: string }) {
  const tr = useMonT();
  const { t } = tr;
  const data = useSnapshot(planId, snapshotId);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p className="alert">{t('mon.report.notFound')}</p>
      </>
    );
  }
  return <SnapshotReport data={data} tr={tr} />;
}

function SnapshotReport({ data, tr }: { data: SnapshotData; tr: MonT }) {
  const { t } = tr;
  const { plan, snapshot, areas, objectives, phases, reports, pendingReports } = data;
  const { user } = useSession();
  const names = useUserNames();
  const [weightSet] = useWeightSet();
  const figures = snapshotFigures(
    snapshot,
    areas.map((a) => a.id),
    weightSet,
    planEndOf(plan),
  );
  const areaNames = new Map(areas.map((a) => [a.id, a.name]));
  const status = plan.status ?? 'approved';
  const roundClosed = snapshot.roundClosedAt != null;
  const writable = reportGate(status, roundClosed).ok;
  const title = t('mon.report.title', { label: snapshot.label });
  return (
    <div className="report-page monitoring-page">
      <p className="report-running-header" aria-hidden="true">
        {t('report.runningHeader', { title: plan.title })}
      </p>
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          { href: paths.plan(plan.id), label: plan.title },
          { href: paths.planMonitoring(plan.id), label: t('mon.title') },
        ]}
      />
      <PageTitle title={title} className="detail-title">
        <span className="title-kicker">{plan.title}</span>
        {title}
      </PageTitle>
      <PrintBar tr={tr} />
      <ul className="report-meta">
        <li>{t('mon.report.meta.asOf', { date: tr.dayDate(snapshot.asOf) })}</li>
        <li>
          {t('mon.report.meta.takenAt', {
            when: tr.dateTime(snapshot.takenAt),
            name: names.get(snapshot.takenBy) ?? '',
          })}
        </li>
        <li>{`${t('dashboard.weightSet')}: ${t(`dashboard.weightSet.${weightSet}`)}`}</li>
        <li>{t('mon.report.meta.frozen')}</li>
      </ul>
      <PlanLockedNotice plan={plan} />
      {roundClosed && (
        <p className="alert alert-warning" role="note">
          {t('mon.report.closedNotice', {
            when: tr.dateTime(snapshot.roundClosedAt ?? ''),
            name: names.get(snapshot.roundClosedBy ?? '') ?? '',
          })}
        </p>
      )}
      {snapshot.pending ? (
        <p className="alert alert-warning" role="note">
          {t('mon.report.pending')}
        </p>
      ) : (
        <>
          <section className="report-section" aria-labelledby="mon-summary">
            <h2 id="mon-summary">{t('mon.report.summaryTitle')}</h2>
            <SummaryTable
              tr={tr}
              asOf={snapshot.asOf}
              plan={figures.plan}
              areas={figures.areas}
              areaNames={areaNames}
            />
            <h3>{t('mon.report.late.title')}</h3>
            <LateList
              tr={tr}
              late={figures.plan.late}
              objectives={objectives}
              phases={phases}
              areaNames={areaNames}
            />
          </section>
          {groupByArea(areas, figures.objectives, objectives).map((group) => {
            const area = figures.areas.find((a) => a.areaId === group.areaId);
            const headingId = `mon-area-${group.areaId}`;
            return (
              <section key={group.areaId} className="report-section report-area" aria-labelledby={headingId}>
                <h2 id={headingId}>{group.area?.name ?? group.areaId}</h2>
                {area && (
                  <p>
                    {t('mon.report.objective.figures', {
                      progress: tr.pct(area.progress),
                      expected: tr.pct(area.expected),
                    })}
                  </p>
                )}
                {group.objectives.map((f) => {
                  const live = objectives.get(f.objectiveId);
                  const number = live?.number ?? '';
                  const objectiveHeading = `mon-objective-${f.objectiveId}`;
                  return (
                    <article
                      key={f.objectiveId}
                      className="report-objective mon-objective"
                      aria-labelledby={objectiveHeading}
                    >
                      <h3 id={objectiveHeading}>
                        {t('mon.report.objective', { number, title: live?.title ?? '' })}
                      </h3>
                      <ObjectiveFiguresLine tr={tr} figures={f} />
                      <ObjectiveReport
                        tr={tr}
                        snapshotId={snapshot.id}
                        objectiveId={f.objectiveId}
                        number={number}
                        report={reports.get(f.objectiveId)}
                        pending={pendingReports.has(f.objectiveId)}
                        editable={writable && mayReportInArea(user, f.areaId)}
                      />
                    </article>
                  );
                })}
              </section>
            );
          })}
          {!roundClosed && mayCloseRound(user.role) && closeRoundGate(status).ok && (
            <CloseRound tr={tr} snapshotId={snapshot.id} label={snapshot.label} />
          )}
        </>
      )}
    </div>
  );
}

/** The admin's close of the round, after a confirmation; the page then turns read-only. */
function CloseRound({ tr, snapshotId, label }: { tr: MonT; snapshotId: string; label: string }) {
  const { t } = tr;
  const [confirming, setConfirming] = useState(false);
  const { saved, ref, markSaved } = useSavedNotice();
  return (
    <section className="report-section card report-screen-only" aria-labelledby="mon-close-title">
      <h2 id="mon-close-title">{t('mon.close.title')}</h2>
      <p>{t('mon.close.intro')}</p>
      <div role="status">
        {saved && (
          <p ref={ref} tabIndex={-1} className="alert alert-success">
            {t('mon.close.queued')}
          </p>
        )}
      </div>
      {confirming ? (
        <ConfirmCycleChange
          id="mon-close-confirm"
          title={t('mon.close.confirmTitle', { label })}
          body={t('mon.close.confirmBody')}
          confirmLabel="mon.close.confirm"
          cancelLabel="eval.cancel"
          change={cycleChange('snapshot.closeRound', { snapshotId })}
          onDone={() => {
            setConfirming(false);
            markSaved();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          {t('mon.close.button')}
        </button>
      )}
    </section>
  );
}
