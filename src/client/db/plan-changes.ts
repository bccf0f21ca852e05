/**
 * The write API for the plan mutations of protocol v2 (shared/plan-mutations.ts): an admin (or the
 * head of the area, where the ente lets heads amend) changes the plan on the device, offline.
 *
 * queuePlanChange is ONE rw transaction (change-transaction.ts): the args checked with the shared
 * schema; what the device can know checked in the contract's order (role, the row exists, area,
 * an id already there — applied, nothing changes —, locked plan, an approved plan's change without
 * a motivation, wrong state, then numbers, deadlines, an area with objectives), by the same pure
 * applier the rebase uses (client/apply/plan-mutation.ts); the effect applied to the device's rows
 * exactly as the server will (on an approved plan with a pending `amendments` row, so the register
 * shows it offline); the server's copy of every row it changed kept in `bases` (so a rejection rolls
 * it back without a trace); and the outbox entry, its seq allocated inside the transaction.
 *
 * A refusal comes back as a LocalChangeError whose `key` is a `planChange.*` message of the device's
 * catalogs (it/en), with its `params`. The server decides for good when the change is pushed: a
 * rejection shows on the sync page. Each call queues a new mutation; ids in the args are the
 * caller's, so an `*.add` queued twice with one id applies once.
 */
import type { z } from 'zod';
import {
  planMutationArgsSchemas,
  type PlanMutationArgs,
  type PlanMutationName,
} from '../../shared/plan-mutations.ts';
import type { Amender } from '../apply/plan-apply-context.ts';
import { applyPlanMutation } from '../apply/plan-mutation.ts';
import { emptyRowSet } from '../apply/plan-row-set.ts';
import { Refusal, run, type ChangeUser, type LocalChangeError, type Queued } from './change-transaction.ts';
import { allocateSeq } from './meta.ts';
import { loadScope } from './plan-scope.ts';
import { recordEffectBases, writeEffects } from './rebase.ts';
import type { OutboxEntry, TraguardiDb } from './schema.ts';
import { loadSession } from './session.ts';

/** The role and areas of the user making the change: given, or those of the stored session. */
export async function changeUserOf(db: TraguardiDb, user: ChangeUser | string): Promise<Amender> {
  const given = typeof user === 'string' ? { id: user } : user;
  if (given.role !== undefined) return { id: given.id, role: given.role, areaIds: given.areaIds ?? [] };
  const session = await loadSession(db);
  const stored = session?.user.id === given.id ? session.user : null;
  return { id: given.id, role: stored?.role ?? '', areaIds: given.areaIds ?? stored?.areaIds ?? [] };
}

function invalidKey(error: z.ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path[0] === 'amendment' ? 'planChange.amendment_required' : 'planChange.invalid_args';
}

/**
 * Inside a transaction over changeTables(): checks, applies and queues one plan mutation, or throws
 * a Refusal (the transaction then aborts). Also used to redo a rejected plan change.
 */
export async function queuePlan(
  db: TraguardiDb,
  amender: Amender,
  name: PlanMutationName,
  args: unknown,
  now: Date,
): Promise<Queued> {
  const parsed = planMutationArgsSchemas[name].safeParse(args);
  if (!parsed.success) throw new Refusal('invalid', parsed.error.message, invalidKey(parsed.error));
  const entry: OutboxEntry = {
    seq: await allocateSeq(db),
    id: crypto.randomUUID(),
    name,
    args: parsed.data,
    clientTime: now.toISOString(),
  };
  const set = emptyRowSet();
  await loadScope(db, set, [entry]);
  const r = applyPlanMutation(set, { ...entry, name }, amender.id, amender);
  if (!r.ok) throw new Refusal(r.code, r.message, `planChange.${r.key}`, r.params);
  entry.touched = [...new Set(await recordEffectBases(db, r.effects))];
  await writeEffects(db, r.effects);
  await db.outbox.add(entry);
  return { ok: true, mutationId: entry.id, seq: entry.seq };
}

/** Queues a plan mutation made by `user` on this device (see the module comment). Works offline. */
export async function queuePlanChange<K extends PlanMutationName>(
  db: TraguardiDb,
  user: ChangeUser,
  name: K,
  args: PlanMutationArgs[K],
): Promise<Queued | LocalChangeError> {
  return run(db, async () => queuePlan(db, await changeUserOf(db, user), name, args, new Date()));
}
