/**
 * The evaluation forms' door to the device's write API for plan mutations
 * (client/db/plan-changes.ts, loaded on first use), as plan-amend/queue-change.ts is for editing:
 * the change applies to the device's rows at once and waits in the outbox; the caller nudges the
 * sync engine. Works offline; the server decides for good and a rejection shows on the sync page.
 * A refusal the device can already tell comes back as a message of the evaluation catalog
 * (`evalChange.*`), else of the main one (`planChange.*`, `error.*`).
 */
import type { PlanMutationArgs, PlanMutationName } from '../../../../shared/plan-mutations.ts';
import type { ChangeUser } from '../../../db/change-transaction.ts';
import type { TraguardiDb } from '../../../db/schema.ts';
import { it, type MessageKey } from '../../../i18n/it.ts';
import type { Params } from '../../../i18n/translate.ts';
import { localChangeMessage } from '../../error-message.ts';
import { isEvalKey, type EvalKey } from './use-eval-t.ts';

export type CycleQueueResult = { ok: true } | { ok: false; message: EvalKey; params?: Params };

/** `planChange.plan_locked` → `evalChange.plan_locked` where the evaluation catalog words it. */
function messageOf(key: string | undefined): EvalKey | null {
  if (key === undefined) return null;
  const own = key.replace(/^planChange\./, 'evalChange.');
  if (isEvalKey(own)) return own;
  return isMainKey(key) ? key : null;
}

function isMainKey(key: string): key is MessageKey {
  return Object.hasOwn(it, key);
}

export async function queueCycleChange<K extends PlanMutationName>(
  db: TraguardiDb,
  user: ChangeUser,
  name: K,
  args: PlanMutationArgs[K],
): Promise<CycleQueueResult> {
  const { queuePlanChange } = await import('../../../db/plan-changes.ts');
  const r = await queuePlanChange(db, user, name, args);
  if (r.ok) return { ok: true };
  const message = messageOf(r.key);
  if (message) return { ok: false, message, ...(r.params ? { params: r.params } : {}) };
  return { ok: false, message: localChangeMessage(r.code) };
}
