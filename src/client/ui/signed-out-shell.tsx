/**
 * The header and the sign-in form shown when no session is stored: part of the entry chunk, so the
 * first screen of a new device needs nothing else (no Dexie, no sync engine, no page chunk).
 */
import type { ReactNode } from 'react';
import type { LoginResponse } from '../../shared/auth.ts';
import { useT } from '../i18n/use-t.ts';
import type { SignInResult } from './app-context.ts';
import { Icon } from './components/icons.tsx';
import { Link } from './components/link.tsx';
import { LoginPage } from './pages/login/login-page.tsx';
import { paths } from './router/routes.ts';

export function Brand({ enteName }: { enteName?: string | undefined }) {
  const { t } = useT();
  return (
    <Link href={paths.home()} className="app-brand">
      <Icon name="logo" />
      <span>
        {t('app.name')}
        <span className="app-brand-sub">{enteName ?? t('app.tagline')}</span>
      </span>
    </Link>
  );
}

/** The header over a page that has no signed-in shell: the sign-in form, or a notice. */
export function BareShell({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <>
      <header className="app-header">
        <div className="app-header-bar">
          <Brand />
        </div>
      </header>
      <main id="main" className={className ? `app-main ${className}` : 'app-main'} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function SignedOutShell({
  onSignIn,
  onSubmit,
}: {
  onSignIn: (login: LoginResponse) => Promise<SignInResult>;
  onSubmit?: () => void;
}) {
  return (
    <BareShell className="app-main-login">
      <LoginPage onSignIn={onSignIn} onSubmit={onSubmit} />
    </BareShell>
  );
}
