import { useT } from '../../i18n/use-t.ts';
import { useAttachmentUrl } from '../hooks/use-attachment-url.ts';

/** A note's photo, shown from the Blob on the device (offline) or fetched when only the server has it. */
export function AttachmentImage({ id, alt }: { id: string; alt: string }) {
  const { t } = useT();
  const state = useAttachmentUrl(id);
  if (state.status === 'ready') {
    return (
      <a href={state.url} target="_blank" rel="noreferrer" className="note-photo">
        <img src={state.url} alt={alt} loading="lazy" />
      </a>
    );
  }
  return (
    <span className="note-photo note-photo-missing">
      {state.status === 'missing' ? t('notes.photoMissing') : t('app.loading')}
    </span>
  );
}
