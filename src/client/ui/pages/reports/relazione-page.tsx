import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useToday } from '../../hooks/use-today.ts';
import { paths } from '../../router/routes.ts';
import {
  AmendmentsTable,
  ObjectiveEntry,
  OutcomeTable,
  SummaryTable,
  scoreText,
} from './relazione-parts.tsx';
import { PrintBar } from './print-bar.tsx';
import { useRelazione } from './use-relazione.ts';
import { useReportT } from './use-report-t.ts';
import './reports.css';

/**
 * The Relazione sulla performance of a plan, drafted from the device's rows (so it opens offline),
 * laid out for print: the browser's "Salva come PDF" is the PDF (see reports.css for the page rules).
 */
export function RelazionePage({ planId }: { planId: string }) {
  const tr = useReportT();
  const { t, pct } = tr;
  const today = useToday();
  const data = useRelazione(planId, today);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p className="alert">{t('report.notOnDevice')}</p>
      </>
    );
  }
  const { plan, relazione: r } = data;
  const title = t('report.relazione.title', { year: String(r.year ?? '') });
  const scoring =
    r.scoring.kind === 'threshold'
      ? t('report.scoring.threshold', { threshold: r.scoring.threshold })
      : t('report.scoring.linear');
  return (
    <div className="report-page">
      <p className="report-running-header" aria-hidden="true">
        {t('report.runningHeader', { title: plan.title })}
      </p>
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          { href: paths.plan(plan.id), label: plan.title },
        ]}
      />
      <PageTitle title={title} className="detail-title">
        <span className="title-kicker">{plan.title}</span>
        {title}
      </PageTitle>
      <PrintBar tr={tr} />
      <p>{t('report.relazione.intro')}</p>
      <ul className="report-meta">
        <li>{t('report.asOf', { date: tr.dayDate(r.asOf) })}</li>
        <li>{t('report.planStatus', { status: t(`plan.status.${plan.status ?? 'approved'}`) })}</li>
        <li>{scoring}</li>
        <li>{t('report.weightSet')}</li>
      </ul>
      {!r.hasEvaluation && (
        <p className="alert alert-warning" role="note">
          {t('report.noEvaluation')}
        </p>
      )}
      <section className="report-section" aria-labelledby="report-summary">
        <h2 id="report-summary">{t('report.summary.title')}</h2>
        <SummaryTable relazione={r} tr={tr} />
        <OutcomeTable relazione={r} tr={tr} />
      </section>
      {r.areas.map((area) => (
        <section
          key={area.id}
          className="report-section report-area"
          aria-labelledby={`report-area-${area.id}`}
        >
          <h2 id={`report-area-${area.id}`}>{area.name}</h2>
          {area.head && <p>{t('report.area.head', { name: area.head })}</p>}
          <p className="report-area-totals">
            {t('report.area.totals', { progress: pct(area.progress), score: scoreText(tr, area.score) })}
          </p>
          {area.objectives.map((o) => (
            <ObjectiveEntry key={o.id} objective={o} tr={tr} hasEvaluation={r.hasEvaluation} />
          ))}
        </section>
      ))}
      <section className="report-section report-area" aria-labelledby="report-amendments">
        <h2 id="report-amendments">{t('report.amendments.title')}</h2>
        {r.amendments.length === 0 ? (
          <p>{t('report.amendments.none')}</p>
        ) : (
          <AmendmentsTable amendments={r.amendments} tr={tr} caption={t('report.amendments.title')} />
        )}
      </section>
    </div>
  );
}
