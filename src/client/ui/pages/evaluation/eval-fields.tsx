import type { ReactNode } from 'react';
import type { FieldErrors } from './eval-rules.ts';
import { useEvalT, type EvalKey } from './use-eval-t.ts';

/**
 * The evaluation forms' fields: a visible label, an optional hint, the error under the control,
 * both tied to it by aria-describedby; the control marked aria-invalid while its error shows.
 */
interface FieldProps {
  /** The form's prefix: ids stay unique when several forms are on the page. */
  form: string;
  name: string;
  label: EvalKey;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

function describedBy(id: string, hint: string | undefined, error: boolean): string | undefined {
  const parts = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(
    (x): x is string => x !== null,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function ErrorLine({ id, errors, name }: { id: string; errors: FieldErrors; name: string }) {
  const { t } = useEvalT();
  const error = errors[name];
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {t(error.key, error.params)}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
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
  multiline = false,
  numeric = false,
  disabled = false,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  numeric?: boolean;
  disabled?: boolean;
}) {
  const { t } = useEvalT();
  const id = `${form}-${name}`;
  const invalid = errors[name] !== undefined;
  const common = {
    id,
    name,
    value,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, hint, invalid),
    'aria-required': required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {t(label)}
        {required && <span className="muted small"> {t('eval.required')}</span>}
      </label>
      <Hint id={id} hint={hint} />
      {multiline ? (
        <textarea className="textarea" rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          className={numeric ? 'input eval-percent-input' : 'input'}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          {...common}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <ErrorLine id={id} errors={errors} name={name} />
    </div>
  );
}

export function CheckField({
  form,
  name,
  label,
  checked,
  onChange,
}: {
  form: string;
  name: string;
  label: EvalKey;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useEvalT();
  const id = `${form}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="eval-option">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t(label)}</span>
      </label>
    </div>
  );
}

/** A group of radio buttons in a fieldset; each whole label is a 44 px target. */
export function RadioField<V extends string>({
  form,
  name,
  label,
  errors,
  value,
  onChange,
  options,
  children,
}: FieldProps & {
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: EvalKey }[];
  children?: ReactNode;
}) {
  const { t } = useEvalT();
  const id = `${form}-${name}`;
  return (
    <fieldset className="eval-fieldset" aria-describedby={errors[name] ? `${id}-error` : undefined}>
      <legend>{t(label)}</legend>
      {options.map((o) => (
        <label key={o.value} className="eval-option" htmlFor={`${id}-${o.value || 'none'}`}>
          <input
            id={`${id}-${o.value || 'none'}`}
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>{t(o.label)}</span>
        </label>
      ))}
      {children}
      <ErrorLine id={id} errors={errors} name={name} />
    </fieldset>
  );
}
