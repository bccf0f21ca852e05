import { useMemo } from 'react';
import { isLate } from '../../../../domain/deadlines.ts';
import { expectedObjectiveProgress } from '../../../../domain/expected-progress.ts';
import type { ObjectiveWeights } from '../../../../domain/plan.ts';
import { objectiveProgress } from '../../../../domain/progress.ts';
import { objectiveIsCounted } from '../../../../domain/weights.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { NoteComposer } from '../../components/note-composer.tsx';
import { NoteThread } from '../../components/note-thread.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PhaseCard } from '../../components/phase-card.tsx';
import { ProgressBar } from '../../components/progress-bar.tsx';
import { useNotes } from '../../hooks/use-notes.ts';
import { useObjective } from '../../hooks/use-objective.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useToday } from '../../hooks/use-today.ts';
import { canAddNote } from '../../permissions.ts';
import { paths } from '../../router/routes.ts';
import '../detail.css';

const WEIGHT_KEYS: (keyof ObjectiveWeights)[] = ['head', 'giunta', 'nucleo'];

/** An objective: indicator, offices, weights, state, progress vs expected, its phases and notes. */
export function ObjectivePage({ id }: { id: string }) {
  const { t, number } = useT();
  const { user } = useSession();
  const today = useToday();
  const data = useObjective(id);
  const notes = useNotes({ objectiveId: id });
  const phaseNumbers = useMemo(() => new Map(data?.phases.map((p) => [p.id, p.number])), [data]);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p>{t('objective.notFound')}</p>
      </>
    );
  }
  const { objective, area, phases } = data;
  const counted = objectiveIsCounted(objective);
  const heading = t('objective.label', { number: objective.number });
  return (
    <>
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          ...(area ? [{ href: paths.area(area.id), label: area.name }] : []),
        ]}
      />
      <PageTitle title={heading} className="detail-title">
        <span className="title-kicker">{heading}</span>
        {objective.title}
      </PageTitle>
      {objective.state !== 'active' && (
        <div className={counted ? 'alert' : 'alert alert-warning'}>
          <p>
            <strong>{t(`objectiveState.${objective.state}`)}.</strong>{' '}
            {!counted &&
              t('objective.notCounted', { state: t(`objectiveState.${objective.state}`).toLowerCase() })}{' '}
            {objective.motivation && (
              <>
                {t('objective.motivation')}: {objective.motivation}
              </>
            )}
          </p>
        </div>
      )}
      {counted && (
        <section className="card">
          <ProgressBar
            value={objectiveProgress(objective, phases)}
            expected={expectedObjectiveProgress(objective, phases, today, data.planEnd)}
            size="large"
          />
        </section>
      )}
      <dl className="facts card">
        <div>
          <dt>{t('objective.indicator')}</dt>
          <dd>{objective.indicator || '—'}</dd>
        </div>
        {objective.subjects && (
          <div>
            <dt>{t('objective.subjects')}</dt>
            <dd>{objective.subjects}</dd>
          </div>
        )}
        <div>
          <dt>{t('objective.weights')}</dt>
          <dd>
            <ul className="plain-list inline-list">
              {WEIGHT_KEYS.map((key) => (
                <li key={key}>
                  {t(`objective.weight.${key}`)}:{' '}
                  <strong>
                    {objective.weights[key] === null
                      ? t('objective.weightMissing')
                      : number(objective.weights[key], 2)}
                  </strong>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="phases-title">
        <h2 id="phases-title">{t('objective.phases')}</h2>
        {phases.length === 0 ? (
          <p className="muted">{t('objective.noPhases')}</p>
        ) : (
          <ul className="plain-list">
            {phases.map((phase) => (
              <li key={phase.id} data-late={isLate(phase, today) || undefined}>
                <PhaseCard phase={phase} objective={objective} today={today} showObjective={false} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes.title')}</h2>
        {canAddNote(user, objective.areaId) && (
          <div className="card">
            <NoteComposer objectiveId={objective.id} />
          </div>
        )}
        {notes === undefined ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <NoteThread notes={notes} phaseNumbers={phaseNumbers} />
        )}
      </section>
    </>
  );
}
