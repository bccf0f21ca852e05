/**
 * The app's root: what bootstrap.ts decided. Without a session, the sign-in form from the entry chunk;
 * once the data layer is loaded, its DeviceApp (the signed-in shell and the pages, device-app.tsx).
 */
import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/use-t.ts';
import type { Bootstrap } from './bootstrap.ts';
import { Icon } from './components/icons.tsx';
import { BareShell, SignedOutShell } from './signed-out-shell.tsx';

/** The data layer's chunk did not arrive (offline before the service worker had cached it). */
function LoadFailed() {
  const { t } = useT();
  return (
    <BareShell>
      <div className="alert alert-danger" role="alert">
        <Icon name="alert" />
        <div>
          <p>{t('app.error')}</p>
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        </div>
      </div>
    </BareShell>
  );
}

export function App({ boot }: { boot: Bootstrap }) {
  const state = useSyncExternalStore(boot.subscribe, boot.getSnapshot);
  if (state.phase === 'app') return <state.app.View controller={state.app.controller} />;
  if (state.phase === 'failed') return <LoadFailed />;
  return <SignedOutShell onSignIn={(login) => boot.signIn(login)} onSubmit={() => boot.prepare()} />;
}
