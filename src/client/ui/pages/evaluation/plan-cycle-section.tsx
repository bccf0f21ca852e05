import { useState } from 'react';
import { REASON_MAX } from '../../../../shared/cycle-mutations.ts';
import type { PlanRecord } from '../../../db/schema.ts';
import { useSession } from '../../hooks/use-session.ts';
import { canClosePlan, canReopenPlan } from '../../permissions.ts';
import { useSavedNotice } from '../plan-amend/use-saved-notice.ts';
import { ConfirmCycleChange } from './confirm-cycle-change.tsx';
import { cycleChange, CycleForm, type CycleReading } from './cycle-form.tsx';
import { TextField } from './eval-fields.tsx';
import { readReopenReason } from './eval-rules.ts';
import { PlanLockedNotice } from './plan-locked-notice.tsx';
import { ScoringForm, scoringLabel } from './scoring-form.tsx';
import { useEvalT } from './use-eval-t.ts';
import './evaluation.css';

type Notice = 'close.queued' | 'reopen.queued' | 'scoring.saved';

/**
 * The plan page's close of the year (a chunk of its own, with the evaluation catalog): the scoring
 * method (shown to all; chosen by an admin until the plan is closed, a draft's too), the close (the evaluator
 * or an admin, after a confirmation), the reopening (an admin, with a required reason). Every change
 * applies on the device at once and syncs later; a closed plan says so here too.
 */
export function PlanCycleSection({ plan }: { plan: PlanRecord }) {
  const tr = useEvalT();
  const { t } = tr;
  const { user } = useSession();
  const [open, setOpen] = useState<'confirmClose' | 'reopen' | 'scoring' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { saved, ref, markSaved } = useSavedNotice();
  const status = plan.status ?? 'approved';
  const done = (which: Notice) => () => {
    setOpen(null);
    setNotice(which);
    markSaved();
  };
  const method = scoringLabel(tr, plan.scoring);
  return (
    <section className="section plan-cycle" aria-labelledby="plan-cycle-title">
      <h2 id="plan-cycle-title">{t('close.title')}</h2>
      {saved && notice && (
        <p ref={ref} tabIndex={-1} className="alert alert-success" role="status">
          {t(notice)}
        </p>
      )}
      <PlanLockedNotice plan={plan} />

      <div className="card">
        <h3>{t('scoring.title')}</h3>
        <p className="hint">{t('scoring.intro')}</p>
        <p>{t('scoring.current', { method })}</p>
        {canReopenPlan(user) && status !== 'closed' && open !== 'scoring' && (
          <button type="button" className="btn btn-outline" onClick={() => setOpen('scoring')}>
            {t('scoring.title')}
          </button>
        )}
        {open === 'scoring' && (
          <ScoringForm plan={plan} onDone={done('scoring.saved')} onCancel={() => setOpen(null)} />
        )}
      </div>

      {status === 'approved' && canClosePlan(user) && (
        <div className="card">
          <p>{t('close.intro')}</p>
          {open === 'confirmClose' ? (
            <CloseConfirmation plan={plan} onDone={done('close.queued')} onCancel={() => setOpen(null)} />
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setOpen('confirmClose')}>
              {t('close.button')}
            </button>
          )}
        </div>
      )}

      {status === 'closed' && canReopenPlan(user) && (
        <div className="card">
          <h3>{t('reopen.title')}</h3>
          {open === 'reopen' ? (
            <ReopenForm planId={plan.id} onDone={done('reopen.queued')} onCancel={() => setOpen(null)} />
          ) : (
            <button type="button" className="btn btn-outline" onClick={() => setOpen('reopen')}>
              {t('reopen.button')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** "Chiudere il piano?": confirming queues plan.close. */
function CloseConfirmation({
  plan,
  onDone,
  onCancel,
}: {
  plan: PlanRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useEvalT();
  return (
    <ConfirmCycleChange
      id="close-confirm-title"
      title={t('close.confirmTitle', { plan: plan.title })}
      body={t('close.confirmBody')}
      confirmLabel="close.confirm"
      cancelLabel="close.cancel"
      change={cycleChange('plan.close', { planId: plan.id })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

/** plan.reopen: the reason is required (it stays in the plan's events). */
function ReopenForm({
  planId,
  onDone,
  onCancel,
}: {
  planId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useEvalT();
  const [reason, setReason] = useState('');
  const read = (): CycleReading => {
    const r = readReopenReason(reason);
    if (!r.ok) return r;
    return { ok: true, change: cycleChange('plan.reopen', { planId, reason: r.value }) };
  };
  return (
    <CycleForm
      id="reopen"
      title={t('reopen.formTitle')}
      read={read}
      onDone={onDone}
      onCancel={onCancel}
      submitLabel="reopen.confirm"
    >
      {(errors) => (
        <TextField
          form="reopen"
          name="reason"
          label="reopen.field.reason"
          hint={t('reopen.field.reasonHint', { max: REASON_MAX })}
          required
          multiline
          errors={errors}
          value={reason}
          onChange={setReason}
        />
      )}
    </CycleForm>
  );
}
