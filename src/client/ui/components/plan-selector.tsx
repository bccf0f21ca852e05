import { useId } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { useSelectedPlan } from '../hooks/use-selected-plan.ts';
import { planYear } from '../plan-choice/choose-plan.ts';
import '../styles/plan-selector.css';

/**
 * The plan every page shows, chosen from the device's plans: a labelled native select (keyboard and
 * screen readers know it; 44px tall). Nothing is drawn while the user has one plan or none.
 */
export function PlanSelector() {
  const { t } = useT();
  const id = useId();
  const selected = useSelectedPlan();
  if (!selected || selected.plans.length < 2 || !selected.plan) return null;
  return (
    <div className="plan-selector">
      <label htmlFor={id} className="field-label">
        {t('plan.selectorLabel')}
      </label>
      <select
        id={id}
        className="select"
        value={selected.plan.id}
        onChange={(e) => void selected.select(e.target.value)}
      >
        {selected.plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {t('plan.option', {
              year: String(planYear(plan) ?? ''),
              title: plan.title,
              status: t(`plan.status.${plan.status ?? 'approved'}`),
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
