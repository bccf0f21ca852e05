import { useRef, useState } from 'react';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { AdminShell, useFailureText } from '../admin-common/admin-shell.tsx';
import { useAreaNames } from '../admin-common/use-area-names.ts';
import { CreateUserForm } from './create-user-form.tsx';
import { SessionsTable } from './sessions-table.tsx';
import { useAdminUsers } from './use-admin-users.ts';
import { UserCard } from './user-card.tsx';

function UsersSection() {
  const { t } = useAdminT();
  const failureText = useFailureText();
  const { user: me } = useSession();
  const users = useAdminUsers();
  const areas = useAreaNames() ?? [];
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const done = (username: string | null) => {
    setCreating(false);
    setCreated(username);
    requestAnimationFrame(() => newButton.current?.focus());
  };
  return (
    <section className="section" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users.title')}</h2>
      <div role="status" aria-live="polite">
        {created && (
          <p className="alert alert-success">
            <Icon name="check" />
            <span>{t('admin.users.created', { username: created })}</span>
          </p>
        )}
      </div>
      {creating ? (
        <CreateUserForm areas={areas} onDone={done} />
      ) : (
        <button
          ref={newButton}
          type="button"
          className="btn admin-new"
          onClick={() => {
            setCreated(null);
            setCreating(true);
          }}
        >
          {t('admin.users.new')}
        </button>
      )}
      {users.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : users.isError ? (
        <p className="alert alert-danger" role="alert">
          <Icon name="alert" />
          <span>{failureText(users.error)}</span>
        </p>
      ) : (
        <ul className="plain-list admin-users">
          {users.data.map((u) => (
            <UserCard key={u.id} user={u} areas={areas} isSelf={u.id === me.id} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The admin's users (list, create, edit, deactivate, reset a password) and the ente's sessions. */
export function AdminUsersPage() {
  const { t } = useAdminT();
  const { user } = useSession();
  return (
    <AdminShell title="admin.users.pageTitle">
      <UsersSection />
      <section className="section" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('admin.sessions.title')}</h2>
        <SessionsTable ownSessionUserId={user.id} />
      </section>
    </AdminShell>
  );
}
