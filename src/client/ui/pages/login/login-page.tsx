import { useId, useRef, useState, type FormEvent } from 'react';
import type { LoginResponse, SessionUser } from '../../../../shared/auth.ts';
import type { MessageKey } from '../../../i18n/it.ts';
import type { SignInResult } from '../../app-context.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Icon } from '../../components/icons.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { LoginError, requestLogin, type LoginErrorCode } from './login-request.ts';
import './login.css';

const ERROR_KEYS: Record<LoginErrorCode, MessageKey> = {
  invalid: 'login.error.invalid',
  rate_limited: 'login.error.rateLimited',
  offline: 'login.error.offline',
  server: 'login.error.server',
};

interface LoginPageProps {
  /** Refused while another user's changes wait: the result names that user. */
  onSignIn: (login: LoginResponse) => Promise<SignInResult>;
  /** Signing in again after the session expired: the form names the user. */
  reauthUser?: SessionUser;
  /** Back to the app without signing in (the queue keeps waiting). */
  onCancel?: () => void;
  /** The form was submitted: the caller may start loading what a successful sign-in needs. */
  onSubmit?: (() => void) | undefined;
}

type Attempt =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'failed'; errorKey: MessageKey }
  | { state: 'otherUser'; name: string };

/**
 * The sign-in form (the network is needed once; afterwards the app works offline). Part of the entry
 * chunk, so it holds its one request's state itself instead of through TanStack Query (which would
 * bring ~10 KB to the first screen for a single mutation that is never cached or retried).
 */
export function LoginPage({ onSignIn, reauthUser, onCancel, onSubmit }: LoginPageProps) {
  const { t, lang } = useT();
  const id = useId();
  const [username, setUsername] = useState(reauthUser?.username ?? '');
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ state: 'idle' });
  // One attempt at a time: a second submit while one is under way is ignored.
  const running = useRef(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    running.current = true;
    setAttempt({ state: 'pending' });
    onSubmit?.();
    void requestLogin({ username: username.trim(), password }, lang)
      .then(async (response) => {
        const saved = await onSignIn(response);
        // On success this form is usually gone already (the shell replaced it).
        setAttempt(
          saved.ok
            ? { state: 'idle' }
            : { state: 'otherUser', name: reauthUser?.displayName ?? saved.previousUserName },
        );
      })
      .catch((error: unknown) => {
        const errorKey = error instanceof LoginError ? ERROR_KEYS[error.code] : 'login.error.server';
        setAttempt({ state: 'failed', errorKey });
      })
      .finally(() => {
        running.current = false;
      });
  };
  const pending = attempt.state === 'pending';
  return (
    <div className="login">
      <div className="login-brand" aria-hidden="true">
        <Icon name="logo" />
      </div>
      <PageTitle title={t('login.title')}>{t('login.title')}</PageTitle>
      <p>{reauthUser ? t('login.reauth', { name: reauthUser.displayName }) : t('login.intro')}</p>
      <form className="card login-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('login.username')}</label>
          <input
            id={`${id}-user`}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('login.password')}</label>
          <input
            id={`${id}-password`}
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div role="alert" aria-live="assertive">
          {(attempt.state === 'failed' || attempt.state === 'otherUser') && (
            <p className="alert alert-danger">
              <Icon name="alert" />
              <span>
                {attempt.state === 'otherUser'
                  ? t('login.error.otherUser', { name: attempt.name })
                  : t(attempt.errorKey)}
              </span>
            </p>
          )}
        </div>
        <button type="submit" className="btn login-submit" disabled={pending || !username || !password}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-outline login-submit login-cancel" onClick={onCancel}>
            {t('login.cancel')}
          </button>
        )}
      </form>
    </div>
  );
}
