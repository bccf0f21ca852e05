/**
 * What a plan mutation of protocol v2 (shared/plan-mutations.ts) does to the device's rows, as the
 * server does it (server/sync/plan-life-mutations.ts, objective-amendments.ts, phase-amendments.ts):
 * the same checks in the contract's order (role → not found → area → id already there: applied,
 * nothing changes → locked → missing amendment → wrong state, then numbers, deadlines and names), the
 * same rules from domain/plan-structure.ts, the same effects. Used for the optimistic apply of a
 * local change (client/db/plan-changes.ts) and to re-apply pending changes on top of the server's
 * rows after a pull or a rejection (client/db/rebase.ts).
 *
 * Pure: no I/O, no clock (the mutation's clientTime stands for "now"). The rows come in a RowSet
 * and the changes go out as effects. Role and area checks run only when `amender` is given (on the
 * device, when the user makes the change; a rebase leaves them to the server's answer).
 */
import {
  planMutationArgsSchemas,
  type PlanMutationArgs,
  type PlanMutationName,
} from '../../shared/plan-mutations.ts';
import type { AreaRecord, PlanRecord } from '../db/schema.ts';
import { cycleHandlers } from './cycle-mutations.ts';
import { objectivePhaseHandlers } from './objective-phase-mutations.ts';
import {
  amendmentEffects,
  areaWithPlan,
  gate,
  PlanRefusal,
  planStatus,
  requireAdmin,
  sameAct,
  withAct,
  type Amender,
  type ApplyCtx,
  type Handler,
  type PlanApplyOutcome,
  type QueuedPlanMutation,
} from './plan-apply-context.ts';
import type { RowEffect, RowSet } from './plan-row-set.ts';

const approve: Handler<'plan.approve'> = (ctx, args) => {
  requireAdmin(ctx);
  const plan = ctx.set.plans.get(args.planId);
  if (!plan) throw new PlanRefusal('not_found', 'plan_not_found');
  const status = planStatus(plan);
  if (status === 'closed') throw new PlanRefusal('locked', 'plan_locked');
  if (status !== 'draft') throw new PlanRefusal('illegal_transition', 'plan_not_draft', { status });
  const event = { kind: 'approved' as const, at: ctx.m.clientTime, userId: ctx.userId };
  const approved: PlanRecord = { ...plan, status: 'approved', events: [...(plan.events ?? []), event] };
  return [{ table: 'plans', id: plan.id, row: withAct(approved, args.act) ?? approved }];
};

const setSettings: Handler<'ente.setSettings'> = (ctx, args) => {
  requireAdmin(ctx);
  const effects: RowEffect[] = [];
  for (const e of ctx.set.ente.values()) {
    if ((e.settings?.headsMayAmend ?? false) === args.headsMayAmend) continue;
    effects.push({ table: 'ente', id: e.id, row: { ...e, settings: { headsMayAmend: args.headsMayAmend } } });
  }
  return effects;
};

function areasOf(ctx: ApplyCtx, planId: string): AreaRecord[] {
  return [...ctx.set.areas.values()].filter((a) => a.planId === planId);
}

function requireFreeAreaName(ctx: ApplyCtx, planId: string, name: string, exceptId: string | null) {
  const wanted = name.trim().toLowerCase();
  if (areasOf(ctx, planId).some((a) => a.id !== exceptId && a.name.trim().toLowerCase() === wanted))
    throw new PlanRefusal('invalid', 'area_name_taken', { name });
}

const addArea: Handler<'area.add'> = (ctx, args) => {
  requireAdmin(ctx);
  const plan = ctx.set.plans.get(args.planId);
  if (!plan) throw new PlanRefusal('not_found', 'plan_not_found');
  if (ctx.set.areas.has(args.areaId)) return [];
  const amending = gate(plan, args.amendment);
  requireFreeAreaName(ctx, plan.id, args.name, null);
  const position = args.position ?? Math.max(-1, ...areasOf(ctx, plan.id).map((a) => a.position)) + 1;
  const row: AreaRecord = {
    id: args.areaId,
    version: 0,
    planId: plan.id,
    name: args.name,
    position,
    head: null,
    motivation: null,
  };
  const effects: RowEffect[] = [{ table: 'areas', id: row.id, row }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, plan, args.amendment, {
        entity: 'area',
        entityId: row.id,
        objectiveId: null,
        kind: 'add',
        before: null,
        after: { name: args.name, position },
      }),
    );
  return effects;
};

