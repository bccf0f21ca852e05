import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
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
}

// TanStack Query lives only in this lazily loaded page, so it stays out of the first chunk.
const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });

function LoginForm({ onSignIn, reauthUser, onCancel }: LoginPageProps) {
  const { t, lang } = useT();
  const id = useId();
  const [username, setUsername] = useState(reauthUser?.username ?? '');
  const [password, setPassword] = useState('');
  const [otherUser, setOtherUser] = useState<string | null>(null);
  const login = useMutation({
    mutationFn: (credentials: { username: string; password: string }) => requestLogin(credentials, lang),
    onSuccess: async (response) => {
      const saved = await onSignIn(response);
      setOtherUser(saved.ok ? null : (reauthUser?.displayName ?? saved.previousUserName));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOtherUser(null);
    login.mutate({ username: username.trim(), password });
  };
  const errorKey =
    login.error instanceof LoginError
      ? ERROR_KEYS[login.error.code]
      : login.error
        ? 'login.error.server'
        : null;
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
          {(errorKey || otherUser) && (
            <p className="alert alert-danger">
              <Icon name="alert" />
              <span>
                {otherUser ? t('login.error.otherUser', { name: otherUser }) : errorKey && t(errorKey)}
              </span>
            </p>
          )}
        </div>
        <button
          type="submit"
          className="btn login-submit"
          disabled={login.isPending || !username || !password}
        >
          {login.isPending ? t('login.submitting') : t('login.submit')}
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

/** The sign-in form (the network is needed once; afterwards the app works offline). */
export function LoginPage(props: LoginPageProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <LoginForm {...props} />
    </QueryClientProvider>
  );
}
