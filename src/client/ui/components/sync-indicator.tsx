import { useT } from '../../i18n/use-t.ts';
import type { SyncStatusSnapshot } from '../app-context.ts';
import { useNow } from '../hooks/use-now.ts';
import { useSync } from '../hooks/use-sync.ts';
import { paths } from '../router/routes.ts';
import { Icon } from './icons.tsx';
import { Link } from './link.tsx';

/**
 * While a first sync's deferred rows arrive in the background (client/sync/first-sync.ts): how many
 * of the notes the user sees are on the device ("Note in arrivo: 12.000 di 100.000"), or, when only
 * the history was deferred, how much of it. The plan and its progress are already usable.
 */
function FirstSyncLine({ progress }: { progress: NonNullable<SyncStatusSnapshot['firstSync']> }) {
  const { t } = useT();
  const { stored, total } = progress.notes.total > 0 ? progress.notes : progress.rows;
  const text =
    progress.notes.total > 0
      ? t('sync.firstSync.notes', { stored, total })
      : t('sync.firstSync.history', { stored, total });
  return (
    <span className="sync-line sync-backfill">
      {text}
      <progress className="sync-backfill-bar" max={Math.max(total, 1)} value={stored} aria-label={text} />
    </span>
  );
}

/**
 * Always visible under the header: online/offline, changes waiting, last synced, "Sincronizza ora".
 * The strip is the region "Stato della sincronizzazione" (a landmark a screen reader can jump to).
 * A polite live region repeats the state and the queue, so a screen reader hears when the device
 * goes offline or the queue empties (and not the last-sync time ticking every minute).
 */
export function SyncIndicator() {
  const { t, tn, relative } = useT();
  const { status, syncNow } = useSync();
  const now = useNow();
  const attention = status.conflicts + status.rejected;
  // Unreachable server looks like offline (amber); expired session, old app, full disk are errors (red).
  const stateClass =
    !status.online || status.error === 'network' ? 'is-offline' : status.error ? 'is-error' : 'is-online';
  // "Syncing" shows on the button (spinning icon), not in the announced text: it flips every minute.
  const stateText = !status.online
    ? t('sync.offline')
    : status.error
      ? t(`sync.error.${status.error}`)
      : t('sync.online');
  const pendingText = status.pending > 0 ? tn('sync.pending', status.pending) : t('sync.allSynced');
  return (
    <div className="sync-strip" role="region" aria-label={t('sync.status')}>
      <div className="sync-strip-inner">
        {/*
          The whole strip is a status (what it says is the app's sync state) but not itself announced:
          "1 minuto fa" ticks every minute. The hidden region below announces the state and the queue.
        */}
        <div className="sync-status-text" role="status" aria-live="off">
          <span className="sync-line">
            <span className={`sync-state ${stateClass}`}>
              <Icon name={status.online && status.error !== 'network' ? 'cloud' : 'cloudOff'} />
              {stateText}
            </span>
            {' · '}
            <span className={status.pending > 0 ? 'sync-pending has-pending' : 'sync-pending'}>
              {pendingText}
            </span>
          </span>
          <span className="sync-line sync-detail">
            <span className="sync-sep">{' · '}</span>
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
          {status.firstSync && <FirstSyncLine progress={status.firstSync} />}
        </div>
        <span className="visually-hidden" aria-live="polite" aria-atomic="true">
          {stateText} · {pendingText}
        </span>
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
