import { WEIGHT_SETS } from '../../../../domain/plan.ts';
import { useT } from '../../../i18n/use-t.ts';
import { useWeightSet } from '../../hooks/use-weight-set.ts';

/** Radio buttons (a native fieldset, keyboard-usable with the arrows) drawn as a segmented control. */
export function WeightSetPicker() {
  const { t } = useT();
  const [weightSet, setWeightSet] = useWeightSet();
  return (
    <fieldset className="segmented">
      <legend className="field-label">{t('dashboard.weightSet')}</legend>
      <div className="segmented-options">
        {WEIGHT_SETS.map((set) => (
          <label key={set} className="segmented-option">
            <input
              type="radio"
              name="weight-set"
              value={set}
              checked={weightSet === set}
              onChange={() => setWeightSet(set)}
            />
            <span>
              {/* Drawn only on the chosen option; hidden from the name ("checked" already says it). */}
              <span className="segmented-check" aria-hidden="true">
                ✓{' '}
              </span>
              {t(`dashboard.weightSet.${set}`)}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
