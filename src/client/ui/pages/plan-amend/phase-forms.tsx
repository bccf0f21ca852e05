import { useState } from 'react';
import type { PhaseRecord } from '../../../db/schema.ts';
import { diffChanges, readPhase, type FieldErrors, type PhaseDraft, type PlanStatus } from './amend-rules.ts';
import { ChangeForm, planned, type FormReading } from './change-form.tsx';
import { SelectField, TextField } from './form-fields.tsx';
import { useAmendT } from './use-amend-t.ts';

type Siblings = readonly Pick<PhaseRecord, 'id' | 'number' | 'removed'>[];

interface Common {
  status: PlanStatus;
  planYear: number | null;
  onDone: () => void;
  onCancel: () => void;
}

const UNIT_OPTIONS = [
  { value: '' as const, label: 'amend.unit.none' as const },
  { value: 'percent' as const, label: 'amend.unit.percent' as const },
  { value: 'points' as const, label: 'amend.unit.points' as const },
];

function draftOf(p: PhaseRecord | null, nextNumber: number): PhaseDraft {
  return {
    number: String(p?.number ?? nextNumber),
    description: p?.description ?? '',
    indicator: p?.indicator ?? '',
    subjects: p?.subjects ?? '',
    weight: p?.weight === null || p?.weight === undefined ? '' : String(p.weight).replace('.', ','),
    weightUnit: p?.weightUnit ?? '',
    deadline: p?.deadline ?? '',
  };
}

function PhaseFields({
  form,
  draft,
  setDraft,
  errors,
  planYear,
}: {
  form: string;
  draft: PhaseDraft;
  setDraft: (d: PhaseDraft) => void;
  errors: FieldErrors;
  planYear: number | null;
}) {
  const { t } = useAmendT();
  const set = (field: keyof PhaseDraft) => (value: string) => setDraft({ ...draft, [field]: value });
  return (
    <>
      <TextField
        form={form}
        name="number"
        label="amend.field.number"
        required
        inputMode="numeric"
        errors={errors}
        value={draft.number}
        onChange={set('number')}
      />
      <TextField
        form={form}
        name="description"
        label="amend.field.description"
        required
        multiline
        errors={errors}
        value={draft.description}
        onChange={set('description')}
      />
      <TextField
        form={form}
        name="indicator"
        label="amend.field.indicator"
        errors={errors}
        value={draft.indicator}
        onChange={set('indicator')}
      />
      <TextField
        form={form}
        name="subjects"
        label="amend.field.subjects"
        errors={errors}
        value={draft.subjects}
        onChange={set('subjects')}
      />
      <TextField
        form={form}
        name="weight"
        label="amend.field.weight"
        inputMode="decimal"
        errors={errors}
        value={draft.weight}
        onChange={set('weight')}
      />
      <SelectField
        form={form}
        name="weightUnit"
        label="amend.field.weightUnit"
        errors={errors}
        value={draft.weightUnit}
        options={UNIT_OPTIONS}
        onChange={(weightUnit) => setDraft({ ...draft, weightUnit })}
      />
      <TextField
        form={form}
        name="deadline"
        label="amend.field.deadline"
        type="date"
        errors={errors}
        {...(planYear === null ? {} : { hint: t('amend.error.deadlineYear', { year: String(planYear) }) })}
        value={draft.deadline}
        onChange={set('deadline')}
      />
    </>
  );
}

/** phase.update of an existing phase, or phase.add (a client-made id) when `phase` is null. */
export function PhaseForm({
  phase,
  objectiveId,
  siblings,
  status,
  planYear,
  onDone,
  onCancel,
}: Common & { phase: PhaseRecord | null; objectiveId: string; siblings: Siblings }) {
  const { t } = useAmendT();
  const nextNumber = Math.max(0, ...siblings.map((s) => s.number)) + 1;
  const [draft, setDraft] = useState(() => draftOf(phase, nextNumber));
  const [newId] = useState(() => crypto.randomUUID());
  const form = phase ? `edit-phase-${phase.id}` : 'add-phase';
  const read = (): FormReading => {
    const r = readPhase(draft, siblings, phase?.id ?? null, planYear);
    if (!r.ok) return r;
    if (!phase) {
      return {
        ok: true,
        change: (amendment) =>
          planned('phase.add', {
            phaseId: newId,
            objectiveId,
            ...r.values,
            ...(amendment ? { amendment } : {}),
          }),
      };
    }
    const current = {
      number: phase.number,
      description: phase.description,
      indicator: phase.indicator,
      subjects: phase.subjects,
      weight: phase.weight,
      weightUnit: phase.weightUnit,
      deadline: phase.deadline,
    };
    const changes = diffChanges(current, r.values);
    if (Object.keys(changes).length === 0) {
      return { ok: false, errors: { description: { key: 'amend.error.noChange' } } };
    }
    return {
      ok: true,
      change: (amendment) =>
        planned('phase.update', { phaseId: phase.id, changes, ...(amendment ? { amendment } : {}) }),
    };
  };
  return (
    <ChangeForm
      id={form}
      title={phase ? t('amend.editPhase', { number: String(phase.number) }) : t('amend.addPhase')}
      status={status}
      read={read}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(errors) => (
        <PhaseFields form={form} draft={draft} setDraft={setDraft} errors={errors} planYear={planYear} />
      )}
    </ChangeForm>
  );
}

/** phase.remove: on an approved plan the phase stays, cancelled for good, out of the count. */
export function RemovePhaseForm({
  phase,
  status,
  onDone,
  onCancel,
}: Omit<Common, 'planYear'> & { phase: PhaseRecord }) {
  const { t } = useAmendT();
  const read = (): FormReading => ({
    ok: true,
    change: (amendment) =>
      planned('phase.remove', { phaseId: phase.id, ...(amendment ? { amendment } : {}) }),
  });
  return (
    <ChangeForm
      id={`remove-phase-${phase.id}`}
      title={t('amend.removePhase', { number: String(phase.number) })}
      submitLabel="amend.confirmRemove"
      status={status}
      read={read}
      onDone={onDone}
      onCancel={onCancel}
    >
      {() => null}
    </ChangeForm>
  );
}
