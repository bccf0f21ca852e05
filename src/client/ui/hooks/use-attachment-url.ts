import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';

export type AttachmentState =
  { status: 'loading' } | { status: 'ready'; url: string } | { status: 'missing' };

/**
 * An object URL for a note's photo: from the Blob kept on the device when there is one (works
 * offline), else fetched from the server with the session's token. The URL is revoked on unmount.
 */
export function useAttachmentUrl(id: string): AttachmentState {
  const db = useDb();
  const { token } = useSession();
  const local = useLiveQuery(async () => (await db.attachments.get(id))?.blob ?? null, [db, id]);
  const [state, setState] = useState<AttachmentState>({ status: 'loading' });
  useEffect(() => {
    if (local === undefined) return;
    let url: string | null = null;
    let cancelled = false;
    const show = (blob: Blob) => {
      url = URL.createObjectURL(blob);
      setState({ status: 'ready', url });
    };
    if (local) show(local);
    else {
      fetch(`/api/attachments/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${token}` } })
        .then(async (res) => {
          if (!res.ok) throw new Error(String(res.status));
          const blob = await res.blob();
          if (!cancelled) show(blob);
        })
        .catch(() => {
          if (!cancelled) setState({ status: 'missing' });
        });
    }
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [local, id, token]);
  return state;
}
