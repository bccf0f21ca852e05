import { useState } from 'react';
import type { ConflictRecord } from '../../db/schema.ts';
import type { MessageKey } from '../../i18n/it.ts';
import { useT } from '../../i18n/use-t.ts';
import { useReviewActions } from '../hooks/use-review-actions.ts';
import { usePhase } from '../hooks/use-phase.ts';
import { useUserNames } from '../hooks/use-user-names.ts';
import { paths } from '../router/routes.ts';
import { Link } from './link.tsx';
import { formatFieldValue } from './format-value.ts';
import { Icon } from './icons.tsx';

/**
 * A conflict between two users on one phase: the value kept and the one overwritten, who made each,
 * and a button to hide it on this device. The server records userIds as [overwritten, winner] (the
 * previous updater first; one id when both are the same user).
 */
export function ConflictCard({
  conflict,
  showPhase = false,
}: {
  conflict: ConflictRecord;
  showPhase?: boolean;
}) {
  const tr = useT();
  const { t, dateTime } = tr;
  const names = useUserNames();
  const where = usePhase(conflict.phaseId);
  const { dismissConflict } = useReviewActions();
  const [error, setError] = useState<MessageKey | null>(null);
  const [loserId, lastId] = conflict.userIds;
  const winnerId = lastId ?? loserId;
  const name = (id: string | undefined) => (id ? (names.get(id) ?? id) : '—');
  return (
    <div className="card conflict-card">
      <p className="small muted">
        <Icon name="alert" />{' '}
        {showPhase && where && (
          <>
            <Link href={paths.phase(where.phase.id)}>
              {where.objective
                ? `${t('objective.label', { number: where.objective.number })}, ${t('phase.label', { number: where.phase.number }).toLowerCase()}`
                : t('phase.label', { number: where.phase.number })}
            </Link>{' '}
            ·{' '}
          </>
        )}
        {t(`phase.historyField.${conflict.field}`)} ·{' '}
        <time dateTime={conflict.createdAt}>{dateTime(conflict.createdAt)}</time>
      </p>
      <dl className="conflict-values">
        <div>
          <dt>{t('syncPage.kept')}</dt>
          <dd>
            <strong>{formatFieldValue(tr, conflict.field, conflict.winner)}</strong>{' '}
            {t('syncPage.by', { name: name(winnerId) })}
          </dd>
        </div>
        <div>
          <dt>{t('syncPage.overwritten')}</dt>
          <dd>
            <s>{formatFieldValue(tr, conflict.field, conflict.overwritten)}</s>{' '}
            {t('syncPage.by', { name: name(loserId) })}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="btn btn-outline btn-small"
        onClick={() => void dismissConflict(conflict.id).then((r) => setError(r.ok ? null : r.message))}
      >
        {t('syncPage.dismiss')}
      </button>
      {error && (
        <p className="control-message is-error" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
