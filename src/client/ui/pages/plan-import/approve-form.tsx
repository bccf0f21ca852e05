import { useId, useState } from 'react';
import { ACT_BODIES, type Act, type ActBody } from '../../../../shared/plan-mutations.ts';
import { usePlanT } from './use-plan-t.ts';

/** What the approval did: queued (syncs later), or the device's refusal in words. */
export type ApproveOutcome = { ok: true } | { ok: false; message: string };

/**
 * The act approving a draft (body, number, date), checked here as actSchema checks it so the queued
 * mutation is one the server can apply. `onApprove` queues it (works offline).
 */
export function ApproveForm({ onApprove }: { onApprove: (act: Act) => Promise<ApproveOutcome> }) {
  const { t } = usePlanT();
  const ids = { body: useId(), number: useId(), date: useId(), numberError: useId(), dateError: useId() };
  const [body, setBody] = useState<ActBody>('giunta');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ApproveOutcome | null>(null);
  const numberMissing = number.trim() === '';
  const dateMissing = !/^\d{4}-\d{2}-\d{2}$/.test(date);
  const submit = async () => {
    setTried(true);
    if (numberMissing || dateMissing) return;
    setBusy(true);
    const result = await onApprove({ body, number: number.trim(), date });
    // On success the plan is approved on the device and this form unmounts; the page says so.
    if (!result.ok) {
      setOutcome(result);
      setBusy(false);
    }
  };
  return (
    <section className="section card" aria-labelledby="approve-title">
      <h2 id="approve-title">{t('planPage.approveTitle')}</h2>
      <p>{t('planPage.approveIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.body}>{t('planPage.actBody')}</label>
          <select
            id={ids.body}
            className="select"
            value={body}
            onChange={(e) => setBody(ACT_BODIES.find((b) => b === e.target.value) ?? 'giunta')}
          >
            {ACT_BODIES.map((b) => (
              <option key={b} value={b}>
                {t(`planPage.body.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.number}>{t('planPage.actNumber')}</label>
          <input
            id={ids.number}
            className="input"
            value={number}
            maxLength={50}
            required
            aria-invalid={tried && numberMissing ? true : undefined}
            aria-describedby={tried && numberMissing ? ids.numberError : undefined}
            onChange={(e) => setNumber(e.target.value)}
          />
          {tried && numberMissing && (
            <p id={ids.numberError} className="field-error">
              {t('planPage.required')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.date}>{t('planPage.actDate')}</label>
          <input
            id={ids.date}
            className="input"
            type="date"
            value={date}
            required
            aria-invalid={tried && dateMissing ? true : undefined}
            aria-describedby={tried && dateMissing ? ids.dateError : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
          {tried && dateMissing && (
            <p id={ids.dateError} className="field-error">
              {t('planPage.required')}
            </p>
          )}
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {t('planPage.approve')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {outcome && !outcome.ok && (
          <p className="alert alert-danger">{t('planPage.approveRefused', { message: outcome.message })}</p>
        )}
      </div>
    </section>
  );
}
