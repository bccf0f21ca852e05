import type { ReactNode } from 'react';
import type {
  CauseNote,
  Outcome,
  OutcomeCounts,
  Relazione,
  RelazioneAmendment,
  RelazioneObjective,
} from '../../../../domain/relazione.ts';
import { OUTCOMES } from '../../../../domain/relazione.ts';
import type { ReportT } from './use-report-t.ts';

// The bodies an act may come from (shared/plan-mutations.ts ACT_BODIES), named in words.
const BODIES = ['giunta', 'consiglio', 'sindaco', 'dirigente', 'altro'] as const;

/**
 * A table that scrolls sideways on a phone: the scrolling box is a named region in the tab order, so a
 * keyboard can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="report-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="report-table">{children}</table>
    </div>
  );
}

/** A score as printed: a number up to one decimal, NV for "not evaluated", — when not evaluated yet. */
export function scoreText(tr: ReportT, score: number | null, achievement?: number | null): string {
  if (score !== null) return tr.number(score, 1);
  return achievement === null ? tr.t('report.nv') : tr.t('report.none');
}

export function SummaryTable({ relazione, tr }: { relazione: Relazione; tr: ReportT }) {
  const { t, pct } = tr;
  const objectives = (counts: OutcomeCounts) => String(OUTCOMES.reduce((n, o) => n + counts[o], 0));
  return (
    <ScrollTable label={t('report.summary.title')}>
      <caption>{t('report.summary.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.summary.area')}</th>
          <th scope="col">{t('report.summary.objectives')}</th>
          <th scope="col">{t('report.summary.progress')}</th>
          <th scope="col">{t('report.summary.score')}</th>
        </tr>
      </thead>
      <tbody>
        {relazione.areas.map((area) => (
          <tr key={area.id}>
            <th scope="row">{area.name}</th>
            <td>{objectives(area.counts)}</td>
            <td>{pct(area.progress)}</td>
            <td>{scoreText(tr, area.score)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('report.summary.ente')}</th>
          <td>{objectives(relazione.counts)}</td>
          <td>{pct(relazione.progress)}</td>
          <td>{scoreText(tr, relazione.score)}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

export function OutcomeTable({ relazione, tr }: { relazione: Relazione; tr: ReportT }) {
  const { t } = tr;
  const total = OUTCOMES.reduce((n, o) => n + relazione.counts[o], 0);
  return (
    <ScrollTable label={t('report.counts.title')}>
      <caption>{t('report.counts.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.outcome.label')}</th>
          {relazione.areas.map((a) => (
            <th scope="col" key={a.id}>
              {a.name}
            </th>
          ))}
          <th scope="col">{t('report.total')}</th>
        </tr>
      </thead>
      <tbody>
        {OUTCOMES.map((outcome: Outcome) => (
          <tr key={outcome}>
            <th scope="row">{t(`report.outcome.${outcome}`)}</th>
            {relazione.areas.map((a) => (
              <td key={a.id}>{String(a.counts[outcome])}</td>
            ))}
            <td>{String(relazione.counts[outcome])}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('report.total')}</th>
          {relazione.areas.map((a) => (
            <td key={a.id}>{String(OUTCOMES.reduce((n, o) => n + a.counts[o], 0))}</td>
          ))}
          <td>{String(total)}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

/** An act in words: "Giunta comunale n. 12 · 01/06/2022", or "act to be given" when there is none. */
export function actText(tr: ReportT, act: RelazioneAmendment['act']): string {
  if (!act) return tr.t('report.amendments.noAct');
  const date = act.date ? ` · ${tr.dayDate(act.date)}` : '';
  const body = BODIES.find((b) => b === act.body);
  return `${tr.t('report.act', { body: body ? tr.t(`report.body.${body}`) : act.body, number: act.number })}${date}`;
}

export function AmendmentsTable({
  amendments,
  tr,
  caption,
}: {
  amendments: readonly RelazioneAmendment[];
  tr: ReportT;
  caption: string;
}) {
  const { t } = tr;
  return (
    <ScrollTable label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('report.amendments.when')}</th>
          <th scope="col">{t('report.amendments.what')}</th>
          <th scope="col">{t('report.amendments.motivation')}</th>
          <th scope="col">{t('report.amendments.act')}</th>
        </tr>
      </thead>
      <tbody>
        {amendments.map((a) => (
          <tr key={a.id}>
            <td>{tr.dayDate(a.createdAt)}</td>
            <td>{`${t(`report.kind.${a.kind}`)} (${t(`report.entity.${a.entity}`)})`}</td>
            <td>{a.motivation}</td>
            <td>{actText(tr, a.act)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function Causes({ causes, tr }: { causes: readonly CauseNote[]; tr: ReportT }) {
  if (causes.length === 0) return <>{tr.t('report.objective.noCause')}</>;
  return (
    <ul className="report-causes">
      {causes.map((c, i) => (
        <li key={i}>
          <strong>{tr.t(`report.cause.${c.source}`)}:</strong> {c.text}
        </li>
      ))}
    </ul>
  );
}

/** One objective as the Relazione prints it: kept on one page where it fits. */
export function ObjectiveEntry({
  objective: o,
  tr,
  hasEvaluation,
}: {
  objective: RelazioneObjective;
  tr: ReportT;
  hasEvaluation: boolean;
}) {
  const { t, pct, dayDate } = tr;
  const headingId = `report-objective-${o.id}`;
  return (
    <article className="report-objective" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('report.objective.heading', { number: o.number, title: o.title })}</h3>
      <dl className="report-facts">
        <dt>{t('report.objective.weight')}</dt>
        <dd>{o.weight === null ? t('report.none') : tr.number(o.weight, 2)}</dd>
        <dt>{t('report.objective.indicator')}</dt>
        <dd>{o.indicator || t('report.none')}</dd>
        <dt>{t('report.objective.state')}</dt>
        <dd>{t(`objectiveState.${o.state}`)}</dd>
        <dt>{t('report.objective.target')}</dt>
        <dd>
          {o.phases.length === 0 ? (
            t('report.phase.none')
          ) : (
            <ol className="report-phases">
              {o.phases.map((p) => (
                <li key={p.id}>
                  {t('report.phase.number', { number: String(p.number) })}: {p.description} ·{' '}
                  {p.deadline
                    ? t('report.phase.deadline', { date: dayDate(p.deadline) })
                    : t('report.phase.noDeadline')}{' '}
                  · {t(`status.${p.status}`)}
                  {p.status === 'in_progress' || p.status === 'blocked' ? ` ${pct(p.percent)}` : ''}
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt>{t('report.objective.result')}</dt>
        <dd>{t('report.objective.resultValue', { progress: pct(o.progress), expected: pct(o.expected) })}</dd>
        {o.selfAssessed !== null && (
          <>
            <dt>{t('report.objective.selfAssessed')}</dt>
            <dd>{pct(o.selfAssessed)}</dd>
          </>
        )}
        {hasEvaluation && !o.counted && (
          <>
            <dt>{t('report.outcome.label')}</dt>
            <dd>{t('report.outcome.notCounted')}</dd>
          </>
        )}
        {/* Removed or replaced by amendment: no achievement, score or deviation to report. */}
        {hasEvaluation && o.counted && (
          <>
            <dt>{t('report.objective.achievement')}</dt>
            <dd>{o.achievement === null ? t('report.nv') : pct(o.achievement)}</dd>
            <dt>{t('report.objective.score')}</dt>
            <dd className="report-score">{scoreText(tr, o.score, o.achievement)}</dd>
            <dt>{t('report.outcome.label')}</dt>
            <dd>{t(`report.outcome.${o.outcome}`)}</dd>
            <dt>{t('report.objective.deviation')}</dt>
            <dd>{o.deviation === null ? t('report.none') : tr.number(o.deviation, 1)}</dd>
          </>
        )}
        <dt>{t('report.objective.cause')}</dt>
        <dd>
          <Causes causes={o.causes} tr={tr} />
        </dd>
      </dl>
      {o.amendments.length > 0 && (
        <AmendmentsTable amendments={o.amendments} tr={tr} caption={t('report.objective.amendments')} />
      )}
    </article>
  );
}
