import { useState } from 'react';
import type { MessageKey } from '../../../i18n/it.ts';
import { useT } from '../../../i18n/use-t.ts';
import { ConflictCard } from '../../components/conflict-card.tsx';
import { Icon } from '../../components/icons.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useConflicts } from '../../hooks/use-conflicts.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useQueuedChanges } from '../../hooks/use-queued-changes.ts';
import { useReviewActions } from '../../hooks/use-review-actions.ts';
import { useSync } from '../../hooks/use-sync.ts';
import { useUnsentPhotos } from '../../hooks/use-unsent-photos.ts';
import { paths } from '../../router/routes.ts';
import { describeChange } from './describe-change.ts';
import './sync-page.css';

const REASON_KEYS: Record<string, MessageKey> = {
  forbidden: 'error.forbidden',
  invalid: 'error.invalid',
  not_found: 'error.not_found',
  illegal_transition: 'error.illegal_transition',
  locked: 'error.locked',
};

/** Why the server refused a photo for good (AttachmentRecord.uploadError). */
function photoRefusalKey(uploadError: string | undefined): MessageKey {
  if (uploadError === 'quota:user') return 'syncPage.photoRefused.quotaUser';
  if (uploadError === 'quota:ente') return 'syncPage.photoRefused.quotaEnte';
  return 'syncPage.photoRefused.other';
}

/** Changes waiting, conflicts to acknowledge, and changes the server rejected (dismiss or redo). */
export function SyncPage() {
  const tr = useT();
  const { t, tn, dateTime, relative } = tr;
  const { status, syncNow } = useSync();
  const now = useNow();
  const queued = useQueuedChanges();
  const conflicts = useConflicts();
  const review = useReviewActions();
  const unsentPhotos = useUnsentPhotos();
  const [message, setMessage] = useState<MessageKey | null>(null);

  const act = async (run: () => Promise<{ ok: true } | { ok: false; message: MessageKey }>) => {
    const r = await run();
    setMessage(r.ok ? null : r.message);
  };
  return (
    <>
      <PageTitle title={t('syncPage.title')}>{t('syncPage.title')}</PageTitle>
      <section className="card sync-summary">
        <p>
          <strong>{status.online ? t('sync.online') : t('sync.offline')}</strong>
          {status.error && <> · {t(`sync.error.${status.error}`)}</>} ·{' '}
          {status.pending > 0 ? tn('sync.pending', status.pending) : t('sync.allSynced')}
        </p>
        <p className="muted">
          {status.lastSyncAt
            ? t('sync.lastSync', { when: relative(status.lastSyncAt, now) })
            : t('sync.never')}
        </p>
        <button type="button" className="btn" onClick={syncNow} disabled={!status.online || status.syncing}>
          <Icon name="sync" />
          {status.syncing ? t('sync.syncing') : t('sync.now')}
        </button>
      </section>
      <p role="alert" className={message ? 'alert alert-danger' : 'visually-hidden'}>
        {message && t(message)}
      </p>

      <section className="section" aria-labelledby="pending-title">
        <h2 id="pending-title">{t('syncPage.pending')}</h2>
        {!queued || queued.pending.length === 0 ? (
          <p className="muted">{t('syncPage.pendingEmpty')}</p>
        ) : (
          <ol className="plain-list change-list">
            {queued.pending.map((m) => {
              const d = describeChange(tr, m, queued);
              return (
                <li key={m.id} className="change-item">
                  <Icon name="clock" />
                  <span>
                    {d.phaseId ? <Link href={paths.phase(d.phaseId)}>{d.text}</Link> : d.text}
                    <span className="small muted">
                      {' '}
                      · {t('syncPage.at', { when: dateTime(m.clientTime) })}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">{t('syncPage.conflicts')}</h2>
        {!conflicts || conflicts.length === 0 ? (
          <p className="muted">{t('syncPage.conflictsEmpty')}</p>
        ) : (
          <>
            <p>{t('syncPage.conflictsIntro')}</p>
            <ul className="plain-list" aria-labelledby="conflicts-title">
              {conflicts.map((c) => (
                <li key={c.id}>
                  <ConflictCard conflict={c} showPhase />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('syncPage.rejected')}</h2>
        {!queued || queued.rejected.length === 0 ? (
          <p className="muted">{t('syncPage.rejectedEmpty')}</p>
        ) : (
          <>
            <p>{t('syncPage.rejectedIntro')}</p>
            <ul className="plain-list" aria-labelledby="rejected-title">
              {queued.rejected.map((r) => {
                const d = describeChange(tr, r, queued);
                const reasonKey = REASON_KEYS[r.reason.code];
                return (
                  <li key={r.id} className="card rejected-card">
                    <p>
                      <Icon name="alert" />{' '}
                      {d.phaseId ? <Link href={paths.phase(d.phaseId)}>{d.text}</Link> : d.text}
                    </p>
                    <p className="small">
                      <strong>{t('syncPage.reason')}:</strong>{' '}
                      {/* A code of a later protocol is shown with the server's message (v2). */}
                      {reasonKey ? t(reasonKey) : r.reason.message || r.reason.code}
                      {/* The server's own words, unless they only repeat the device's (e.g. locked). */}
                      {reasonKey && r.reason.message && r.reason.message !== t(reasonKey) && (
                        <> — {r.reason.message}</>
                      )}
                    </p>
                    <p className="small muted">{t('syncPage.at', { when: dateTime(r.clientTime) })}</p>
                    <div className="button-row">
                      <button
                        type="button"
                        className="btn btn-outline btn-small"
                        onClick={() => void act(() => review.retryRejected(r.id))}
                      >
                        {t('syncPage.retry')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-danger btn-small"
                        onClick={() => void act(() => review.dismissRejected(r.id))}
                      >
                        {t('syncPage.discard')}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      {unsentPhotos && unsentPhotos.length > 0 && (
        <section className="section" aria-labelledby="unsent-photos-title">
          <h2 id="unsent-photos-title">{t('syncPage.unsentPhotos')}</h2>
          <p>{t('syncPage.unsentPhotosIntro')}</p>
          <ul className="plain-list change-list">
            {unsentPhotos.map((a) => (
              <li key={a.id} className="change-item">
                <Icon name="alert" />
                <span>
                  {t('syncPage.photoOf', { when: dateTime(a.createdAt) })}
                  <span className="small"> — {t(photoRefusalKey(a.uploadError))}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
