import type { Role } from '../../../../shared/auth.ts';
import { ROLES } from '../../../../shared/auth.ts';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/admin-users.ts';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import type { AreaName } from '../admin-common/use-area-names.ts';

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  areaIds: string[];
  password: string;
}

export type DraftField = keyof UserDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

/** What the form can tell before sending (the server checks the same, and more). */
export function checkDraft(
  draft: UserDraft,
  creating: boolean,
  t: ReturnType<typeof useAdminT>['t'],
): DraftErrors {
  const errors: DraftErrors = {};
  if (creating && draft.username.trim() === '') errors.username = t('admin.users.error.usernameEmpty');
  else if (creating && /\s/.test(draft.username.trim()))
    errors.username = t('admin.users.error.usernameSpaces');
  if (draft.displayName.trim() === '') errors.displayName = t('admin.users.error.displayNameEmpty');
  if (creating && draft.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = t('admin.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  }
  return errors;
}

/** The first field with an error, in the order the form shows them (where focus goes). */
export function firstInvalid(errors: DraftErrors): DraftField | undefined {
  return (['username', 'displayName', 'role', 'areaIds', 'password'] as const).find((f) => errors[f]);
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length === 0 ? undefined : list.join(' ');
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="field-error">
      {text}
    </p>
  ) : null;
}

/**
 * The fields of a user: username and initial password when creating; display name, role and areas
 * always. Each error sits under its field and is tied to it (aria-describedby, aria-invalid).
 */
export function UserFields({
  idPrefix,
  draft,
  onChange,
  errors,
  areas,
  creating,
}: {
  idPrefix: string;
  draft: UserDraft;
  onChange: (next: UserDraft) => void;
  errors: DraftErrors;
  areas: AreaName[];
  creating: boolean;
}) {
  const { t } = useAdminT();
  const id = (field: string) => `${idPrefix}-${field}`;
  const err = (field: DraftField) => (errors[field] ? id(`${field}-error`) : undefined);
  const set = <K extends DraftField>(field: K, value: UserDraft[K]) => onChange({ ...draft, [field]: value });
  return (
    <>
      {creating && (
        <div className="field">
          <label htmlFor={id('username')}>{t('admin.users.username')}</label>
          <input
            id={id('username')}
            className="input"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={draft.username}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={err('username')}
            onChange={(e) => set('username', e.target.value)}
          />
          <FieldError id={id('username-error')} text={errors.username} />
        </div>
      )}
      <div className="field">
        <label htmlFor={id('displayName')}>{t('admin.users.displayName')}</label>
        <input
          id={id('displayName')}
          className="input"
          autoComplete="off"
          value={draft.displayName}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={err('displayName')}
          onChange={(e) => set('displayName', e.target.value)}
        />
        <FieldError id={id('displayName-error')} text={errors.displayName} />
      </div>
      <div className="field">
        <label htmlFor={id('role')}>{t('admin.users.role')}</label>
        <select
          id={id('role')}
          className="select"
          value={draft.role}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={err('role')}
          onChange={(e) => {
            const role = ROLES.find((r) => r === e.target.value);
            if (role) set('role', role);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <FieldError id={id('role-error')} text={errors.role} />
      </div>
      <fieldset
        className="field admin-areas"
        aria-describedby={describedBy(id('areas-hint'), err('areaIds'))}
      >
        <legend className="field-label">{t('admin.users.areas')}</legend>
        <p id={id('areas-hint')} className="hint">
          {t('admin.users.areasHint')}
        </p>
        {areas.length === 0 ? (
          <p className="muted">{t('admin.users.noAreas')}</p>
        ) : (
          <ul className="plain-list">
            {areas.map((a) => (
              <li key={a.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={draft.areaIds.includes(a.id)}
                    onChange={(e) =>
                      set(
                        'areaIds',
                        e.target.checked ? [...draft.areaIds, a.id] : draft.areaIds.filter((x) => x !== a.id),
                      )
                    }
                  />
                  <span>{a.name}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError id={id('areaIds-error')} text={errors.areaIds} />
      </fieldset>
      {creating && (
        <div className="field">
          <label htmlFor={id('password')}>{t('admin.users.initialPassword')}</label>
          <input
            id={id('password')}
            className="input"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy(id('password-hint'), err('password'))}
            onChange={(e) => set('password', e.target.value)}
          />
          <p id={id('password-hint')} className="hint">
            {t('admin.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          </p>
          <FieldError id={id('password-error')} text={errors.password} />
        </div>
      )}
    </>
  );
}
