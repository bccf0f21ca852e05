import { useId, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/use-t.ts';
import {
  dismissOfflineReady,
  getOfflineReadyDismissed,
  subscribeOfflineReadyDismissed,
} from '../../pwa/offline-ready.ts';
import { applyUpdate } from '../../pwa/sw-update.ts';
import { useSession } from '../hooks/use-session.ts';
import { useSwUpdate } from '../hooks/use-sw-update.ts';
import { useSync } from '../hooks/use-sync.ts';
import { useHasUnsavedInput } from '../unsaved-input.ts';
import { Icon } from './icons.tsx';

/**
 * Messages that concern the whole app: session expired (sign in again, the queue is kept), device
 * storage full (sync paused, nothing lost), app too old for the server, and a new version ready —
 * applied only when the user clicks, and never while changes wait to sync or a form (a note being
 * written) holds unsaved input: the button is disabled and the banner says why. Once the server has
 * answered 426 (client_too_old) the waiting changes no longer hold it back: they could never be sent
 * by this version, and the outbox is in IndexedDB and survives the reload (protocol Part 2
 * "Versions"); unsaved input still does. Once, per device: the app is ready to work offline (until
 * dismissed; the dismissal is kept in localStorage).
 */
export function AppBanners({ signingIn }: { signingIn: boolean }) {
  const { t } = useT();
  const { status } = useSync();
  const { requestSignIn } = useSession();
  const sw = useSwUpdate();
  const unsaved = useHasUnsavedInput();
  const id = useId();
  const expired = status.error === 'unauthorized' && !signingIn;
  const quota = status.error === 'quota';
  const serverTooNew = status.error === 'client_too_old';
  const tooOld = serverTooNew && !sw.needRefresh;
  // Changes waiting hold the update back, unless this version can never send them (426).
  const waitPending = status.pending > 0 && !serverTooNew;
  const blocked = unsaved || waitPending;
  const offlineDismissed = useSyncExternalStore(subscribeOfflineReadyDismissed, getOfflineReadyDismissed);
  const offlineReady = sw.offlineReady && !offlineDismissed;
  const any = expired || quota || tooOld || sw.needRefresh || offlineReady;
  // Always there, so what appears is announced; a named region ("Avvisi") only while it holds a banner.
  return (
    <div className="banner-stack" aria-live="polite">
      {any && (
        <div role="region" aria-label={t('app.notices')}>
          {expired && (
            <div className="alert alert-warning">
              <Icon name="alert" />
              <div>
                <p>{t('session.expired')}</p>
                <button type="button" className="btn" onClick={requestSignIn}>
                  {t('session.signInAgain')}
                </button>
              </div>
            </div>
          )}
          {quota && (
            <div className="alert alert-danger">
              <Icon name="alert" />
              <p>{t('sync.quotaBanner')}</p>
            </div>
          )}
          {tooOld && (
            <div className="alert alert-warning">
              <Icon name="alert" />
              <p>{t('session.tooOld')}</p>
            </div>
          )}
          {sw.needRefresh && (
            <div className="alert">
              <Icon name="info" />
              <div>
                <p>
                  <strong>{t('update.available')}</strong>
                  {blocked && (
                    <span id={`${id}-why`}>
                      {unsaved && <> — {t('update.waitUnsaved')}</>}
                      {waitPending && <> — {t('update.waitPending')}</>}
                    </span>
                  )}
                  {serverTooNew && status.pending > 0 && <> — {t('update.pendingKept')}</>}
                </p>
                <button
                  type="button"
                  className="btn"
                  disabled={blocked}
                  aria-describedby={blocked ? `${id}-why` : undefined}
                  onClick={() => void applyUpdate()}
                >
                  {t('update.apply')}
                </button>
              </div>
            </div>
          )}
          {offlineReady && (
            <div className="alert alert-success">
              <Icon name="check" />
              <div>
                <p>{t('update.offlineReady')}</p>
                <button
                  type="button"
                  className="btn btn-outline"
                  onClick={(event) => {
                    // The button goes away with the banner: keep keyboard focus somewhere sensible.
                    const hadFocus = document.activeElement === event.currentTarget;
                    dismissOfflineReady();
                    if (hadFocus) document.getElementById('main')?.focus();
                  }}
                >
                  {t('update.offlineReadyDismiss')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