const updateArea: Handler<'area.update'> = (ctx, args) => {
  requireAdmin(ctx);
  const found = areaWithPlan(ctx, args.areaId);
  if (!found) throw new PlanRefusal('not_found', 'area_not_found');
  const { area, plan } = found;
  const amending = gate(plan, args.amendment);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const next: AreaRecord = { ...area };
  const current = { name: area.name, position: area.position, head: area.head ?? null };
  for (const key of ['name', 'position', 'head'] as const) {
    const value = args.changes[key];
    if (value === undefined || JSON.stringify(current[key]) === JSON.stringify(value)) continue;
    before[key] = current[key];
    after[key] = value;
    Object.assign(next, { [key]: value });
  }
  if (Object.keys(after).length === 0) return [];
  if (after.name !== undefined) requireFreeAreaName(ctx, plan.id, next.name, area.id);
  const effects: RowEffect[] = [{ table: 'areas', id: area.id, row: next }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, plan, args.amendment, {
        entity: 'area',
        entityId: area.id,
        objectiveId: null,
        kind: 'update',
        before,
        after,
      }),
    );
  return effects;
};

const removeArea: Handler<'area.remove'> = (ctx, args) => {
  requireAdmin(ctx);
  const found = areaWithPlan(ctx, args.areaId);
  if (!found) throw new PlanRefusal('not_found', 'area_not_found');
  const { area, plan } = found;
  const amending = gate(plan, args.amendment);
  const n = [...ctx.set.objectives.values()].filter((o) => o.areaId === area.id).length;
  if (n > 0) throw new PlanRefusal('invalid', 'area_has_objectives', { count: n });
  const effects: RowEffect[] = [{ table: 'areas', id: area.id, row: null }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, plan, args.amendment, {
        entity: 'area',
        entityId: area.id,
        objectiveId: null,
        kind: 'remove',
        before: { name: area.name },
        after: null,
      }),
    );
  return effects;
};

const setAct: Handler<'amendment.setAct'> = (ctx, args) => {
  requireAdmin(ctx);
  const row = ctx.set.amendments.get(args.amendmentId);
  const plan = row ? ctx.set.plans.get(row.planId) : undefined;
  if (!row || !plan) throw new PlanRefusal('not_found', 'amendment_not_found');
  // A pending row's id is the device's own: the server would not find it. Its act waits for the sync.
  if (row.pending && ctx.amender) throw new PlanRefusal('not_found', 'amendment_pending');
  if (row.act && sameAct(row.act, args.act)) return [];
  if (planStatus(plan) === 'closed') throw new PlanRefusal('locked', 'plan_locked');
  const act = { body: args.act.body, number: args.act.number, date: args.act.date };
  const effects: RowEffect[] = [{ table: 'amendments', id: row.id, row: { ...row, act } }];
  const acted = withAct(plan, args.act);
  if (acted) effects.push({ table: 'plans', id: plan.id, row: acted });
  return effects;
};

type Handlers = { [K in PlanMutationName]: Handler<K> };

const HANDLERS: Handlers = {
  'plan.approve': approve,
  'ente.setSettings': setSettings,
  'area.add': addArea,
  'area.update': updateArea,
  'area.remove': removeArea,
  'amendment.setAct': setAct,
  ...objectivePhaseHandlers,
  ...cycleHandlers,
};

function run<K extends PlanMutationName>(ctx: ApplyCtx, name: K): RowEffect[] {
  const parsed = planMutationArgsSchemas[name].safeParse(ctx.m.args);
  if (!parsed.success) throw new PlanRefusal('invalid', 'invalid_args', { detail: parsed.error.message });
  return HANDLERS[name](ctx, parsed.data as PlanMutationArgs[K]);
}

/**
 * Applies one plan mutation over `set` (not changed: the caller folds the effects in). A mutation
 * that cannot apply here returns ok:false and changes nothing: locally that refuses the change, in a
 * rebase the server's answer will settle it.
 */
export function applyPlanMutation(
  set: RowSet,
  m: QueuedPlanMutation,
  userId: string,
  amender: Amender | null = null,
): PlanApplyOutcome {
  try {
    return { ok: true, effects: run({ set, m, userId, amender }, m.name) };
  } catch (err) {
    if (!(err instanceof PlanRefusal)) throw err;
    return { ok: false, code: err.code, key: err.key, params: err.params, message: err.key };
  }
}
