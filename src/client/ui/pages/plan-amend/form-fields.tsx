import type { ReactNode } from 'react';
import type { FieldErrors } from './amend-rules.ts';
import { useAmendT, type AmendKey } from './use-amend-t.ts';

interface FieldProps {
  /** The form's prefix: ids stay unique when several forms are open. */
  form: string;
  name: string;
  label: AmendKey;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

function ids(form: string, name: string, errors: FieldErrors, hint: string | undefined) {
  const id = `${form}-${name}`;
  const described = [hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null].filter(
    (x): x is string => x !== null,
  );
  return { id, describedBy: described.length > 0 ? described.join(' ') : undefined };
}

/** Label, hint and error of one field; the error is tied to the control by aria-describedby. */
function Frame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  required: boolean;
  children: ReactNode;
}) {
  const { t } = useAmendT();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="muted small"> {t('amend.required')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  form,
  name,
  label,
  errors,
  hint,
  required = false,
  value,
  onChange,
  type = 'text',
  multiline = false,
  inputMode,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  multiline?: boolean;
  inputMode?: 'decimal' | 'numeric';
}) {
  const { t } = useAmendT();
  const { id, describedBy } = ids(form, name, errors, hint);
  const error = errors[name];
  const common = {
    id,
    name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
  };
  return (
    <Frame
      id={id}
      label={t(label)}
      hint={hint}
      error={error ? t(error.key, error.params) : undefined}
      required={required}
    >
      {multiline ? (
        <textarea className="textarea" rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          className="input"
          type={type}
          inputMode={inputMode}
          {...common}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Frame>
  );
}

export function SelectField<V extends string>({
  form,
  name,
  label,
  errors,
  hint,
  value,
  onChange,
  options,
}: FieldProps & { value: V; onChange: (value: V) => void; options: { value: V; label: AmendKey }[] }) {
  const { t } = useAmendT();
  const { id, describedBy } = ids(form, name, errors, hint);
  const error = errors[name];
  return (
    <Frame
      id={id}
      label={t(label)}
      hint={hint}
      error={error ? t(error.key, error.params) : undefined}
      required={false}
    >
      <select
        id={id}
        name={name}
        className="select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.label)}
          </option>
        ))}
      </select>
    </Frame>
  );
}
