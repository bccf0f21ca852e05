/**
 * The one door of the plan-editing forms to the device's write API for plan mutations
 * (client/db/plan-changes.ts, loaded on first use): the change is applied optimistically to the
 * device's rows with a pending amendment row, queued in the outbox; the caller nudges the sync
 * engine. Works offline; the server decides later and a refusal shows up on the sync page.
 * A refusal the device can already tell (planChange.* key of the main catalogs) comes back as a
 * message to show under the form.
 */
import type { PlanMutationArgs, PlanMutationName } from '../../../../shared/plan-mutations.ts';
import type { ChangeUser } from '../../../db/change-transaction.ts';
import type { TraguardiDb } from '../../../db/schema.ts';
import { it, type MessageKey } from '../../../i18n/it.ts';
import type { Params } from '../../../i18n/translate.ts';
import { localChangeMessage } from '../../error-message.ts';

export type QueueResult = { ok: true } | { ok: false; message: MessageKey; params?: Params };

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && Object.hasOwn(it, key);
}

export async function queueChange<K extends PlanMutationName>(
  db: TraguardiDb,
  user: ChangeUser,
  name: K,
  args: PlanMutationArgs[K],
): Promise<QueueResult> {
  const { queuePlanChange } = await import('../../../db/plan-changes.ts');
  const r = await queuePlanChange(db, user, name, args);
  if (r.ok) return { ok: true };
  if (isMessageKey(r.key)) return { ok: false, message: r.key, ...(r.params ? { params: r.params } : {}) };
  return { ok: false, message: localChangeMessage(r.code) };
}
