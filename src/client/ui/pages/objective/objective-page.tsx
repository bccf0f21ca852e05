import { lazy, Suspense, useMemo } from 'react';
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
import { planAsOf } from '../../plan-choice/choose-plan.ts';
import { canAddNote } from '../../permissions.ts';
import { paths } from '../../router/routes.ts';
import '../detail.css';

// Editing and the register are chunks of their own: most users never edit, and the register's
// catalog (amend-it/amend-en) stays out of this page's chunk.
const ObjectiveEditSection = lazy(() =>
  import('../plan-amend/objective-edit-section.tsx').then((m) => ({ default: m.ObjectiveEditSection })),
);
const ObjectiveAmendments = lazy(() =>
  import('../plan-amend/objective-amendments.tsx').then((m) => ({ default: m.ObjectiveAmendments })),
);
// The Nucleo's evaluation and the closed-plan notice: their own chunk with the evaluation catalog.
const EvaluationSection = lazy(() =>
  import('../evaluation/evaluation-section.tsx').then((m) => ({ default: m.EvaluationSection })),
);
const PlanLockedNotice = lazy(() =>
  import('../evaluation/plan-locked-notice.tsx').then((m) => ({ default: m.PlanLockedNotice })),
);
// The link to the evidence pack: its own chunk with the evidence catalog (not in this page's chunk).
const EvidenceLink = lazy(() =>
  import('../evidence/evidence-link.tsx').then((m) => ({ default: m.EvidenceLink })),
);

const WEIGHT_KEYS: (keyof ObjectiveWeights)[] = ['head', 'giunta', 'nucleo'];

/** An objective: indicator, offices, weights, state, progress vs expected, its phases and notes. */
export function ObjectivePage({ id }: { id: string }) {
  const { t, number } = useT();
  const { user } = useSession();
  const deviceToday = useToday();
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
  } // A plan whose year is over is seen as of 31/12 of its year.
  const today = planAsOf(data.plan, deviceToday);

  const { objective, area, phases } = data;
  const counted = objectiveIsCounted(objective);
  // A closed plan takes no change: no controls, no composer (the notice says why).
  const locked = data.plan?.status === 'closed';
  const progress = objectiveProgress(objective, phases);
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
      {locked && (
        <Suspense fallback={null}>
          <PlanLockedNotice plan={data.plan} />
        </Suspense>
      )}
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
            value={progress}
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
      <Suspense fallback={null}>
        <EvidenceLink objectiveId={objective.id} />
      </Suspense>
      <section className="section" aria-labelledby="phases-title">
        <h2 id="phases-title">{t('objective.phases')}</h2>
        {phases.length === 0 ? (
          <p className="muted">{t('objective.noPhases')}</p>
        ) : (
          <ul className="plain-list">
            {phases.map((phase) => (
              <li key={phase.id} data-late={isLate(phase, today) || undefined}>
                <PhaseCard
                  phase={phase}
                  objective={objective}
                  today={today}
                  showObjective={false}
                  locked={locked}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <Suspense fallback={null}>
        <EvaluationSection objective={objective} phases={phases} plan={data.plan} progress={progress} />
      </Suspense>
      <Suspense fallback={null}>
        <ObjectiveEditSection objective={objective} phases={phases} />
      </Suspense>
      <section className="section" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes.title')}</h2>
        {!locked && canAddNote(user, objective.areaId) && (
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
      <Suspense fallback={null}>
        <ObjectiveAmendments objective={objective} />
      </Suspense>
    </>
  );
}
