import { useCallback } from 'react';
import type { PhaseStatus } from '../../../domain/plan.ts';
import type { MessageKey } from '../../i18n/it.ts';
import { localChangeMessage } from '../error-message.ts';
import { loadLocalChange } from './load-local-change.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';
import { useSync } from './use-sync.ts';

export type ActionResult = { ok: true } | { ok: false; message: MessageKey };

/**
 * Status and percent changes of a phase: written on the device at once (works offline) and queued
 * for the server; the sync engine is nudged to send them soon.
 */
export function usePhaseActions() {
  const db = useDb();
  const { user } = useSession();
  const { notifyLocalChange } = useSync();
  const setStatus = useCallback(
    async (phaseId: string, to: PhaseStatus): Promise<ActionResult> => {
      const { setPhaseStatus } = await loadLocalChange();
      const r = await setPhaseStatus(db, { phaseId, to, user, now: new Date() });
      if (!r.ok) return { ok: false, message: localChangeMessage(r.code) };
      notifyLocalChange();
      return { ok: true };
    },
    [db, user, notifyLocalChange],
  );
  const setPercent = useCallback(
    async (phaseId: string, percent: number): Promise<ActionResult> => {
      const { setPhaseProgress } = await loadLocalChange();
      const r = await setPhaseProgress(db, { phaseId, percent, user, now: new Date() });
      if (!r.ok) return { ok: false, message: localChangeMessage(r.code) };
      notifyLocalChange();
      return { ok: true };
    },
    [db, user, notifyLocalChange],
  );
  return { setStatus, setPercent };
}
