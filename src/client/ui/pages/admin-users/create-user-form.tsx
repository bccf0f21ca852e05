import { useId, useRef, useState, type FormEvent } from 'react';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { AdminApiError } from '../admin-common/admin-api.ts';
import { useFailureText } from '../admin-common/admin-shell.tsx';
import type { AreaName } from '../admin-common/use-area-names.ts';
import { useUserActions } from './use-admin-users.ts';
import { checkDraft, firstInvalid, UserFields, type DraftErrors, type UserDraft } from './user-fields.tsx';

const EMPTY: UserDraft = { username: '', displayName: '', role: 'officer', areaIds: [], password: '' };

/**
 * A new user. The form checks what it can before sending (password length, empty fields) and puts
 * focus on the first wrong field; the server's 409/400 message appears beside the form, tied to the
 * username when it is taken.
 */
export function CreateUserForm({
  areas,
  onDone,
}: {
  areas: AreaName[];
  onDone: (username: string | null) => void;
}) {
  const { t } = useAdminT();
  const failureText = useFailureText();
  const idPrefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<UserDraft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const { create } = useUserActions();
  const serverError = create.error ? failureText(create.error) : null;
  const taken = create.error instanceof AdminApiError && create.error.failure === 'conflict';

  const focusField = (field: string) =>
    formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-${field}`)}`)?.focus();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, true, t);
    setErrors(found);
    const first = firstInvalid(found);
    if (first) {
      focusField(first);
      return;
    }
    create.mutate(
      { ...draft, username: draft.username.trim(), displayName: draft.displayName.trim() },
      {
        onSuccess: (user) => onDone(user.username),
        onError: (error) => {
          if (error instanceof AdminApiError && error.failure === 'conflict') {
            setErrors({ username: failureText(error) });
            focusField('username');
          }
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="card admin-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${idPrefix}-title`}
    >
      <h3 id={`${idPrefix}-title`}>{t('admin.users.newTitle')}</h3>
      <UserFields
        idPrefix={idPrefix}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        areas={areas}
        creating
      />
      <div role="alert">
        {serverError && !taken && (
          <p className="alert alert-danger">
            <Icon name="alert" />
            <span>{serverError}</span>
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="btn" disabled={create.isPending}>
          {create.isPending ? t('admin.saving') : t('admin.users.create')}
        </button>
        <button type="button" className="btn btn-outline" onClick={() => onDone(null)}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
