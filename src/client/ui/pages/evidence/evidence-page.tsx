import { useMemo } from 'react';
import { evidenceByMonth } from '../../../../domain/evidence-timeline.ts';
import type { ObjectiveWeights } from '../../../../domain/plan.ts';
import { objectiveProgress } from '../../../../domain/progress.ts';
import { objectiveIsCounted } from '../../../../domain/weights.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useToday } from '../../hooks/use-today.ts';
import { paths } from '../../router/routes.ts';
import { PrintBar } from '../reports/print-bar.tsx';
import { EvidenceItem } from './evidence-entry.tsx';
import { useEvidence } from './use-evidence.ts';
import { useEvidenceT, type EvidenceT } from './use-evidence-t.ts';
import '../reports/reports.css';
import './evidence.css';

const monthNames: Record<string, Intl.DateTimeFormat> = {};

/** 'YYYY-MM' as the locale names it: "maggio 2022". */
function monthName(tr: EvidenceT, month: string): string {
  const format = (monthNames[tr.locale] ??= new Intl.DateTimeFormat(tr.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }));
  const ms = Date.parse(`${month}-15T12:00:00Z`);
  return Number.isNaN(ms) ? month : format.format(ms);
}

function weight(tr: EvidenceT, weights: ObjectiveWeights, key: keyof ObjectiveWeights): string {
  const value = weights[key];
  return value === null ? tr.t('objective.weightMissing') : tr.number(value, 2);
}

/**
 * The evidence pack of an objective (Fascicolo delle evidenze): its header, then everything recorded
 * on it by month, oldest first — notes with their photos, status and percent changes with who and
 * when, conflicts, amendments, monitoring figures, the Nucleo's verdicts. From the device's rows (so
 * it opens offline), laid out for print: the browser's "Salva come PDF" is the PDF (reports.css).
 */
export function EvidencePage({ objectiveId }: { objectiveId: string }) {
  const tr = useEvidenceT();
  const { t } = tr;
  const today = useToday();
  const data = useEvidence(objectiveId);
  const months = useMemo(() => (data ? evidenceByMonth(data.entries) : []), [data]);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p className="alert">{t('evidence.notOnDevice')}</p>
      </>
    );
  }
  const { objective, area, phases, entries } = data;
  const counted = objectiveIsCounted(objective);
  return (
    <div className="report-page evidence-page">
      <p className="report-running-header" aria-hidden="true">
        {t('evidence.runningHeader', {
          title: `${t('objective.label', { number: objective.number })} · ${objective.title}`,
        })}
      </p>
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          ...(area ? [{ href: paths.area(area.id), label: area.name }] : []),
          { href: paths.objective(objective.id), label: t('objective.label', { number: objective.number }) },
        ]}
      />
      <PageTitle title={t('evidence.documentTitle', { number: objective.number })} className="detail-title">
        <span className="title-kicker">{t('evidence.kicker', { number: objective.number })}</span>
        {objective.title}
      </PageTitle>
      <PrintBar tr={tr} />
      <p>{t('evidence.intro')}</p>
      <dl className="report-facts evidence-facts">
        <dt>{t('evidence.area')}</dt>
        <dd>{area?.name ?? '—'}</dd>
        <dt>{t('evidence.number')}</dt>
        <dd>{objective.number}</dd>
        <dt>{t('evidence.indicator')}</dt>
        <dd>{objective.indicator || '—'}</dd>
        <dt>{t('evidence.weight')}</dt>
        <dd>
          {t('evidence.weightValue', {
            nucleo: weight(tr, objective.weights, 'nucleo'),
            giunta: weight(tr, objective.weights, 'giunta'),
            head: weight(tr, objective.weights, 'head'),
          })}
        </dd>
        <dt>{t('evidence.state')}</dt>
        <dd>
          {t(`objectiveState.${objective.state}`)}
          {objective.motivation && <> · {objective.motivation}</>}
        </dd>
        {counted && (
          <>
            <dt>{t('evidence.progress')}</dt>
            <dd>{tr.pct(objectiveProgress(objective, phases))}</dd>
          </>
        )}
      </dl>
      <p className="muted small">{t('evidence.asOf', { date: tr.dayDate(today) })}</p>
      <section className="report-section" aria-labelledby="evidence-timeline">
        <h2 id="evidence-timeline">
          {t('evidence.timeline')}{' '}
          <span className="muted small">({t('evidence.count', { count: entries.length })})</span>
        </h2>
        {entries.length === 0 && <p>{t('evidence.empty')}</p>}
        {months.map((m) => (
          <section key={m.month} className="evidence-month" aria-labelledby={`evidence-month-${m.month}`}>
            <h3 id={`evidence-month-${m.month}`}>{monthName(tr, m.month)}</h3>
            <ol className="plain-list evidence-list">
              {m.entries.map((entry) => (
                <EvidenceItem key={`${entry.kind}:${entry.id}`} entry={entry} tr={tr} />
              ))}
            </ol>
          </section>
        ))}
      </section>
    </div>
  );
}
