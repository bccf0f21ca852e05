import type { NoteRecord } from '../../db/schema.ts';
import { useT } from '../../i18n/use-t.ts';
import { useUserNames } from '../hooks/use-user-names.ts';
import { AttachmentImage } from './attachment-image.tsx';
import { Icon } from './icons.tsx';

/** The notes, newest first: author, time, text, photos; notes not yet sent say so. */
export function NoteThread({
  notes,
  phaseNumbers,
}: {
  notes: NoteRecord[];
  phaseNumbers?: Map<string, number>;
}) {
  const { t, dateTime } = useT();
  const names = useUserNames();
  if (notes.length === 0) return <p className="muted">{t('notes.empty')}</p>;
  return (
    <ol className="plain-list note-thread">
      {notes.map((note) => {
        const author = note.authorName ?? names.get(note.authorId) ?? t('notes.unknownAuthor');
        const phaseNumber = note.phaseId ? phaseNumbers?.get(note.phaseId) : undefined;
        return (
          <li key={note.id} className="note">
            <p className="note-meta small">
              <strong>{author}</strong> · <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time>
              {phaseNumber !== undefined && <> · {t('notes.onPhase', { number: phaseNumber })}</>}
              {note.pending && (
                <span className="note-pending">
                  {' '}
                  · <Icon name="clock" /> {t('notes.pending')}
                </span>
              )}
            </p>
            <p className="note-text">{note.text}</p>
            {note.attachmentIds.length > 0 && (
              <div className="note-photos">
                {note.attachmentIds.map((id) => (
                  <AttachmentImage key={id} id={id} alt={t('notes.photoAlt', { name: author })} />
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
