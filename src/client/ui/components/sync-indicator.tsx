import { useT } from '../../i18n/use-t.ts';
import { useNow } from '../hooks/use-now.ts';
import { useSync } from '../hooks/use-sync.ts';
import { paths } from '../router/routes.ts';
import { Icon } from './icons.tsx';
import { Link } from './link.tsx';

/**
 * Always visible under the header: online/offline, changes waiting, last synced, "Sincronizza ora".
 * The state and the queue form a polite live region, so a screen reader hears when the device goes
 * offline or the queue empties.
 */
export function SyncIndicator() {
  const { t, tn, relative } = useT();
  const { status, syncNow } = useSync();
  const now = useNow();
  const attention = status.conflicts + status.rejected;
  const stateClass =
    status.error && status.error !== 'network' ? 'is-error' : status.online ? 'is-online' : 'is-offline';
  // "Syncing" shows on the button (spinning icon), not in the announced text: it flips every minute.
  const stateText = !status.online
    ? t('sync.offline')
    : status.error
      ? t(`sync.error.${status.error}`)
      : t('sync.online');
  return (
    <div className="sync-strip">
      <div className="sync-strip-inner">
        <div className="sync-status-text">
          {/* Only the state and the queue are announced: "2 minuti fa" ticking would be noise. */}
          <span className="sync-line" role="status" aria-live="polite" aria-atomic="true">
            <span className={`sync-state ${stateClass}`}>
              <Icon name={status.online ? 'cloud' : 'cloudOff'} />
              {stateText}
            </span>
            {' · '}
            <span className={status.pending > 0 ? 'sync-pending has-pending' : 'sync-pending'}>
              {status.pending > 0 ? tn('sync.pending', status.pending) : t('sync.allSynced')}
            </span>
          </span>
          <span className="sync-line sync-detail">
            {status.lastSyncAt
              ? t('sync.lastSync', { when: relative(status.lastSyncAt, now) })
              : t('sync.never')}
            {attention > 0 && (
              <>
                {' · '}
                <Link href={paths.sync()}>{tn('sync.attention', attention)}</Link>
              </>
            )}
          </span>
        </div>
        <button
          type="button"
          className="btn btn-outline btn-small sync-now"
          onClick={syncNow}
          disabled={!status.online || status.syncing}
        >
          <Icon name="sync" className={status.syncing ? 'is-spinning' : undefined} />
          {status.syncing ? t('sync.syncing') : t('sync.now')}
        </button>
      </div>
    </div>
  );
}
