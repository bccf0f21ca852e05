import { useState } from 'react';
import type { ObjectiveRecord } from '../../../db/schema.ts';
import {
  diffChanges,
  readObjective,
  type FieldErrors,
  type ObjectiveDraft,
  type PlanStatus,
} from './amend-rules.ts';
import { ChangeForm, planned, type FormReading } from './change-form.tsx';
import { TextField } from './form-fields.tsx';
import { useAmendT } from './use-amend-t.ts';

type Siblings = readonly Pick<ObjectiveRecord, 'id' | 'number' | 'state'>[];

const weightText = (w: number | null) => (w === null ? '' : String(w).replace('.', ','));

function draftOf(o: ObjectiveRecord | null): ObjectiveDraft {
  return {
    number: o?.number ?? '',
    title: o?.title ?? '',
    indicator: o?.indicator ?? '',
    subjects: o?.subjects ?? '',
    head: weightText(o?.weights.head ?? null),
    giunta: weightText(o?.weights.giunta ?? null),
    nucleo: weightText(o?.weights.nucleo ?? null),
  };
}

/** Number, title, indicator, offices (unless replacing: the contract's replacement has none), weights. */
function ObjectiveFields({
  form,
  draft,
  setDraft,
  errors,
  withSubjects,
}: {
  form: string;
  draft: ObjectiveDraft;
  setDraft: (d: ObjectiveDraft) => void;
  errors: FieldErrors;
  withSubjects: boolean;
}) {
  const { t } = useAmendT();
  const set = (field: keyof ObjectiveDraft) => (value: string) => setDraft({ ...draft, [field]: value });
  return (
    <>
      <TextField
        form={form}
        name="number"
        label="amend.field.number"
        required
        errors={errors}
        value={draft.number}
        onChange={set('number')}
      />
      <TextField
        form={form}
        name="title"
        label="amend.field.title"
        required
        multiline
        errors={errors}
        value={draft.title}
        onChange={set('title')}
      />
      <TextField
        form={form}
        name="indicator"
        label="amend.field.indicator"
        multiline
        errors={errors}
        value={draft.indicator}
        onChange={set('indicator')}
      />
      {withSubjects && (
        <TextField
          form={form}
          name="subjects"
          label="amend.field.subjects"
          errors={errors}
          value={draft.subjects}
          onChange={set('subjects')}
        />
      )}
      <fieldset className="amend-fieldset amend-weights">
        <legend>{t('amend.field.weights')}</legend>
        <TextField
          form={form}
          name="head"
          label="amend.field.weight.head"
          inputMode="decimal"
          errors={errors}
          value={draft.head}
          onChange={set('head')}
        />
        <TextField
          form={form}
          name="giunta"
          label="amend.field.weight.giunta"
          inputMode="decimal"
          errors={errors}
          value={draft.giunta}
          onChange={set('giunta')}
        />
        <TextField
          form={form}
          name="nucleo"
          label="amend.field.weight.nucleo"
          inputMode="decimal"
          errors={errors}
          value={draft.nucleo}
          onChange={set('nucleo')}
        />
      </fieldset>
    </>
  );
}

interface Common {
  status: PlanStatus;
  onDone: () => void;
  onCancel: () => void;
}

/** objective.update: only the fields that changed are sent. */
export function EditObjectiveForm({
  objective,
  siblings,
  ...common
}: Common & { objective: ObjectiveRecord; siblings: Siblings }) {
  const { t } = useAmendT();
  const [draft, setDraft] = useState(() => draftOf(objective));
  const read = (): FormReading => {
    const r = readObjective(draft, siblings, objective.id);
    if (!r.ok) return r;
    const current = {
      number: objective.number,
      title: objective.title,
      indicator: objective.indicator,
      subjects: objective.subjects ?? '',
      weights: objective.weights,
    };
    const changes = diffChanges(current, r.values);
    if (Object.keys(changes).length === 0)
      return { ok: false, errors: { title: { key: 'amend.error.noChange' } } };
    return {
      ok: true,
      change: (amendment) =>
        planned('objective.update', {
          objectiveId: objective.id,
          changes,
          ...(amendment ? { amendment } : {}),
        }),
    };
  };
  return (
    <ChangeForm id="edit-objective" title={t('amend.editObjective')} read={read} {...common}>
      {(errors) => (
        <ObjectiveFields
          form="edit-objective"
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          withSubjects
        />
      )}
    </ChangeForm>
  );
}

/** objective.add into an area: a client-made id, so a retry never adds it twice. */
export function AddObjectiveForm({
  areaId,
  siblings,
  ...common
}: Common & { areaId: string; siblings: Siblings }) {
  const { t } = useAmendT();
  const [draft, setDraft] = useState(() => draftOf(null));
  const [objectiveId] = useState(() => crypto.randomUUID());
  const read = (): FormReading => {
    const r = readObjective(draft, siblings, null);
    if (!r.ok) return r;
    const { number, title, indicator, subjects, weights } = r.values;
    return {
      ok: true,
      change: (amendment) =>
        planned('objective.add', {
          objectiveId,
          areaId,
          number,
          title,
          indicator,
          subjects,
          weights,
          ...(amendment ? { amendment } : {}),
        }),
    };
  };
  return (
    <ChangeForm id="add-objective" title={t('amend.addObjective')} read={read} {...common}>
      {(errors) => (
        <ObjectiveFields
          form="add-objective"
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          withSubjects
        />
      )}
    </ChangeForm>
  );
}

/** objective.replace: the old one leaves the count, the new one (its own number and title) enters. */
export function ReplaceObjectiveForm({
  objective,
  siblings,
  ...common
}: Common & { objective: ObjectiveRecord; siblings: Siblings }) {
  const { t } = useAmendT();
  const [draft, setDraft] = useState(() => ({ ...draftOf(objective), title: '' }));
  const [replacementId] = useState(() => crypto.randomUUID());
  const read = (): FormReading => {
    // The replaced objective frees its number: the replacement may keep it.
    const r = readObjective(draft, siblings, objective.id);
    if (!r.ok) return r;
    const { number, title, indicator, weights } = r.values;
    return {
      ok: true,
      change: (amendment) =>
        planned('objective.replace', {
          objectiveId: objective.id,
          replacement: { objectiveId: replacementId, number, title, indicator, weights },
          ...(amendment ? { amendment } : {}),
        }),
    };
  };
  return (
    <ChangeForm id="replace-objective" title={t('amend.replaceObjective')} read={read} {...common}>
      {(errors) => (
        <ObjectiveFields
          form="replace-objective"
          draft={draft}
          setDraft={setDraft}
          errors={errors}
          withSubjects={false}
        />
      )}
    </ChangeForm>
  );
}

/** objective.remove (stralcio): the motivation is what the paper plan prints beside it. */
export function RemoveObjectiveForm({ objective, ...common }: Common & { objective: ObjectiveRecord }) {
  const { t } = useAmendT();
  const read = (): FormReading => ({
    ok: true,
    change: (amendment) =>
      planned('objective.remove', { objectiveId: objective.id, ...(amendment ? { amendment } : {}) }),
  });
  return (
    <ChangeForm
      id="remove-objective"
      title={t('amend.removeObjective')}
      submitLabel="amend.confirmRemove"
      read={read}
      {...common}
    >
      {() => null}
    </ChangeForm>
  );
}
