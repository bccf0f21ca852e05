import { useState } from 'react';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { Icon } from '../../components/icons.tsx';
import { useFailureText } from '../admin-common/admin-shell.tsx';
import { useAdminSessions, useUserActions } from './use-admin-users.ts';

/** The ente's live sessions: who, since, expires, last seen; "Termina" ends one at once. */
export function SessionsTable({ ownSessionUserId }: { ownSessionUserId: string }) {
  const { t, locale } = useAdminT();
  // Short dates, so four columns fit a phone without scrolling sideways.
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const when = (iso: string) => short.format(Date.parse(iso));
  const failureText = useFailureText();
  const sessions = useAdminSessions();
  const { endSession } = useUserActions();
  const [ended, setEnded] = useState<string | null>(null);
  if (sessions.isPending) return <p role="status">{t('app.loading')}</p>;
  if (sessions.isError) {
    return (
      <p className="alert alert-danger" role="alert">
        <Icon name="alert" />
        <span>{failureText(sessions.error)}</span>
      </p>
    );
  }
  return (
    <>
      <div role="status" aria-live="polite">
        {ended && <p className="alert alert-success">{t('admin.sessions.ended', { name: ended })}</p>}
      </div>
      {endSession.error && (
        <p className="alert alert-danger" role="alert">
          {failureText(endSession.error)}
        </p>
      )}
      {sessions.data.length === 0 ? (
        <p className="muted">{t('admin.sessions.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.sessions.title')}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.sessions.who')}</th>
                <th scope="col">{t('admin.sessions.since')}</th>
                <th scope="col">{t('admin.sessions.lastSeen')}</th>
                <th scope="col">{t('admin.sessions.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.displayName}
                    <span className="muted small admin-sub">{s.username}</span>
                    {/* The action sits with the name, so it is on screen on a phone. */}
                    <button
                      type="button"
                      className="btn btn-outline btn-small admin-row-action"
                      disabled={endSession.isPending}
                      onClick={() => endSession.mutate(s.id, { onSuccess: () => setEnded(s.displayName) })}
                    >
                      {t('admin.sessions.end')}
                      <span className="visually-hidden">
                        {' '}
                        {s.userId === ownSessionUserId ? t('admin.sessions.yours') : s.displayName}
                      </span>
                    </button>
                  </th>
                  <td>{when(s.createdAt)}</td>
                  <td>{s.lastSeenAt ? when(s.lastSeenAt) : '—'}</td>
                  <td>{when(s.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
