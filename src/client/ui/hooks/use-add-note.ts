import { useCallback } from 'react';
import { localChangeMessage } from '../error-message.ts';
import type { ActionResult } from './use-phase-actions.ts';
import { loadLocalChange } from './load-local-change.ts';
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
      const { addNote } = await loadLocalChange();
      const r = await addNote(db, { ...input, user, now: new Date() });
      if (!r.ok) return { ok: false, message: localChangeMessage(r.code) };
      notifyLocalChange();
      return { ok: true };
    },
    [db, user, notifyLocalChange],
  );
}
