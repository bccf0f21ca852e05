import { useId } from 'react';
import type { RolloverArea } from './use-rollover-choices.ts';
import { usePlanT } from './use-plan-t.ts';

/**
 * One area's objectives as checkboxes, in a fieldset named by the area. A removed or replaced
 * objective is listed, disabled, with the reason it is not carried (the server would skip it).
 */
export function RolloverAreaFieldset({
  choice,
  picked,
  onPick,
}: {
  choice: RolloverArea;
  picked: ReadonlySet<string>;
  onPick: (ids: string[], on: boolean) => void;
}) {
  const { t } = usePlanT();
  const base = useId();
  const carried = choice.objectives.filter((o) => o.carried).map((o) => o.objective.id);
  const count = carried.filter((id) => picked.has(id)).length;
  const name = choice.area.name;
  return (
    <fieldset className="rollover-area" data-area={name}>
      <legend>{name}</legend>
      <div className="rollover-area-tools">
        <p className="hint" aria-live="polite">
          {t('rollover.areaCount', { picked: count, count: carried.length })}
        </p>
        {carried.length > 0 && (
          <div className="button-row">
            <button
              type="button"
              className="btn btn-outline"
              aria-label={t('rollover.allLabel', { area: name })}
              onClick={() => onPick(carried, true)}
            >
              {t('rollover.all')}
            </button>
            <button
              type="button"
              className="btn btn-outline"
              aria-label={t('rollover.noneLabel', { area: name })}
              onClick={() => onPick(carried, false)}
            >
              {t('rollover.none')}
            </button>
          </div>
        )}
      </div>
      {choice.objectives.length === 0 ? (
        <p className="muted">{t('rollover.noObjectives')}</p>
      ) : (
        <ul className="plain-list rollover-objectives">
          {choice.objectives.map(({ objective, carried: counts }) => {
            const id = `${base}-${objective.id}`;
            const state = objective.state === 'replaced' ? 'replaced' : 'removed';
            return (
              <li key={objective.id} className={counts ? undefined : 'rollover-not-carried'}>
                <label htmlFor={id} className="rollover-option">
                  <input
                    id={id}
                    type="checkbox"
                    checked={counts && picked.has(objective.id)}
                    disabled={!counts}
                    aria-describedby={counts ? undefined : `${id}-why`}
                    onChange={(e) => onPick([objective.id], e.target.checked)}
                  />
                  <span>{t('rollover.objective', { number: objective.number, title: objective.title })}</span>
                </label>
                {!counts && (
                  <p id={`${id}-why`} className="hint rollover-why">
                    {t(`rollover.notCarried.${state}`)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
