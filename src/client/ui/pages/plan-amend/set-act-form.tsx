import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { EMPTY_AMENDMENT, readAmendment, type FieldErrors } from './amend-rules.ts';
import { ActFields } from './amendment-fieldset.tsx';
import { queueChange } from './queue-change.ts';
import type { Params } from '../../../i18n/translate.ts';
import { useAmendT, type AmendKey } from './use-amend-t.ts';

/** amendment.setAct: the admin records the act of an amendment made "atto da adottare". */
export function SetActForm({
  amendmentId,
  onDone,
  onCancel,
}: {
  amendmentId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useAmendT();
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  const [draft, setDraft] = useState(EMPTY_AMENDMENT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ key: AmendKey; params?: Params } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  const form = `set-act-${amendmentId}`;
  useEffect(() => {
    if (attempt > 0)
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [attempt]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The act is the point here: begun or not, it must be whole (the motivation is not asked again).
    const r = readAmendment({ ...draft, motivation: '-' }, 'approved');
    const act = r.ok ? r.amendment?.act : undefined;
    if (!r.ok || !act) {
      setErrors(r.ok ? { actBody: { key: 'amend.error.actIncomplete' } } : r.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    const result = await queueChange(db, user, 'amendment.setAct', { amendmentId, act });
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
      ref={ref}
      className="amend-form"
      noValidate
      aria-label={t('amend.setAct')}
      onSubmit={(e) => void submit(e)}
    >
      <ActFields form={form} draft={draft} onChange={setDraft} errors={errors} />
      {failure && (
        <p className="field-error" role="alert" tabIndex={-1}>
          {t(failure.key, failure.params)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn">
          {t('amend.save')}
        </button>
        <button type="button" className="btn btn-outline" onClick={onCancel}>
          {t('amend.cancel')}
        </button>
      </div>
    </form>
  );
}
