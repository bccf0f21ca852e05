import { useState } from 'react';
import { objectiveAcceptsProgress } from '../../../domain/phase-transitions.ts';
import type { ObjectiveState, PhaseStatus } from '../../../domain/plan.ts';
import type { PhaseRecord } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/it.ts';
import { useT } from '../../i18n/use-t.ts';
import { usePhaseActions, type ActionResult } from '../hooks/use-phase-actions.ts';
import { Icon } from './icons.tsx';
import { STATUS_ICON } from './status-badge.tsx';

const QUICK: PhaseStatus[] = ['not_started', 'in_progress', 'done'];
const ALL: PhaseStatus[] = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'];
const STEP = 10;

interface PhaseControlsProps {
  phase: PhaseRecord;
  objectiveState: ObjectiveState;
  /** 'quick': three statuses and a ±10 % stepper (lists); 'full': every status and a slider (phase page). */
  variant: 'quick' | 'full';
  /** Names the controls for screen readers when several phases share a page. */
  label: string;
}

/**
 * One-tap updates of a phase: status buttons (pressed = current) and the percent. Every change is
 * saved on the device at once; the result (or a full disk) is announced in a live region.
 */
export function PhaseControls({ phase, objectiveState, variant, label }: PhaseControlsProps) {
  const { t, percent } = useT();
  const { setStatus, setPercent } = usePhaseActions();
  const [message, setMessage] = useState<{ key: MessageKey; ok: boolean } | null>(null);
  const [draft, setDraft] = useState<number | null>(null);
  if (!objectiveAcceptsProgress(objectiveState)) {
    return (
      <p className="muted small">
        {t('phase.frozen', { state: t(`objectiveState.${objectiveState}`).toLowerCase() })}
      </p>
    );
  }
  const report = (r: ActionResult) =>
    setMessage(r.ok ? { key: 'phase.saved', ok: true } : { key: r.message, ok: false });
  const changeStatus = async (to: PhaseStatus) => {
    if (to !== phase.status) report(await setStatus(phase.id, to));
  };
  const changePercent = async (value: number) => {
    const next = Math.max(0, Math.min(100, Math.round(value)));
    setDraft(null);
    if (next !== phase.percent) report(await setPercent(phase.id, next));
  };
  const percentEditable = phase.status !== 'done' && phase.status !== 'cancelled';
  const shown = draft ?? phase.percent;
  return (
    <div className={`phase-controls phase-controls-${variant}`}>
      <div className="status-buttons" role="group" aria-label={`${t('phase.status')}: ${label}`}>
        {(variant === 'quick' ? QUICK : ALL).map((status) => (
          <button
            key={status}
            type="button"
            className={`status-button status-button-${status}`}
            aria-pressed={phase.status === status}
            onClick={() => void changeStatus(status)}
          >
            <Icon name={STATUS_ICON[status]} />
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
      {percentEditable && variant === 'quick' && (
        <div className="percent-stepper" role="group" aria-label={`${t('phase.percent')}: ${label}`}>
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => void changePercent(phase.percent - STEP)}
            disabled={phase.percent <= 0}
          >
            −{STEP}%<span className="visually-hidden"> {t('phase.percent')}</span>
          </button>
          <output className="percent-value">{percent(phase.percent)}</output>
          <button
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => void changePercent(phase.percent + STEP)}
            disabled={phase.percent >= 100}
          >
            +{STEP}%<span className="visually-hidden"> {t('phase.percent')}</span>
          </button>
        </div>
      )}
      {percentEditable && variant === 'full' && (
        <form
          className="percent-form"
          onSubmit={(event) => {
            event.preventDefault();
            void changePercent(shown);
          }}
        >
          <label className="field-label" htmlFor={`percent-${phase.id}`}>
            {t('phase.percentLabel')}: <output>{percent(shown)}</output>
          </label>
          <input
            id={`percent-${phase.id}`}
            className="percent-range"
            type="range"
            min={0}
            max={100}
            step={5}
            value={shown}
            onChange={(event) => setDraft(Number(event.target.value))}
          />
          <div className="percent-quick">
            {[0, 25, 50, 75, 100].map((value) => (
              <button
                key={value}
                type="button"
                className="btn btn-outline btn-small"
                onClick={() => setDraft(value)}
              >
                {percent(value)}
              </button>
            ))}
            <button type="submit" className="btn" disabled={shown === phase.percent}>
              {t('phase.setPercent')}
            </button>
          </div>
        </form>
      )}
      <p
        className={message && !message.ok ? 'control-message is-error' : 'control-message'}
        role="status"
        aria-live="polite"
      >
        {message && (
          <>
            <Icon name={message.ok ? 'check' : 'alert'} /> {t(message.key)}
          </>
        )}
      </p>
    </div>
  );
}
