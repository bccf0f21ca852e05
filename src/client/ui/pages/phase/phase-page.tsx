import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { isLate } from '../../../../domain/deadlines.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { ConflictCard } from '../../components/conflict-card.tsx';
import { DeadlineLabel } from '../../components/deadline-label.tsx';
import { NoteComposer } from '../../components/note-composer.tsx';
import { NoteThread } from '../../components/note-thread.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PhaseControls } from '../../components/phase-controls.tsx';
import { PhaseHistoryList } from '../../components/phase-history-list.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useConflicts } from '../../hooks/use-conflicts.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useNotes } from '../../hooks/use-notes.ts';
import { usePhase } from '../../hooks/use-phase.ts';
import { usePhaseHistory } from '../../hooks/use-phase-history.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useToday } from '../../hooks/use-today.ts';
import { planAsOf } from '../../plan-choice/choose-plan.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { canAddNote, canEditPhase } from '../../permissions.ts';
import { paths } from '../../router/routes.ts';
import '../detail.css';

// The closed-plan notice: the evaluation chunk's, with its catalog (most plans are open).
const PlanLockedNotice = lazy(() =>
  import('../evaluation/plan-locked-notice.tsx').then((m) => ({ default: m.PlanLockedNotice })),
);
// The Nucleo's verdict: the same chunk, fetched only for a phase that has one.
const PhaseVerdictNote = lazy(() =>
  import('../evaluation/phase-verdict-note.tsx').then((m) => ({ default: m.PhaseVerdictNote })),
);

/** A phase: what it is, its deadline, status and percent (large controls), notes, history, conflicts. */
export function PhasePage({ id }: { id: string }) {
  const { t, percent, number, dateTime } = useT();
  const { user } = useSession();
  const deviceToday = useToday();
  const data = usePhase(id);
  const objectiveId = data?.phase.objectiveId ?? '';
  const notes = useNotes({ objectiveId, phaseId: id });
  const history = usePhaseHistory(id);
  const conflicts = useConflicts(id);
  const names = useUserNames();
  const db = useDb();
  const verdict = useLiveQuery(() => db.phaseVerdicts.get(id), [db, id]);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p>{t('phase.notFound')}</p>
      </>
    );
  } // A plan whose year is over is seen as of 31/12 of its year.
  const today = planAsOf(data.plan, deviceToday);

  const { phase, objective, area } = data;
  const heading = objective
    ? `${t('objective.label', { number: objective.number })} · ${t('phase.label', { number: phase.number })}`
    : t('phase.label', { number: phase.number });
  // A closed plan takes no change: no controls, no composer (the notice says why).
  const locked = data.plan?.status === 'closed';
  const editable = !locked && canEditPhase(user, phase.areaId);
  return (
    <>
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          ...(area ? [{ href: paths.area(area.id), label: area.name }] : []),
          ...(objective
            ? [
                {
                  href: paths.objective(objective.id),
                  label: t('objective.label', { number: objective.number }),
                },
              ]
            : []),
        ]}
      />
      <PageTitle title={heading} className="detail-title">
        <span className="title-kicker">{heading}</span>
        {phase.description || phase.indicator || t('phase.label', { number: phase.number })}
      </PageTitle>
      {objective && <p className="lead">{objective.title}</p>}
      {locked && (
        <Suspense fallback={null}>
          <PlanLockedNotice plan={data.plan} />
        </Suspense>
      )}
      <section className="card phase-status" aria-labelledby="status-title">
        <h2 id="status-title" className="visually-hidden">
          {t('phase.status')}
        </h2>
        <p className="phase-status-line">
          <StatusBadge status={phase.status} late={isLate(phase, today)} />
          <span className="phase-status-percent">
            {t('phase.percent')}: <strong>{percent(phase.percent)}</strong>
          </span>
        </p>
        <p>
          <DeadlineLabel phase={phase} today={today} />
        </p>
        {phase.updatedAt && (
          <p className="small muted">
            {t('phase.updatedBy', {
              name: (phase.updatedBy && names.get(phase.updatedBy)) ?? phase.updatedBy ?? '—',
              when: dateTime(phase.updatedAt),
            })}
          </p>
        )}
        {editable ? (
          <PhaseControls
            phase={phase}
            objectiveState={objective?.state ?? 'active'}
            variant="full"
            label={heading}
          />
        ) : (
          <p className="muted small">{t('phase.readOnly')}</p>
        )}
      </section>
      {verdict?.verdict && (
        <Suspense fallback={null}>
          <PhaseVerdictNote verdict={verdict} />
        </Suspense>
      )}
      {conflicts && conflicts.length > 0 && (
        <section className="section" aria-labelledby="conflicts-title">
          <h2 id="conflicts-title">{t('phase.conflicts')}</h2>
          <ul className="plain-list" aria-labelledby="conflicts-title">
            {conflicts.map((c) => (
              <li key={c.id}>
                <ConflictCard conflict={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="facts card">
        <div>
          <dt>{t('phase.indicator')}</dt>
          <dd>{phase.indicator || '—'}</dd>
        </div>
        <div>
          <dt>{t('phase.subjects')}</dt>
          <dd>{phase.subjects || '—'}</dd>
        </div>
        <div>
          <dt>{t('phase.weight')}</dt>
          <dd>
            {phase.weight === null
              ? t('objective.weightMissing')
              : phase.weightUnit === 'percent'
                ? percent(phase.weight)
                : number(phase.weight, 2)}
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="notes-title">
        <h2 id="notes-title">{t('notes.title')}</h2>
        {objective && !locked && canAddNote(user, phase.areaId) && (
          <div className="card">
            <NoteComposer objectiveId={objective.id} phaseId={phase.id} />
          </div>
        )}
        {notes === undefined ? <p className="muted">{t('app.loading')}</p> : <NoteThread notes={notes} />}
      </section>
      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t('phase.history')}</h2>
        {history && <PhaseHistoryList entries={history} />}
      </section>
    </>
  );
}
