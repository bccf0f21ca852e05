import { useState } from 'react';
import { EVALUATION_COMMENT_MAX, REASON_MAX } from '../../../../shared/cycle-mutations.ts';
import type { EvaluationRecord, PhaseVerdictRecord, SelfAssessmentRecord } from '../../../db/schema.ts';
import { cycleChange, CycleForm, type CycleReading } from './cycle-form.tsx';
import { CheckField, RadioField, TextField } from './eval-fields.tsx';
import { readEvaluation, readSelfAssessment, readVerdict, type VerdictChoice } from './eval-rules.ts';
import { useEvalT } from './use-eval-t.ts';

interface Common {
  onDone: () => void;
  onCancel: () => void;
}

const percentText = (p: number | null | undefined) => (p === null || p === undefined ? '' : String(p));

/** evaluation.setObjective: an achievement 0–100, or "not evaluated" (NV); a comment. */
export function EvaluationForm({
  objectiveId,
  current,
  ...common
}: Common & { objectiveId: string; current: EvaluationRecord | undefined }) {
  const { t } = useEvalT();
  const [percent, setPercent] = useState(percentText(current?.percent));
  const [notEvaluated, setNotEvaluated] = useState(current !== undefined && current.percent === null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const form = `eval-${objectiveId}`;
  const read = (): CycleReading => {
    const r = readEvaluation({ percent, notEvaluated, comment });
    if (!r.ok) return r;
    return { ok: true, change: cycleChange('evaluation.setObjective', { objectiveId, ...r.value }) };
  };
  return (
    <CycleForm id={form} title={t('eval.formTitle')} read={read} {...common}>
      {(errors) => (
        <>
          <CheckField
            form={form}
            name="notEvaluated"
            label="eval.field.notEvaluated"
            checked={notEvaluated}
            onChange={setNotEvaluated}
          />
          {!notEvaluated && (
            <TextField
              form={form}
              name="percent"
              label="eval.field.percent"
              hint={t('eval.field.percentHint')}
              required
              numeric
              errors={errors}
              value={percent}
              onChange={setPercent}
            />
          )}
          <TextField
            form={form}
            name="comment"
            label="eval.field.comment"
            hint={t('eval.field.commentHint', { max: EVALUATION_COMMENT_MAX })}
            multiline
            errors={errors}
            value={comment}
            onChange={setComment}
          />
        </>
      )}
    </CycleForm>
  );
}

const VERDICTS: {
  value: VerdictChoice;
  label: 'eval.verdict.validated' | 'eval.verdict.contested' | 'eval.verdict.none';
}[] = [
  { value: 'validated', label: 'eval.verdict.validated' },
  { value: 'contested', label: 'eval.verdict.contested' },
  { value: '', label: 'eval.verdict.none' },
];

/** evaluation.setPhaseVerdict: validated or contested (a reason required), or no verdict. */
export function VerdictForm({
  phaseId,
  phaseNumber,
  current,
  ...common
}: Common & { phaseId: string; phaseNumber: number; current: PhaseVerdictRecord | undefined }) {
  const { t } = useEvalT();
  const [verdict, setVerdict] = useState<VerdictChoice>(current?.verdict ?? 'validated');
  const [reason, setReason] = useState(current?.reason ?? '');
  const form = `verdict-${phaseId}`;
  const read = (): CycleReading => {
    const r = readVerdict({ verdict, reason });
    if (!r.ok) return r;
    return { ok: true, change: cycleChange('evaluation.setPhaseVerdict', { phaseId, ...r.value }) };
  };
  return (
    <CycleForm
      id={form}
      title={t('eval.verdictFormTitle', { number: String(phaseNumber) })}
      read={read}
      {...common}
    >
      {(errors) => (
        <>
          <RadioField
            form={form}
            name="verdict"
            label="eval.field.verdict"
            errors={errors}
            value={verdict}
            onChange={setVerdict}
            options={VERDICTS}
          />
          {verdict !== '' && (
            <TextField
              form={form}
              name="reason"
              label="eval.field.reason"
              hint={t('eval.field.reasonHint', { max: REASON_MAX })}
              required={verdict === 'contested'}
              multiline
              errors={errors}
              value={reason}
              onChange={setReason}
            />
          )}
        </>
      )}
    </CycleForm>
  );
}

/** selfAssessment.set: the head's own percentage (optional) and a note. */
export function SelfAssessmentForm({
  objectiveId,
  current,
  ...common
}: Common & { objectiveId: string; current: SelfAssessmentRecord | undefined }) {
  const { t } = useEvalT();
  const [percent, setPercent] = useState(percentText(current?.percent));
  const [note, setNote] = useState(current?.note ?? '');
  const form = `self-${objectiveId}`;
  const read = (): CycleReading => {
    const r = readSelfAssessment({ percent, note });
    if (!r.ok) return r;
    return { ok: true, change: cycleChange('selfAssessment.set', { objectiveId, ...r.value }) };
  };
  return (
    <CycleForm id={form} title={t('self.formTitle')} read={read} {...common}>
      {(errors) => (
        <>
          <TextField
            form={form}
            name="percent"
            label="self.field.percent"
            hint={t('self.field.percentHint')}
            numeric
            errors={errors}
            value={percent}
            onChange={setPercent}
          />
          <TextField
            form={form}
            name="note"
            label="self.field.note"
            hint={t('self.field.noteHint', { max: EVALUATION_COMMENT_MAX })}
            multiline
            errors={errors}
            value={note}
            onChange={setNote}
          />
        </>
      )}
    </CycleForm>
  );
}
