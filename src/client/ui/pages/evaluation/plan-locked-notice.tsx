import type { PlanRecord } from '../../../db/schema.ts';
import { Icon } from '../../components/icons.tsx';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { useEvalT } from './use-eval-t.ts';
import './evaluation.css';

/**
 * "Piano chiuso": on every page where a change could be made, once the plan is closed (its forms
 * and controls are gone). Names who closed it and when; nothing for a plan that is not closed.
 */
export function PlanLockedNotice({ plan }: { plan: PlanRecord | undefined }) {
  const { t, dateTime } = useEvalT();
  const names = useUserNames();
  if (plan?.status !== 'closed') return null;
  const closed = [...(plan.events ?? [])].reverse().find((e) => e.kind === 'closed');
  return (
    <div className="alert alert-warning eval-locked" role="note" aria-labelledby="plan-locked-title">
      <Icon name="alert" />
      <div>
        <p>
          <strong id="plan-locked-title">{t('locked.title')}</strong>
          {closed && (
            <span className="small">
              {' '}
              · {t('eval.by', { name: names.get(closed.userId) ?? '', when: dateTime(closed.at) })}
            </span>
          )}
        </p>
        <p>{t('locked.body')}</p>
      </div>
    </div>
  );
}
