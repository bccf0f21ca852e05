import { useEffect, useRef, useState } from 'react';
import type { Params } from '../../../i18n/translate.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSync } from '../../hooks/use-sync.ts';
import type { CycleChange } from './cycle-form.tsx';
import { queueCycleChange } from './queue-cycle-change.ts';
import { useEvalT, type EvalKey } from './use-eval-t.ts';

/**
 * "Chiudere …?" before a change that cannot be taken back by its author (the plan's close, a
 * monitoring round's close): the focus moves to the question; confirming queues the change on the
 * device (offline too), a refusal the device can tell shows in the box.
 */
export function ConfirmCycleChange({
  id,
  title,
  body,
  confirmLabel,
  cancelLabel,
  change,
  onDone,
  onCancel,
}: {
  id: string;
  title: string;
  body: string;
  confirmLabel: EvalKey;
  cancelLabel: EvalKey;
  change: CycleChange;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useEvalT();
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ key: EvalKey; params?: Params } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const confirm = async () => {
    setBusy(true);
    const r = await queueCycleChange(db, user, change.name, change.args);
    setBusy(false);
    if (!r.ok) {
      setFailure({ key: r.message, ...(r.params ? { params: r.params } : {}) });
      return;
    }
    notifyLocalChange();
    onDone();
  };
  return (
    <div className="confirm-box" role="group" aria-labelledby={id}>
      <h3 id={id} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p>{body}</p>
      {failure && (
        <p className="field-error" role="alert">
          {t(failure.key, failure.params)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void confirm()}>
          {t(confirmLabel)}
        </button>
        <button type="button" className="btn btn-outline" onClick={onCancel}>
          {t(cancelLabel)}
        </button>
      </div>
    </div>
  );
}
