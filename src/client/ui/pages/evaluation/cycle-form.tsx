import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { PlanMutationArgs, PlanMutationName } from '../../../../shared/plan-mutations.ts';
import type { Params } from '../../../i18n/translate.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSync } from '../../hooks/use-sync.ts';
import type { FieldErrors } from './eval-rules.ts';
import { queueCycleChange } from './queue-cycle-change.ts';
import { useEvalT, type EvalKey } from './use-eval-t.ts';

export interface CycleChange {
  name: PlanMutationName;
  args: PlanMutationArgs[PlanMutationName];
}

/** A typed helper so each form builds a change whose args match its mutation's name. */
export function cycleChange<K extends PlanMutationName>(name: K, args: PlanMutationArgs[K]): CycleChange {
  return { name, args };
}

export type CycleReading = { ok: false; errors: FieldErrors } | { ok: true; change: CycleChange };

/**
 * The frame of every evaluation form: its fields, a summary and each error at its field on submit
 * with the focus on the first, the device's own refusal under the form; a change queued closes the
 * form (the caller moves focus to its status line). Nothing is queued while an error shows.
 */
export function CycleForm({
  id,
  title,
  read,
  onDone,
  onCancel,
  submitLabel = 'eval.save',
  children,
}: {
  id: string;
  title: string;
  read: () => CycleReading;
  onDone: () => void;
  onCancel?: () => void;
  submitLabel?: EvalKey;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useEvalT();
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ key: EvalKey; params?: Params } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const titleId = `${id}-heading`;

  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else failureRef.current?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const reading = read();
    setFailure(null);
    setErrors(reading.ok ? {} : reading.errors);
    if (!reading.ok) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const result = await queueCycleChange(db, user, reading.change.name, reading.change.args);
    setBusy(false);
    if (!result.ok) {
      setFailure({ key: result.message, ...(result.params ? { params: result.params } : {}) });
      setAttempt((n) => n + 1);
      return;
    }
    notifyLocalChange();
    onDone();
  };

  return (
    <form
      ref={formRef}
      className="card eval-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={titleId}>{title}</h3>
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          {t('eval.errorSummary')}
        </p>
      )}
      {children(errors)}
      {failure && (
        <p ref={failureRef} tabIndex={-1} className="field-error" role="alert">
          {t(failure.key, failure.params)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy}>
          {t(submitLabel)}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline" onClick={onCancel}>
            {t('eval.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
