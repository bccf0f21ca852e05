import { useState } from 'react';
import type { PlanRecord } from '../../../db/schema.ts';
import { cycleChange, CycleForm, type CycleReading } from './cycle-form.tsx';
import { RadioField, TextField } from './eval-fields.tsx';
import { readScoring, type ScoringDraft } from './eval-rules.ts';
import { useEvalT, type EvalT } from './use-eval-t.ts';

/** The plan's scoring method in words: "lineare, fino a 100" / "zero sotto il 60%, lineare sopra". */
export function scoringLabel(tr: EvalT, scoring: PlanRecord['scoring']): string {
  if (scoring?.kind === 'threshold') return tr.t('scoring.threshold', { threshold: scoring.threshold });
  return tr.t('scoring.linear');
}

const KINDS: { value: ScoringDraft['kind']; label: 'scoring.option.linear' | 'scoring.option.threshold' }[] =
  [
    { value: 'linear', label: 'scoring.option.linear' },
    { value: 'threshold', label: 'scoring.option.threshold' },
  ];

/** plan.setScoring (an admin's): linear capped at 100, or 0 below a threshold of 1–100. */
export function ScoringForm({
  plan,
  onDone,
  onCancel,
}: {
  plan: PlanRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useEvalT();
  const [kind, setKind] = useState<ScoringDraft['kind']>(plan.scoring?.kind ?? 'linear');
  const [threshold, setThreshold] = useState(
    plan.scoring?.kind === 'threshold' ? String(plan.scoring.threshold) : '',
  );
  const read = (): CycleReading => {
    const r = readScoring({ kind, threshold });
    if (!r.ok) return r;
    return { ok: true, change: cycleChange('plan.setScoring', { planId: plan.id, scoring: r.value }) };
  };
  return (
    <CycleForm
      id="scoring"
      title={t('scoring.title')}
      read={read}
      onDone={onDone}
      onCancel={onCancel}
      submitLabel="scoring.save"
    >
      {(errors) => (
        <RadioField
          form="scoring"
          name="kind"
          label="scoring.title"
          errors={errors}
          value={kind}
          onChange={setKind}
          options={KINDS}
        >
          {kind === 'threshold' && (
            <TextField
              form="scoring"
              name="threshold"
              label="scoring.field.threshold"
              hint={t('scoring.field.thresholdHint')}
              required
              numeric
              errors={errors}
              value={threshold}
              onChange={setThreshold}
            />
          )}
        </RadioField>
      )}
    </CycleForm>
  );
}
