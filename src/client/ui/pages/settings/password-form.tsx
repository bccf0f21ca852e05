import { useId, useRef, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/admin-users.ts';
import { errorBodySchema } from '../../../../shared/errors.ts';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { useSession } from '../../hooks/use-session.ts';

type Field = 'current' | 'next' | 'repeat';
type Outcome = { kind: 'saved' } | { kind: 'error'; text: string } | null;

/**
 * Changing one's own password (POST /api/auth/password), online only. The form checks length and
 * repetition before sending; a wrong current password is 403 (not 401, which would sign the device
 * out) and shows under that field.
 */
export function PasswordForm() {
  const { t, lang } = useAdminT();
  const { token, user } = useSession();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const focus = (field: Field) =>
    formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${field}`)}`)?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const found: Partial<Record<Field, string>> = {};
    if (values.current === '') found.current = t('password.error.currentEmpty');
    if (values.next.length < MIN_PASSWORD_LENGTH)
      found.next = t('admin.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    else if (values.repeat !== values.next) found.repeat = t('password.error.mismatch');
    setErrors(found);
    const first = (['current', 'next', 'repeat'] as const).find((f) => found[f]);
    if (first) return focus(first);
    if (!navigator.onLine) return setOutcome({ kind: 'error', text: t('password.offline') });
    setBusy(true);
    try {
      const res = await fetch('/api/auth/password', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'accept-language': lang,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ current: values.current, next: values.next }),
      });
      if (res.ok) {
        setValues({ current: '', next: '', repeat: '' });
        setOutcome({ kind: 'saved' });
      } else if (res.status === 403) {
        setErrors({ current: t('password.error.wrongCurrent') });
        focus('current');
      } else {
        const body = errorBodySchema.safeParse(await res.json().catch(() => null));
        setOutcome({ kind: 'error', text: body.success ? body.data.error.message : t('admin.error.server') });
      }
    } catch {
      setOutcome({ kind: 'error', text: t('password.offline') });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const describedBy = [hint ? `${id}-${name}-hint` : null, errors[name] ? `${id}-${name}-error` : null]
      .filter((x) => x !== null)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          className="input"
          type="password"
          autoComplete={autoComplete}
          value={values[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        />
        {hint && (
          <p id={`${id}-${name}-hint`} className="hint">
            {hint}
          </p>
        )}
        {errors[name] && (
          <p id={`${id}-${name}-error`} className="field-error">
            {errors[name]}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="card section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('password.section')}</h2>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        {/* A hidden username lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        {field('current', t('password.current'), 'current-password')}
        {field(
          'next',
          t('password.next'),
          'new-password',
          t('admin.passwordHint', { min: MIN_PASSWORD_LENGTH }),
        )}
        {field('repeat', t('password.repeat'), 'new-password')}
        <div role="status" aria-live="polite">
          {outcome?.kind === 'saved' && (
            <p className="alert alert-success">
              <Icon name="check" />
              <span>{t('password.saved')}</span>
            </p>
          )}
          {outcome?.kind === 'error' && (
            <p className="alert alert-danger">
              <Icon name="alert" />
              <span>{outcome.text}</span>
            </p>
          )}
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('admin.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
