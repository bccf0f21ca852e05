import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type {
  AmendmentInput,
  PlanMutationArgs,
  PlanMutationName,
} from '../../../../shared/plan-mutations.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { EMPTY_AMENDMENT, readAmendment, type FieldErrors, type PlanStatus } from './amend-rules.ts';
import { AmendmentFieldset } from './amendment-fieldset.tsx';
import { queueChange } from './queue-change.ts';
import type { Params } from '../../../i18n/translate.ts';
import { useAmendT, type AmendKey } from './use-amend-t.ts';

/** What a form's own fields give: their errors, or the mutation to queue given the amendment. */
export type FormReading =
  | { ok: false; errors: FieldErrors }
  | { ok: true; change: (amendment: AmendmentInput | undefined) => PlannedChange };

export interface PlannedChange {
  name: PlanMutationName;
  args: PlanMutationArgs[PlanMutationName];
}

/** A typed helper so each form builds a change whose args match its mutation's name. */
export function planned<K extends PlanMutationName>(name: K, args: PlanMutationArgs[K]): PlannedChange {
  return { name, args };
}

/**
 * The frame of every plan-editing form: its own fields, then on an approved plan the motivation and
 * act; on submit every error is shown at its field at once and focus goes to the first; a change
 * queued closes the form (the caller moves focus to its status line). Nothing is sent with an error.
 */
export function ChangeForm({
  id,
  title,
  status,
  read,
  onDone,
  onCancel,
  submitLabel = 'amend.save',
  children,
}: {
  id: string;
  title: string;
  status: PlanStatus;
  read: () => FormReading;
  onDone: () => void;
  onCancel: () => void;
  submitLabel?: AmendKey;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useAmendT();
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  const [amendment, setAmendment] = useState(EMPTY_AMENDMENT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ key: AmendKey; params?: Params } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const titleId = `${id}-heading`;

  useEffect(() => {
    if (attempt === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]');
    if (first) first.focus();
    else failureRef.current?.focus();
  }, [attempt]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const own = read();
    const amend = readAmendment(amendment, status);
    const all: FieldErrors = { ...(own.ok ? {} : own.errors), ...(amend.ok ? {} : amend.errors) };
    setFailure(null);
    setErrors(all);
    if (!own.ok || !amend.ok) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const change = own.change(amend.amendment);
    const result = await queueChange(db, user, change.name, change.args);
    setBusy(false);
    if (!result.ok) {
      setFailure({ key: result.message, ...(result.params ? { params: result.params } : {}) });
      setAttempt((n) => n + 1);
      return;
    }
    notifyLocalChange();
    onDone();
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form
      ref={formRef}
      className="card amend-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={titleId}>{title}</h3>
      <p className="hint">{t(status === 'approved' ? 'amend.approvedNotice' : 'amend.draftNotice')}</p>
      {hasErrors && (
        <p className="field-error" role="alert">
          {t('amend.errorSummary')}
        </p>
      )}
      {children(errors)}
      {status === 'approved' && (
        <AmendmentFieldset form={id} draft={amendment} onChange={setAmendment} errors={errors} />
      )}
      {failure && (
        <p ref={failureRef} tabIndex={-1} className="field-error" role="alert">
          {t(failure.key, failure.params)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy}>
          {t(submitLabel)}
        </button>
        <button type="button" className="btn btn-outline" onClick={onCancel}>
          {t('amend.cancel')}
        </button>
      </div>
    </form>
  );
}
