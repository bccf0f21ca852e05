import type { PhaseVerdictRecord } from '../../../db/schema.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { useT } from '../../../i18n/use-t.ts';
import { useEvalT } from './use-eval-t.ts';

/**
 * The Nucleo's verdict on one phase, on the phase's own page: validated, or contested with its reason,
 * by whom and when. The device holds a verdict only where the user may see it (row visibility).
 */
export function PhaseVerdictNote({ verdict }: { verdict: PhaseVerdictRecord }) {
  const { t } = useEvalT();
  const { dateTime } = useT();
  const names = useUserNames();
  if (verdict.verdict === null) return null;
  const by = names.get(verdict.userId) ?? verdict.userId;
  return (
    <section className="card eval-card" aria-labelledby="phase-verdict-title" data-verdict={verdict.verdict}>
      <h2 id="phase-verdict-title">{t('eval.phaseVerdictTitle')}</h2>
      <p>
        <span className={`badge eval-badge eval-badge-${verdict.verdict}`}>
          {t(`eval.verdict.${verdict.verdict}`)}
        </span>
      </p>
      {verdict.reason && (
        <p className="eval-text">
          <strong>{t('eval.verdictReason')}:</strong> {verdict.reason}
        </p>
      )}
      <p className="small muted">{t('eval.by', { name: by, when: dateTime(verdict.updatedAt) })}</p>
    </section>
  );
}
