import { useCallback } from 'react';
import { localChangeMessage } from '../error-message.ts';
import type { ActionResult } from './use-phase-actions.ts';
import { loadLocalChange } from './load-local-change.ts';
import { useDb } from './use-db.ts';
import { useSync } from './use-sync.ts';

/** The sync page's actions on conflicts and rejected changes. */
export function useReviewActions() {
  const db = useDb();
  const { notifyLocalChange } = useSync();
  const wrap = useCallback(
    async (
      run: () => Promise<{ ok: true } | { ok: false; code: Parameters<typeof localChangeMessage>[0] }>,
      queued: boolean,
    ) => {
      const r = await run();
      if (!r.ok) return { ok: false, message: localChangeMessage(r.code) } satisfies ActionResult;
      if (queued) notifyLocalChange();
      return { ok: true } satisfies ActionResult;
    },
    [notifyLocalChange],
  );
  return {
    dismissConflict: (id: string): Promise<ActionResult> =>
      wrap(async () => (await loadLocalChange()).dismissConflict(db, id), false),
    dismissRejected: (id: string): Promise<ActionResult> =>
      wrap(async () => (await loadLocalChange()).dismissRejected(db, id), false),
    retryRejected: (id: string): Promise<ActionResult> =>
      wrap(async () => (await loadLocalChange()).retryRejected(db, id, new Date()), true),
  };
}
