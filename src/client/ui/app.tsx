import { lazy, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { StoredSession } from '../db/session.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { SyncStatusStore } from '../sync/sync-status.ts';
import { useT } from '../i18n/use-t.ts';
import {
  DbContext,
  SessionContext,
  SyncContext,
  type SessionValue,
  type SyncControls,
} from './app-context.ts';
import type { AppController } from './app-controller.ts';
import { AppNav } from './components/app-nav.tsx';
import { AppBanners } from './components/banners.tsx';
import { DbBlocked } from './components/db-blocked.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Icon } from './components/icons.tsx';
import { Link } from './components/link.tsx';
import { SyncIndicator } from './components/sync-indicator.tsx';
import { getLocationSnapshot } from './router/history.ts';
import { paths } from './router/routes.ts';
import { RouteView } from './route-view.tsx';
import { useEnteName } from './hooks/use-ente-name.ts';
import { useRoute } from './hooks/use-route.ts';

const LoginPage = lazy(() => import('./pages/login/login-page.tsx').then((m) => ({ default: m.LoginPage })));

function Brand({ enteName }: { enteName?: string | undefined }) {
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

function SignedInBrand() {
  return <Brand enteName={useEnteName()} />;
}

function Loading() {
  const { t } = useT();
  return (
    <p className="page-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

function PageError() {
  const { t } = useT();
  return (
    <div className="alert alert-danger" role="alert">
      <Icon name="alert" />
      <p>{t('app.error')}</p>
    </div>
  );
}

function SignedInShell({
  controller,
  session,
  engine,
  syncStatus,
  reauth,
}: {
  controller: AppController;
  session: StoredSession;
  engine: SyncEngine | null;
  syncStatus: SyncStatusStore;
  reauth: boolean;
}) {
  const { t } = useT();
  useRoute(); // re-render the error boundary's reset key on navigation
  const sessionValue = useMemo<SessionValue>(
    () => ({
      user: session.user,
      token: session.token,
      requestSignIn: () => controller.requestSignIn(),
      signOut: () => controller.signOut(),
    }),
    [controller, session],
  );
  const syncControls = useMemo<SyncControls>(
    () => ({
      subscribe: (listener) => syncStatus.subscribe(listener),
      getSnapshot: () => syncStatus.getSnapshot(),
      // Before the engine's chunk arrives there is nothing to call: it syncs as soon as it starts.
      syncNow: () => void engine?.syncNow(),
      notifyLocalChange: () => engine?.notifyLocalChange(),
    }),
    [engine, syncStatus],
  );
  return (
    <DbContext value={controller.db}>
      <SessionContext value={sessionValue}>
        <SyncContext value={syncControls}>
          <a className="skip-link" href="#main">
            {t('app.skipToContent')}
          </a>
          <header className="app-header">
            <div className="app-header-bar">
              <SignedInBrand />
              <AppNav variant="top" />
            </div>
            <SyncIndicator />
          </header>
          <AppBanners signingIn={reauth} />
          <main id="main" className="app-main" tabIndex={-1}>
            <ErrorBoundary fallback={<PageError />} resetKey={getLocationSnapshot()}>
              <Suspense fallback={<Loading />}>
                {reauth ? (
                  <LoginPage
                    onSignIn={(login) => controller.signIn(login)}
                    reauthUser={session.user}
                    onCancel={() => controller.cancelSignIn()}
                  />
                ) : (
                  <RouteView />
                )}
              </Suspense>
            </ErrorBoundary>
          </main>
          <AppNav variant="bottom" />
        </SyncContext>
      </SessionContext>
    </DbContext>
  );
}

/** The app: sign-in when there is no session on the device, otherwise the shell and the pages. */
export function App({ controller }: { controller: AppController }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  useEffect(() => {
    void controller.init();
  }, [controller]);
  if (state.dbBlocked) {
    return (
      <main className="app-main">
        <DbBlocked />
      </main>
    );
  }
  if (state.status === 'loading') return null;
  if (state.status === 'signedIn' && state.session) {
    return (
      <SignedInShell
        controller={controller}
        session={state.session}
        engine={state.engine}
        syncStatus={state.syncStatus}
        reauth={state.reauth}
      />
    );
  }
  return (
    <>
      <header className="app-header">
        <div className="app-header-bar">
          <Brand />
        </div>
      </header>
      <main id="main" className="app-main app-main-login" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <LoginPage onSignIn={(login) => controller.signIn(login)} />
        </Suspense>
      </main>
    </>
  );
}
