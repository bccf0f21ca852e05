import { useState } from 'react';
import type { AreaRecord } from '../../../db/schema.ts';
import { areaRemovalError, diffChanges, type FieldErrors, type PlanStatus } from './amend-rules.ts';
import { ChangeForm, planned, type FormReading } from './change-form.tsx';
import { TextField } from './form-fields.tsx';
import { useAmendT } from './use-amend-t.ts';

interface Common {
  status: PlanStatus;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * area.update (name, head) of an existing area, or area.add into the plan (a client-made id) when
 * `area` is null. area.add carries no head in the contract: a new area's head is set by editing it.
 */
export function AreaForm({
  area,
  planId,
  position,
  ...common
}: Common & { area: AreaRecord | null; planId: string; position: number }) {
  const { t } = useAmendT();
  const [name, setName] = useState(area?.name ?? '');
  const [head, setHead] = useState(area?.head ?? '');
  const [newId] = useState(() => crypto.randomUUID());
  const form = area ? 'edit-area' : 'add-area';
  const read = (): FormReading => {
    const errors: FieldErrors = {};
    if (name.trim() === '') errors.name = { key: 'amend.error.required' };
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    if (!area) {
      return {
        ok: true,
        change: (amendment) =>
          planned('area.add', {
            areaId: newId,
            planId,
            name: name.trim(),
            position,
            ...(amendment ? { amendment } : {}),
          }),
      };
    }
    const changes = diffChanges(
      { name: area.name, head: area.head ?? null },
      { name: name.trim(), head: head.trim() === '' ? null : head.trim() },
    );
    if (Object.keys(changes).length === 0)
      return { ok: false, errors: { name: { key: 'amend.error.noChange' } } };
    return {
      ok: true,
      change: (amendment) =>
        planned('area.update', { areaId: area.id, changes, ...(amendment ? { amendment } : {}) }),
    };
  };
  return (
    <ChangeForm id={form} title={t(area ? 'amend.editArea' : 'amend.addArea')} read={read} {...common}>
      {(errors) => (
        <>
          <TextField
            form={form}
            name="name"
            label="amend.field.name"
            required
            errors={errors}
            value={name}
            onChange={setName}
          />
          {area && (
            <TextField
              form={form}
              name="head"
              label="amend.field.head"
              errors={errors}
              value={head}
              onChange={setHead}
            />
          )}
        </>
      )}
    </ChangeForm>
  );
}

/** area.remove: refused in the form while the area still has objectives that count. */
export function RemoveAreaForm({
  area,
  objectiveCount,
  ...common
}: Common & { area: AreaRecord; objectiveCount: number }) {
  const { t } = useAmendT();
  const read = (): FormReading => {
    const error = areaRemovalError(objectiveCount);
    if (error) return { ok: false, errors: { area: error } };
    return {
      ok: true,
      change: (amendment) => planned('area.remove', { areaId: area.id, ...(amendment ? { amendment } : {}) }),
    };
  };
  return (
    <ChangeForm
      id="remove-area"
      title={t('amend.removeArea')}
      submitLabel="amend.confirmRemove"
      read={read}
      {...common}
    >
      {(errors) =>
        errors.area ? (
          // Not a field: the refusal is about the area itself, so it is focusable and announced.
          <p id="remove-area-area-error" className="field-error" tabIndex={-1} data-invalid>
            {t(errors.area.key, errors.area.params)}
          </p>
        ) : null
      }
    </ChangeForm>
  );
}
