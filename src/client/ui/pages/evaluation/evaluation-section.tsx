import { useState } from 'react';
import { objectiveIsCounted } from '../../../../domain/weights.ts';
import type { ObjectiveRecord, PhaseRecord, PlanRecord } from '../../../db/schema.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { canEvaluate, canSelfAssess, seesAllEvaluations } from '../../permissions.ts';
import { useSavedNotice } from '../plan-amend/use-saved-notice.ts';
import { EvaluationForm, SelfAssessmentForm, VerdictForm } from './evaluation-forms.tsx';
import { PhaseVerdictList } from './phase-verdict-list.tsx';
import { useEvalT, type EvalT } from './use-eval-t.ts';
import { useObjectiveEvaluation } from './use-objective-evaluation.ts';
import './evaluation.css';

type Open = { form: 'evaluation' | 'self' } | { form: 'verdict'; phase: PhaseRecord } | null;

/** "80%" or "NV" (not evaluated: never 0) as the Nucleo or the head gave it. */
export function Figure({ value, tr }: { value: number | null; tr: EvalT }) {
  if (value !== null) return <span className="eval-figure">{tr.percent(value)}</span>;
  return (
    <span className="eval-figure">
      {tr.t('eval.notEvaluated')} <span className="small muted">({tr.t('eval.notEvaluatedLong')})</span>
    </span>
  );
}

/**
 * The objective page's "Valutazione del Nucleo" (a chunk of its own, with its catalog): the Nucleo's
 * achievement (0–100 or NV) and comment, its verdict on each phase, and beside them the head's own
 * assessment (the computed progress, an optional percentage and a note). What shows follows the rows
 * the device holds (the server filters them by role); the forms only for who may use them, and only
 * while the plan is approved (a closed plan is read-only, a draft takes no evaluation).
 */
export function EvaluationSection({
  objective,
  phases,
  plan,
  progress,
}: {
  objective: ObjectiveRecord;
  phases: PhaseRecord[];
  plan: PlanRecord | undefined;
  /** The objective's progress computed from its phases; null when none counts. */
  progress: number | null;
}) {
  const tr = useEvalT();
  const { t, dateTime } = tr;
  const { user } = useSession();
  const data = useObjectiveEvaluation(objective.id);
  const names = useUserNames();
  const [open, setOpen] = useState<Open>(null);
  const { saved, ref, markSaved } = useSavedNotice();
  const status = plan?.status ?? 'approved';
  if (!data || !plan || status === 'draft') return null;
  const editable = status === 'approved' && objectiveIsCounted(objective);
  const evaluates = canEvaluate(user) && editable;
  const assesses = canSelfAssess(user, objective.areaId) && editable;
  const ownArea = user.role === 'head' && user.areaIds.includes(objective.areaId);
  // The server sends the Nucleo's rows to whoever may see them: the device never guesses more.
  const seesNucleo =
    status === 'closed' ||
    seesAllEvaluations(user) ||
    ownArea ||
    data.evaluation !== undefined ||
    data.verdicts.size > 0;
  const done = () => {
    setOpen(null);
    markSaved();
  };
  const cancel = () => setOpen(null);
  const byLine = (row: { userId: string; updatedAt: string } | undefined, key: string) =>
    row && (
      <p className="small muted">
        {t('eval.by', { name: names.get(row.userId) ?? '', when: dateTime(row.updatedAt) })}
        {data.pending.has(key) && <> · {t('eval.pendingSync')}</>}
      </p>
    );
  const { evaluation, selfAssessment } = data;
  return (
    <section className="section eval-section" aria-labelledby="eval-title">
      <h2 id="eval-title">{t('eval.title')}</h2>
      {saved && (
        <p ref={ref} tabIndex={-1} className="alert" role="status">
          {t('eval.saved')}
        </p>
      )}
      {seesNucleo ? (
        <div className="card eval-card">
          <h3>{t('eval.achievement')}</h3>
          {evaluation ? (
            <>
              <p className="eval-figure-line">
                <Figure value={evaluation.percent} tr={tr} />
              </p>
              {evaluation.comment && (
                <p className="eval-text">
                  <strong>{t('eval.comment')}:</strong> {evaluation.comment}
                </p>
              )}
              {byLine(evaluation, `evaluations:${objective.id}`)}
            </>
          ) : (
            <p className="muted">{t('eval.notYet')}</p>
          )}
          {evaluates && open === null && (
            <button type="button" className="btn btn-outline" onClick={() => setOpen({ form: 'evaluation' })}>
              {t(evaluation ? 'eval.editAgain' : 'eval.edit')}
            </button>
          )}
          {open?.form === 'evaluation' && (
            <EvaluationForm objectiveId={objective.id} current={evaluation} onDone={done} onCancel={cancel} />
          )}
        </div>
      ) : (
        <p className="muted">{t('eval.hiddenWhileOpen')}</p>
      )}

      <div className="card eval-card">
        <h3>{t('self.title')}</h3>
        <dl className="eval-facts">
          <dt>{t('self.computed')}</dt>
          <dd>{progress === null ? '—' : tr.percent(progress)}</dd>
          <dt>{t('self.percent')}</dt>
          <dd>
            {selfAssessment && selfAssessment.percent !== null ? tr.percent(selfAssessment.percent) : '—'}
          </dd>
        </dl>
        {selfAssessment?.note && (
          <p className="eval-text">
            <strong>{t('self.note')}:</strong> {selfAssessment.note}
          </p>
        )}
        {selfAssessment ? (
          byLine(selfAssessment, `selfAssessments:${objective.id}`)
        ) : (
          <p className="muted">{t('self.none')}</p>
        )}
        {assesses && open === null && (
          <button type="button" className="btn btn-outline" onClick={() => setOpen({ form: 'self' })}>
            {t(selfAssessment ? 'self.editAgain' : 'self.edit')}
          </button>
        )}
        {open?.form === 'self' && (
          <SelfAssessmentForm
            objectiveId={objective.id}
            current={selfAssessment}
            onDone={done}
            onCancel={cancel}
          />
        )}
      </div>

      {seesNucleo && phases.length > 0 && (
        <PhaseVerdictList
          phases={phases}
          verdicts={data.verdicts}
          pending={data.pending}
          canJudge={evaluates && open === null}
          onJudge={(phase) => setOpen({ form: 'verdict', phase })}
          form={
            open?.form === 'verdict' ? (
              <VerdictForm
                phaseId={open.phase.id}
                phaseNumber={open.phase.number}
                current={data.verdicts.get(open.phase.id)}
                onDone={done}
                onCancel={cancel}
              />
            ) : null
          }
          formPhaseId={open?.form === 'verdict' ? open.phase.id : null}
        />
      )}
    </section>
  );
}
