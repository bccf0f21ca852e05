/**
 * The app once its data layer is loaded: the controller (Dexie, the stored session, the sync engine's
 * lifetime), the signed-in shell and the pages. Its own chunk, imported by bootstrap.ts only when a
 * session is stored or a sign-in is being completed, so the sign-in form never waits for it.
 */
// Titillium Web from the app's own files (latin subset, 400/600/700), never from a CDN, so it works
// offline and under the CSP; `font-display: swap`, so no text waits for it. It comes with this chunk,
// not the entry: the sign-in form of a first visit uses the system font and downloads none.
import '@fontsource/titillium-web/latin-400.css';
import '@fontsource/titillium-web/latin-600.css';
import '@fontsource/titillium-web/latin-700.css';
// The signed-in pages' styles; the sign-in form's (base, controls, shell) are in the entry.
import './styles/components.css';
import './styles/phase-card.css';
import './styles/notes.css';
import { Suspense, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
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
import { createAppController, type AppController } from './app-controller.ts';
import type { LoadedApp } from './bootstrap.ts';
import { AppNav } from './components/app-nav.tsx';
import { AppBanners } from './components/banners.tsx';
import { DbBlocked } from './components/db-blocked.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Icon } from './components/icons.tsx';
import { PlanSelector } from './components/plan-selector.tsx';
import { SyncIndicator } from './components/sync-indicator.tsx';
import { useEnteName } from './hooks/use-ente-name.ts';
import { useSync } from './hooks/use-sync.ts';
import { useRoute } from './hooks/use-route.ts';
import { LoginPage } from './pages/login/login-page.tsx';
import { RouteView } from './route-view.tsx';
import { isChunkLoadError, retryFailedPages } from './router/retryable-lazy.ts';
import { getLocationSnapshot } from './router/history.ts';
import { Brand, SignedOutShell } from './signed-out-shell.tsx';

/** The controller over the device's database, and what renders it. */
export function startDeviceApp(options: Parameters<typeof createAppController>[0] = {}): LoadedApp {
  return { controller: createAppController(options), View: DeviceApp };
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

/**
 * A page that failed. A chunk that could not be fetched (offline before the service worker held it)
 * says so and opens by itself once the device is back online; anything else is unexpected.
 */
function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useT();
  const { status } = useSync();
  const missing = isChunkLoadError(error);
  // Only on the way back online: a load that fails while online asks for "Riprova", never loops.
  const wasOnline = useRef(status.online);
  useEffect(() => {
    if (missing && status.online && !wasOnline.current) retry();
    wasOnline.current = status.online;
  }, [missing, status.online, retry]);
  if (missing && !status.online) {
    return (
      <div className="alert alert-warning" role="status">
        <Icon name="cloudOff" />
        <p>{t('app.pageNotDownloaded')}</p>
      </div>
    );
  }
  return (
    <div className="alert alert-danger" role="alert">
      <Icon name="alert" />
      <p>{t(missing ? 'app.pageLoadFailed' : 'app.error')}</p>
      {missing && (
        <button type="button" className="btn btn-outline" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
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
            {!reauth && <PlanSelector />}
            <ErrorBoundary
              fallback={(error, retry) => (
                <PageError
                  error={error}
                  retry={() => {
                    retryFailedPages();
                    retry();
                  }}
                />
              )}
              resetKey={getLocationSnapshot()}
            >
              {reauth && (
                <LoginPage
                  onSignIn={(login) => controller.signIn(login)}
                  reauthUser={session.user}
                  onCancel={() => controller.cancelSignIn()}
                />
              )}
              {/* Kept mounted, only hidden, while the password is asked again: a note being written
                  (its text and photos live in the page's state) is there when the user comes back. */}
              <div hidden={reauth}>
                <Suspense fallback={<Loading />}>
                  <RouteView />
                </Suspense>
              </div>
            </ErrorBoundary>
          </main>
          <AppNav variant="bottom" />
        </SyncContext>
      </SessionContext>
    </DbContext>
  );
}

/** Sign-in when there is no session on the device, otherwise the shell and the pages. */
export function DeviceApp({ controller }: { controller: AppController }) {
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
  return <SignedOutShell onSignIn={(login) => controller.signIn(login)} />;
}
