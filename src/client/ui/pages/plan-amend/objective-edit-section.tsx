import { useState } from 'react';
import type { SessionUser } from '../../../../shared/auth.ts';
import type { ObjectiveRecord, PhaseRecord } from '../../../db/schema.ts';
import { useSession } from '../../hooks/use-session.ts';
import { canAmend } from './amend-rules.ts';
import { EditObjectiveForm, RemoveObjectiveForm, ReplaceObjectiveForm } from './objective-forms.tsx';
import { PhaseForm, RemovePhaseForm } from './phase-forms.tsx';
import { useAmendT } from './use-amend-t.ts';
import { usePlanOfArea } from './use-plan-of-area.ts';
import { useSavedNotice } from './use-saved-notice.ts';
import './plan-amend.css';

type Open =
  | { form: 'edit' | 'remove' | 'replace' | 'addPhase' }
  | { form: 'editPhase' | 'removePhase'; phase: PhaseRecord }
  | null;

/**
 * The objective page's editing controls (a chunk of its own, loaded only for who may amend): edit,
 * remove (stralcio), replace the objective; add, edit, remove its phases. One form open at a time.
 * Nothing for other roles, for objectives already out of the plan, or on a closed plan.
 */
export function ObjectiveEditSection({
  objective,
  phases,
}: {
  objective: ObjectiveRecord;
  phases: PhaseRecord[];
}) {
  const { t } = useAmendT();
  const { user } = useSession();
  const plan = usePlanOfArea(objective.areaId);
  const [open, setOpen] = useState<Open>(null);
  const { saved, ref, markSaved } = useSavedNotice();
  if (!plan || !mayEdit(user, plan, objective)) return null;
  const siblings = plan.objectives.filter((o) => o.areaId === objective.areaId);
  const livePhases = phases.filter((p) => !p.removed);
  const done = () => {
    setOpen(null);
    markSaved();
  };
  const cancel = () => setOpen(null);
  const common = { status: plan.status, onDone: done, onCancel: cancel };
  return (
    <section className="section amend-controls" aria-labelledby="amend-objective-title">
      <h2 id="amend-objective-title">{t('amend.controlsTitle')}</h2>
      {saved && (
        <p ref={ref} tabIndex={-1} className="alert" role="status">
          {t('amend.saved')}
        </p>
      )}
      {open === null && (
        <>
          <div className="amend-buttons">
            <button type="button" className="btn btn-outline" onClick={() => setOpen({ form: 'edit' })}>
              {t('amend.editObjective')}
            </button>
            <button type="button" className="btn btn-outline" onClick={() => setOpen({ form: 'replace' })}>
              {t('amend.replaceObjective')}
            </button>
            <button
              type="button"
              className="btn btn-outline btn-danger"
              onClick={() => setOpen({ form: 'remove' })}
            >
              {t('amend.removeObjective')}
            </button>
            <button type="button" className="btn btn-outline" onClick={() => setOpen({ form: 'addPhase' })}>
              {t('amend.addPhase')}
            </button>
          </div>
          {livePhases.length > 0 && (
            <ul className="plain-list amend-phase-list">
              {livePhases.map((phase) => (
                <li key={phase.id} className="amend-buttons">
                  <button
                    type="button"
                    className="btn btn-outline btn-small"
                    onClick={() => setOpen({ form: 'editPhase', phase })}
                  >
                    {t('amend.editPhase', { number: String(phase.number) })}
                  </button>
                  <button
                    type="button"
                    className="btn btn-outline btn-small"
                    onClick={() => setOpen({ form: 'removePhase', phase })}
                  >
                    {t('amend.removePhase', { number: String(phase.number) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {open?.form === 'edit' && <EditObjectiveForm objective={objective} siblings={siblings} {...common} />}
      {open?.form === 'replace' && (
        <ReplaceObjectiveForm objective={objective} siblings={siblings} {...common} />
      )}
      {open?.form === 'remove' && <RemoveObjectiveForm objective={objective} {...common} />}
      {open?.form === 'addPhase' && (
        <PhaseForm
          phase={null}
          objectiveId={objective.id}
          siblings={phases}
          planYear={plan.year}
          {...common}
        />
      )}
      {open?.form === 'editPhase' && (
        <PhaseForm
          phase={open.phase}
          objectiveId={objective.id}
          siblings={phases}
          planYear={plan.year}
          {...common}
        />
      )}
      {open?.form === 'removePhase' && <RemovePhaseForm phase={open.phase} {...common} />}
    </section>
  );
}

function mayEdit(
  user: SessionUser,
  plan: { status: 'draft' | 'approved' | 'closed'; headsMayAmend: boolean },
  objective: ObjectiveRecord,
): boolean {
  const inPlan = objective.state === 'active' || objective.state === 'modified';
  return inPlan && canAmend(user, plan.status, plan.headsMayAmend, objective.areaId);
}
