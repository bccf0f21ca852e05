import { useEffect, useId, useState, type FormEvent } from 'react';
import { NOTE_MAX_LENGTH } from '../../../shared/mutations.ts';
import type { MessageKey } from '../../i18n/it.ts';
import { useT } from '../../i18n/use-t.ts';
import { useAddNote } from '../hooks/use-add-note.ts';
import { useUnsavedInput } from '../unsaved-input.ts';
import { Icon } from './icons.tsx';
import { resizePhoto } from './resize-photo.ts';

interface Photo {
  blob: Blob;
  url: string;
}

/**
 * Writes a note, with photos taken by the camera and shrunk on the device. Saved offline at once;
 * when the save fails (e.g. a full disk) the text and photos stay in the form, so nothing is lost.
 * While it holds text or photos it is unsaved input: the app will not update or close under it.
 */
export function NoteComposer({ objectiveId, phaseId }: { objectiveId: string; phaseId?: string }) {
  const { t } = useT();
  const id = useId();
  const addNote = useAddNote();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{
    key: MessageKey;
    ok: boolean;
    params?: Record<string, number>;
  } | null>(null);

  useUnsavedInput(text !== '' || photos.length > 0);

  // Object URLs of the previews are released when the form goes away.
  const [urls] = useState(() => new Set<string>());
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    try {
      const added: Photo[] = [];
      for (const file of Array.from(files)) {
        const blob = await resizePhoto(file);
        const url = URL.createObjectURL(blob);
        urls.add(url);
        added.push({ blob, url });
      }
      setPhotos((current) => [...current, ...added]);
    } catch {
      setMessage({ key: 'notes.photoError', ok: false });
    } finally {
      setBusy(false);
    }
  };

  const removePhoto = (index: number) => {
    setPhotos((current) => {
      const photo = current[index];
      if (photo) {
        URL.revokeObjectURL(photo.url);
        urls.delete(photo.url);
      }
      return current.filter((_, i) => i !== index);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setMessage({ key: 'notes.empty.text', ok: false });
      return;
    }
    setBusy(true);
    const r = await addNote({
      objectiveId,
      ...(phaseId !== undefined ? { phaseId } : {}),
      text,
      photos: photos.map((p) => p.blob),
    });
    setBusy(false);
    if (!r.ok) {
      setMessage({ key: r.message, ok: false });
      return;
    }
    setText('');
    photos.forEach((p) => URL.revokeObjectURL(p.url));
    setPhotos([]);
    setMessage({ key: 'notes.saved', ok: true });
  };

  const tooLong = text.length > NOTE_MAX_LENGTH;
  return (
    <form className="note-composer" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('notes.add')}</h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('notes.text')}</label>
        <textarea
          id={`${id}-text`}
          className="textarea"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-count`}
          aria-invalid={tooLong}
          required
        />
        <span id={`${id}-count`} className={tooLong ? 'hint is-error' : 'hint'}>
          {tooLong
            ? t('notes.tooLong', { max: NOTE_MAX_LENGTH })
            : t('notes.chars', { count: text.length, max: NOTE_MAX_LENGTH })}
        </span>
      </div>
      <div className="field">
        <input
          id={`${id}-photo`}
          className="visually-hidden photo-input"
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          aria-describedby={`${id}-photo-hint`}
          onChange={(event) => {
            void addPhotos(event.target.files);
            event.target.value = '';
          }}
        />
        <label htmlFor={`${id}-photo`} className="btn btn-outline photo-button">
          <Icon name="camera" />
          {t('notes.photo')}
        </label>
        <span id={`${id}-photo-hint`} className="hint">
          {t('notes.photoHint')}
        </span>
      </div>
      {photos.length > 0 && (
        <ul className="plain-list photo-previews">
          {photos.map((photo, index) => (
            <li key={photo.url}>
              <img src={photo.url} alt="" />
              <button type="button" className="btn btn-danger btn-small" onClick={() => removePhoto(index)}>
                <Icon name="cross" />
                <span className="visually-hidden">{t('notes.removePhoto', { number: index + 1 })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="btn" disabled={busy || tooLong}>
        {t('notes.submit')}
      </button>
      <p
        className={message && !message.ok ? 'control-message is-error' : 'control-message'}
        role="status"
        aria-live="polite"
      >
        {message && (
          <>
            <Icon name={message.ok ? 'check' : 'alert'} /> {t(message.key, message.params)}
          </>
        )}
      </p>
    </form>
  );
}
