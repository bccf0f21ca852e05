import { useCallback } from 'react';
import { addNote } from '../../db/local-change.ts';
import { localChangeMessage } from '../error-message.ts';
import type { ActionResult } from './use-phase-actions.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';
import { useSync } from './use-sync.ts';

/** Adds a note with its photos (Blobs kept on the device until uploaded); works offline. */
export function useAddNote() {
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  return useCallback(
    async (input: {
      objectiveId: string;
      phaseId?: string;
      text: string;
      photos: Blob[];
    }): Promise<ActionResult> => {
      const r = await addNote(db, { ...input, user, now: new Date() });
      if (!r.ok) return { ok: false, message: localChangeMessage(r.code) };
      notifyLocalChange();
      return { ok: true };
    },
    [db, user, notifyLocalChange],
  );
}
