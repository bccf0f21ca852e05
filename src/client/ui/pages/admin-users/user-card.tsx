import { useId, useRef, useState, type FormEvent } from 'react';
import type { AdminUser } from '../../../../shared/admin-users.ts';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/admin-users.ts';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { useFailureText } from '../admin-common/admin-shell.tsx';
import type { AreaName } from '../admin-common/use-area-names.ts';
import { useUserActions } from './use-admin-users.ts';
import { checkDraft, firstInvalid, UserFields, type DraftErrors, type UserDraft } from './user-fields.tsx';

type Panel = 'closed' | 'edit' | 'password';

/**
 * One user: name, username, role, areas by name, active. "Modifica" opens the form for name, role
 * and areas; "Reimposta password" a password field; "Disattiva"/"Riattiva" acts at once. Focus goes
 * into a panel when it opens and back to its button when it closes.
 */
export function UserCard({ user, areas, isSelf }: { user: AdminUser; areas: AreaName[]; isSelf: boolean }) {
  const { t } = useAdminT();
  const failureText = useFailureText();
  const idPrefix = useId();
  const [panel, setPanel] = useState<Panel>('closed');
  const [draft, setDraft] = useState<UserDraft>(() => toDraft(user));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLFormElement>(null);
  const { update } = useUserActions();
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const areaText = user.areaIds.map((id) => names.get(id) ?? id).join(', ');
  const serverError = update.error ? failureText(update.error) : null;
  const ownAreas = user.role === 'head' || user.role === 'officer';

  const open = (next: Panel) => {
    update.reset();
    setNotice(null);
    setErrors({});
    setPasswordError(null);
    setDraft(toDraft(user));
    setPassword('');
    setPanel(next);
    // After React has rendered the panel.
    requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>('input, select')?.focus());
  };
  const close = (was: Panel) => {
    setPanel('closed');
    requestAnimationFrame(() => (was === 'password' ? passwordButton : editButton).current?.focus());
  };

  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, false, t);
    setErrors(found);
    const first = firstInvalid(found);
    if (first) {
      panelRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${idPrefix}-${first}`)}`)?.focus();
      return;
    }
    update.mutate(
      {
        id: user.id,
        changes: { displayName: draft.displayName.trim(), role: draft.role, areaIds: draft.areaIds },
      },
      {
        onSuccess: () => {
          setNotice(t('admin.users.saved'));
          close('edit');
        },
      },
    );
  };
  const savePassword = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setPasswordError(t('admin.passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
      panelRef.current?.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    setPasswordError(null);
    update.mutate(
      { id: user.id, changes: { password } },
      {
        onSuccess: () => {
          setNotice(t('admin.users.passwordReset'));
          close('password');
        },
      },
    );
  };
  const toggleActive = () => {
    setNotice(null);
    update.mutate(
      { id: user.id, changes: { active: !user.active } },
      {
        onSuccess: (after) =>
          setNotice(
            t(after.active ? 'admin.users.reactivated' : 'admin.users.deactivated', {
              name: after.displayName,
            }),
          ),
      },
    );
  };

  return (
    <li className="card admin-user" aria-labelledby={`${idPrefix}-name`}>
      <h3 className="admin-user-name">
        <span id={`${idPrefix}-name`}>{user.displayName}</span>
        {!user.active && <span className="badge badge-cancelled">{t('admin.users.inactive')}</span>}
      </h3>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.users.username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('admin.users.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </div>
        <div>
          <dt>{t('admin.users.areas')}</dt>
          <dd>{areaText || t(ownAreas ? 'admin.users.noAreasAssigned' : 'admin.users.allAreas')}</dd>
        </div>
        <div>
          <dt>{t('admin.users.state')}</dt>
          <dd>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</dd>
        </div>
      </dl>
      <div role="status" aria-live="polite">
        {notice && panel === 'closed' && (
          <p className="alert alert-success">
            <Icon name="check" />
            <span>{notice}</span>
          </p>
        )}
      </div>
      {panel === 'closed' && serverError && (
        <p className="alert alert-danger" role="alert">
          <Icon name="alert" />
          <span>{serverError}</span>
        </p>
      )}
      {panel === 'edit' && (
        <form
          ref={panelRef}
          className="admin-panel"
          onSubmit={saveEdit}
          noValidate
          aria-label={t('admin.users.editOf', { name: user.displayName })}
        >
          <UserFields
            idPrefix={idPrefix}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            areas={areas}
            creating={false}
          />
          <div role="alert">
            {serverError && (
              <p className="alert alert-danger">
                <Icon name="alert" />
                <span>{serverError}</span>
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="btn" disabled={update.isPending}>
              {update.isPending ? t('admin.saving') : t('admin.save')}
            </button>
            <button type="button" className="btn btn-outline" onClick={() => close('edit')}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      )}
      {panel === 'password' && (
        <form
          ref={panelRef}
          className="admin-panel"
          onSubmit={savePassword}
          noValidate
          aria-label={t('admin.users.passwordOf', { name: user.displayName })}
        >
          <div className="field">
            <label htmlFor={`${idPrefix}-newpw`}>{t('admin.users.newPassword')}</label>
            <input
              id={`${idPrefix}-newpw`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={`${idPrefix}-newpw-hint${passwordError ? ` ${idPrefix}-newpw-error` : ''}`}
              onChange={(e) => setPassword(e.target.value)}
            />
            <p id={`${idPrefix}-newpw-hint`} className="hint">
              {t('admin.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            </p>
            {passwordError && (
              <p id={`${idPrefix}-newpw-error`} className="field-error">
                {passwordError}
              </p>
            )}
          </div>
          <div role="alert">
            {serverError && (
              <p className="alert alert-danger">
                <Icon name="alert" />
                <span>{serverError}</span>
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="btn" disabled={update.isPending}>
              {t('admin.users.setPassword')}
            </button>
            <button type="button" className="btn btn-outline" onClick={() => close('password')}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      )}
      {panel === 'closed' && (
        <div className="button-row">
          <button
            ref={editButton}
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => open('edit')}
          >
            {t('admin.users.edit')}
            <span className="visually-hidden"> {user.displayName}</span>
          </button>
          <button
            ref={passwordButton}
            type="button"
            className="btn btn-outline btn-small"
            onClick={() => open('password')}
          >
            {t('admin.users.resetPassword')}
            <span className="visually-hidden"> {user.displayName}</span>
          </button>
          {!isSelf && (
            <button
              type="button"
              className={user.active ? 'btn btn-danger btn-small' : 'btn btn-outline btn-small'}
              onClick={toggleActive}
              disabled={update.isPending}
            >
              {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
              <span className="visually-hidden"> {user.displayName}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function toDraft(user: AdminUser): UserDraft {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    areaIds: user.areaIds,
    password: '',
  };
}
