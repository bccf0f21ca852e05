import { useCallback } from 'react';
import type { Act } from '../../../../shared/plan-mutations.ts';
import { it, type MessageKey } from '../../../i18n/it.ts';
import { useT } from '../../../i18n/use-t.ts';
import { localChangeMessage } from '../../error-message.ts';
import { useDb } from '../../hooks/use-db.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useSync } from '../../hooks/use-sync.ts';
import type { ApproveOutcome } from './approve-form.tsx';

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && Object.hasOwn(it, key);
}

/**
 * Queues `plan.approve` for the draft `planId` through queuePlanChange (client/db/plan-changes.ts,
 * loaded on first use): applied on the device at once, sent with the next sync, so it works offline;
 * the server decides and a refusal shows on the sync page. A refusal the device can already tell
 * (not an admin, not a draft) comes back in words.
 */
export function useApprovePlan(planId: string): (act: Act) => Promise<ApproveOutcome> {
  const db = useDb();
  const { user } = useSession();
  const { t } = useT();
  const { notifyLocalChange } = useSync();
  return useCallback(
    async (act: Act) => {
      const { queuePlanChange } = await import('../../../db/plan-changes.ts');
      const r = await queuePlanChange(db, user, 'plan.approve', { planId, act });
      if (r.ok) {
        notifyLocalChange();
        return { ok: true };
      }
      const key = isMessageKey(r.key) ? r.key : localChangeMessage(r.code);
      return { ok: false, message: t(key, r.params) };
    },
    [db, user, t, planId, notifyLocalChange],
  );
}
