import type { EvidenceEntry } from '../../../../domain/evidence-timeline.ts';
import { formatFieldValue } from '../../components/format-value.ts';
import { useAttachmentUrl } from '../../hooks/use-attachment-url.ts';
import { actText } from '../reports/relazione-parts.tsx';
import type { EvidenceT } from './use-evidence-t.ts';

/**
 * A note's photo as a thumbnail, from the Blob on the device (offline) or the server. Loaded eagerly,
 * not lazily: a printed page (and so the PDF) must hold every photo, also those below the fold.
 */
function EvidencePhoto({ id, alt, tr }: { id: string; alt: string; tr: EvidenceT }) {
  const state = useAttachmentUrl(id);
  if (state.status === 'ready') {
    return (
      <a href={state.url} target="_blank" rel="noreferrer" className="evidence-photo">
        <img src={state.url} alt={alt} />
      </a>
    );
  }
  return (
    <span className="evidence-photo evidence-photo-missing">
      {state.status === 'missing' ? tr.t('notes.photoMissing') : tr.t('app.loading')}
    </span>
  );
}

function Body({ entry, tr }: { entry: EvidenceEntry; tr: EvidenceT }) {
  const { t, pct } = tr;
  switch (entry.kind) {
    case 'note':
      return (
        <>
          <p className="evidence-text">{entry.text}</p>
          {entry.photos.length > 0 && (
            <ul className="plain-list evidence-photos" aria-label={t('evidence.photos')}>
              {entry.photos.map((id, i) => (
                <li key={id}>
                  <EvidencePhoto
                    id={id}
                    tr={tr}
                    alt={t('evidence.photoAlt', {
                      number: i + 1,
                      name: entry.who,
                      date: tr.dateTime(entry.at),
                    })}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      );
    case 'change':
      return (
        <>
          <p>
            {t(`evidence.change.${entry.field}`, {
              before: formatFieldValue(tr, entry.field, entry.before),
              after: formatFieldValue(tr, entry.field, entry.after),
            })}
          </p>
          {entry.conflict && <p className="muted small">{t('evidence.change.conflict')}</p>}
        </>
      );
    case 'conflict':
      return (
        <p>
          {t(`evidence.conflict.${entry.field}`, {
            winner: formatFieldValue(tr, entry.field, entry.winner),
            overwritten: formatFieldValue(tr, entry.field, entry.overwritten),
          })}
        </p>
      );
    case 'amendment':
      return (
        <>
          <p>
            {t('evidence.amendment.what', {
              kind: t(`report.kind.${entry.change}`),
              entity: t(`report.entity.${entry.entity}`),
            })}
          </p>
          <p>{t('evidence.amendment.motivation', { text: entry.motivation })}</p>
          <p>{t('evidence.amendment.act', { act: actText(tr, entry.act) })}</p>
        </>
      );
    case 'snapshot':
      return (
        <>
          <p>
            {t('evidence.snapshot.asOf', { date: tr.dayDate(entry.asOf) })}
            {entry.label && <> · {entry.label}</>}
          </p>
          <p>
            {entry.counted
              ? t('evidence.snapshot.figures', {
                  progress: pct(entry.progress),
                  expected: pct(entry.expected),
                  late: entry.late,
                })
              : t('evidence.snapshot.notCounted')}
          </p>
        </>
      );
    case 'verdict':
      return (
        <>
          <p className="evidence-verdict">{t(`evidence.verdict.${entry.verdict}`)}</p>
          {entry.reason && <p>{t('evidence.verdict.reason', { text: entry.reason })}</p>}
        </>
      );
    case 'evaluation':
      return (
        <>
          <p className="evidence-verdict">
            {entry.percent === null
              ? t('evidence.evaluation.nv')
              : t('evidence.evaluation.percent', { value: pct(entry.percent) })}
          </p>
          {entry.comment && <p>{t('evidence.evaluation.comment', { text: entry.comment })}</p>}
        </>
      );
  }
}

/** Where an entry belongs: a phase's number, the objective itself, or nothing for a monitoring. */
function scope(entry: EvidenceEntry, tr: EvidenceT): string | null {
  if ('phase' in entry) {
    return entry.phase === null
      ? tr.t('evidence.objectiveLevel')
      : tr.t('evidence.phase', { number: entry.phase });
  }
  return null;
}

/** One dated entry of the timeline: when, what kind (and on which phase), who; then what. */
export function EvidenceItem({ entry, tr }: { entry: EvidenceEntry; tr: EvidenceT }) {
  const who = typeof entry.who === 'string' ? entry.who : entry.who.join(', ');
  const where = scope(entry, tr);
  return (
    <li className="evidence-entry" data-kind={entry.kind}>
      <p className="evidence-meta small">
        <time dateTime={entry.at}>{tr.dateTime(entry.at)}</time> ·{' '}
        <strong className="evidence-kind">{tr.t(`evidence.kind.${entry.kind}`)}</strong>
        {where && <> · {where}</>} · <span className="visually-hidden">{tr.t('evidence.who')}: </span>
        <span className="evidence-who">
          {entry.kind === 'conflict' ? tr.t('evidence.conflict.who', { names: who }) : who}
        </span>
      </p>
      <div className="evidence-body">
        <Body entry={entry} tr={tr} />
      </div>
    </li>
  );
}
