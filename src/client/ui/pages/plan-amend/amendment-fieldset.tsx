import { ACT_BODIES, AMENDMENT_MOTIVATION_MAX, type ActBody } from '../../../../shared/plan-mutations.ts';
import type { AmendmentDraft, FieldErrors } from './amend-rules.ts';
import { SelectField, TextField } from './form-fields.tsx';
import { useAmendT } from './use-amend-t.ts';

const BODY_OPTIONS: { value: ActBody | ''; label: `amend.body.${ActBody | 'none'}` }[] = [
  { value: '', label: 'amend.body.none' },
  ...ACT_BODIES.map((b) => ({ value: b, label: `amend.body.${b}` as const })),
];

/**
 * The motivation (required, and the form says so before sending) and the approving act (optional: it
 * can be set later from the register), shown only on an approved plan.
 */
export function AmendmentFieldset({
  form,
  draft,
  onChange,
  errors,
}: {
  form: string;
  draft: AmendmentDraft;
  onChange: (next: AmendmentDraft) => void;
  errors: FieldErrors;
}) {
  const { t } = useAmendT();
  return (
    <fieldset className="amend-fieldset">
      <legend>{t('amend.motivation')}</legend>
      <TextField
        form={form}
        name="motivation"
        label="amend.field.motivation"
        required
        multiline
        hint={t('amend.motivationHint', { max: AMENDMENT_MOTIVATION_MAX })}
        errors={errors}
        value={draft.motivation}
        onChange={(motivation) => onChange({ ...draft, motivation })}
      />
      <fieldset className="amend-fieldset amend-act">
        <legend>
          {t('amend.act')} <span className="muted small">{t('amend.optional')}</span>
        </legend>
        <p className="hint">{t('amend.actHint')}</p>
        <ActFields form={form} draft={draft} onChange={onChange} errors={errors} />
      </fieldset>
    </fieldset>
  );
}

/** Body, number and date of an act (also the register's "set the act later"). */
export function ActFields({
  form,
  draft,
  onChange,
  errors,
}: {
  form: string;
  draft: AmendmentDraft;
  onChange: (next: AmendmentDraft) => void;
  errors: FieldErrors;
}) {
  return (
    <div className="amend-act-fields">
      <SelectField
        form={form}
        name="actBody"
        label="amend.act.body"
        errors={errors}
        value={draft.actBody}
        options={BODY_OPTIONS}
        onChange={(actBody) => onChange({ ...draft, actBody })}
      />
      <TextField
        form={form}
        name="actNumber"
        label="amend.act.number"
        errors={errors}
        value={draft.actNumber}
        onChange={(actNumber) => onChange({ ...draft, actNumber })}
      />
      <TextField
        form={form}
        name="actDate"
        label="amend.act.date"
        type="date"
        errors={errors}
        value={draft.actDate}
        onChange={(actDate) => onChange({ ...draft, actDate })}
      />
    </div>
  );
}
