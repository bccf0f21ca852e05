import { useLiveQuery } from 'dexie-react-hooks';
import type { AttachmentRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

/** Photos the server refused for good (storage full, type, size): still on this device, newest first. */
export function useUnsentPhotos(): AttachmentRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rows = await db.attachments.filter((a) => !a.uploaded && a.uploadError !== undefined).toArray();
    return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [db]);
}
