import type { ReactNode } from 'react';
import type { PhaseRecord, PhaseVerdictRecord } from '../../../db/schema.ts';
import { useEvalT } from './use-eval-t.ts';

/**
 * The Nucleo's verdict on each phase of the objective (validated / contested with its reason / none),
 * with the evaluator's button per phase; the open form shows under its own phase.
 */
export function PhaseVerdictList({
  phases,
  verdicts,
  pending,
  canJudge,
  onJudge,
  form,
  formPhaseId,
}: {
  phases: PhaseRecord[];
  verdicts: Map<string, PhaseVerdictRecord>;
  pending: Set<string>;
  canJudge: boolean;
  onJudge: (phase: PhaseRecord) => void;
  form: ReactNode;
  formPhaseId: string | null;
}) {
  const { t } = useEvalT();
  return (
    <div className="card eval-card">
      <h3>{t('eval.phases')}</h3>
      <ul className="plain-list eval-verdicts">
        {phases.map((phase) => {
          const v = verdicts.get(phase.id);
          const verdict = v?.verdict ?? null;
          const number = String(phase.number);
          return (
            <li key={phase.id} className="eval-verdict" data-verdict={verdict ?? 'none'}>
              <p className="eval-verdict-head">
                <strong>{t('eval.phaseLabel', { number })}</strong>
                {phase.removed && <span className="small muted"> ({t('eval.phaseRemoved')})</span>}
                {phase.description && <span className="small"> · {phase.description}</span>}
              </p>
              <p>
                <span className={`badge eval-badge eval-badge-${verdict ?? 'none'}`}>
                  {t(verdict ? `eval.verdict.${verdict}` : 'eval.verdict.none')}
                </span>
                {pending.has(`phaseVerdicts:${phase.id}`) && (
                  <span className="small muted"> · {t('eval.pendingSync')}</span>
                )}
              </p>
              {v?.reason && (
                <p className="eval-text">
                  <strong>{t('eval.verdictReason')}:</strong> {v.reason}
                </p>
              )}
              {canJudge && !phase.removed && (
                <button type="button" className="btn btn-outline btn-small" onClick={() => onJudge(phase)}>
                  {t('eval.verdictEdit', { number })}
                </button>
              )}
              {formPhaseId === phase.id && form}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
