import type { PhaseHistoryRecord } from '../../db/schema.ts';
import { useT } from '../../i18n/use-t.ts';
import { useUserNames } from '../hooks/use-user-names.ts';
import { formatFieldValue } from './format-value.ts';
import { Icon } from './icons.tsx';

/** The history of a phase: when, who, what, before → after; overwritten values stay visible. */
export function PhaseHistoryList({ entries }: { entries: PhaseHistoryRecord[] }) {
  const tr = useT();
  const { t, dateTime } = tr;
  const names = useUserNames();
  if (entries.length === 0) return <p className="muted">{t('phase.historyEmpty')}</p>;
  return (
    <ol className="plain-list history-list">
      {entries.map((entry) => (
        <li key={entry.id} className="history-item">
          <p className="history-when small muted">
            <time dateTime={entry.at}>{dateTime(entry.at)}</time> ·{' '}
            <span className="visually-hidden">{t('phase.historyWho')}: </span>
            <strong className="history-who">
              {entry.userName ?? names.get(entry.userId) ?? t('notes.unknownAuthor')}
            </strong>
            {entry.conflict && (
              <span className="badge badge-late">
                <Icon name="alert" />
                {t('phase.conflict')}
              </span>
            )}
          </p>
          <p className="history-change">
            {t(`phase.historyField.${entry.field}`)}:{' '}
            <span className="visually-hidden">{t('phase.historyBefore')} </span>
            <span className="history-before">{formatFieldValue(tr, entry.field, entry.before)}</span>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden">, {t('phase.historyAfter')} </span>
            <strong>{formatFieldValue(tr, entry.field, entry.after)}</strong>
          </p>
        </li>
      ))}
    </ol>
  );
}
