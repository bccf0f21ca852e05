import { useEffect, useRef } from 'react';
import type { PlanImportResponse } from '../../../../shared/plan-import.ts';
import { actBodyLabel, usePlanT } from './use-plan-t.ts';

type Preview = PlanImportResponse['plan'];
type Objective = Preview['areas'][number]['objectives'][number];
type Phase = Objective['phases'][number];

function PhaseLine({ phase }: { phase: Phase }) {
  const { t, date, number } = usePlanT();
  const weight =
    phase.weight === null
      ? t('import.noWeight')
      : t(phase.weightUnit === 'points' ? 'import.weight.points' : 'import.weight.percent', {
          value: number(phase.weight),
        });
  return (
    <li>
      <strong>{t('import.phase', { number: phase.number })}</strong> · {weight} ·{' '}
      {phase.deadline ? t('import.deadline', { date: date(phase.deadline) }) : t('import.noDeadline')}
      <br />
      <span className="small">{phase.description}</span>
    </li>
  );
}

function ObjectiveItem({ objective }: { objective: Objective }) {
  const { t } = usePlanT();
  const dash = '–';
  const w = objective.weights;
  const setAside = objective.state !== 'active';
  return (
    <li className={`card import-objective${setAside ? ' import-objective-marked' : ''}`}>
      <p className="small">
        <strong>{t('import.objective', { number: objective.number })}</strong>{' '}
        {setAside && (
          <span className={`badge import-state import-state-${objective.state}`}>
            {t(`import.state.${objective.state}`)}
          </span>
        )}
      </p>
      <p className="import-objective-title">{objective.title}</p>
      {objective.motivation && (
        // Motivations run to whole paragraphs: folded, so the list stays readable on a phone.
        <details className="import-motivation">
          <summary>{t('import.motivation')}</summary>
          <p className="small">{objective.motivation}</p>
        </details>
      )}
      <p className="small muted">
        {t('import.weights', {
          head: w.head === null ? dash : String(w.head),
          giunta: w.giunta === null ? dash : String(w.giunta),
          nucleo: w.nucleo === null ? dash : String(w.nucleo),
        })}
      </p>
      {objective.phases.length > 0 && (
        <details>
          <summary>{t('import.phases', { count: objective.phases.length })}</summary>
          <ul className="import-phases">
            {objective.phases.map((phase) => (
              <PhaseLine key={phase.number} phase={phase} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** What the server read: acts, warnings with their line or row, areas with objectives and phases. */
export function PlanPreview({ result }: { result: PlanImportResponse }) {
  const { t, date } = usePlanT();
  const { plan, warnings } = result;
  const heading = useRef<HTMLHeadingElement>(null);
  // A new preview takes the focus (and the screen) to its heading, below the long form.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, [result]);
  const objectives = plan.areas.flatMap((a) => a.objectives);
  const phases = objectives.reduce((n, o) => n + o.phases.length, 0);
  return (
    <section className="section import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={heading} tabIndex={-1}>
        {t('import.previewTitle', { title: plan.title, year: String(plan.year) })}
      </h2>
      <p className="lead">
        {t('import.summary', { areas: plan.areas.length, objectives: objectives.length, phases })}
      </p>
      <section aria-labelledby="import-acts-title">
        <h3 id="import-acts-title">{t('import.acts')}</h3>
        {plan.acts.length === 0 ? (
          <p className="muted">{t('import.noActs')}</p>
        ) : (
          <ul className="import-acts">
            {plan.acts.map((act, i) => (
              <li key={i}>
                {t('import.act', { body: actBodyLabel(t, act.body), number: act.number })}
                {act.date && <> {t('import.actDate', { date: date(act.date) })}</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="import-warnings-title">
        <h3 id="import-warnings-title">{t('import.warnings', { count: warnings.length })}</h3>
        {warnings.length === 0 ? (
          <p className="muted">{t('import.noWarnings')}</p>
        ) : (
          <ul className="import-warnings">
            {warnings.map((w, i) => (
              <li key={i}>
                {w.line !== undefined && <strong>{t('import.warningAt.line', { line: w.line })}: </strong>}
                {w.row !== undefined && <strong>{t('import.warningAt.row', { row: w.row })}: </strong>}
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="import-areas-title">
        <h3 id="import-areas-title">{t('import.areas')}</h3>
        {plan.areas.map((area, i) => (
          <section key={i} className="import-area" aria-labelledby={`import-area-${i}`}>
            <h4 id={`import-area-${i}`}>
              {area.name}{' '}
              <span className="muted small">
                {t('import.areaObjectives', { count: area.objectives.length })}
              </span>
            </h4>
            <ul className="plain-list">
              {area.objectives.map((objective, j) => (
                <ObjectiveItem key={`${objective.number}-${j}`} objective={objective} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </section>
  );
}
