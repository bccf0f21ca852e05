/**
 * What the device's plan-mutation appliers share (plan-mutation.ts, objective-phase-mutations.ts): the
 * context, the refusal and its codes, the role/area checks, the gate of the plan's life, and the
 * pending amendment row. Pure.
 */
import { structureGate, type PlanStatus } from '../../domain/plan-structure.ts';
import type { Act, AmendmentInput, PlanMutationArgs, PlanMutationName } from '../../shared/plan-mutations.ts';
import type { AmendmentRecord, AreaRecord, PlanRecord } from '../db/schema.ts';
import type { RowEffect, RowSet } from './plan-row-set.ts';

/** The part of an outbox entry this needs: its id names the pending amendment row. */
export interface QueuedPlanMutation {
  id: string;
  name: PlanMutationName;
  args: unknown;
  clientTime: string;
}

/** Who makes the change, for the role and area checks. */
export interface Amender {
  id: string;
  role: string;
  areaIds: readonly string[];
}

export type PlanRefusalCode = 'invalid' | 'forbidden' | 'not_found' | 'locked' | 'illegal_transition';
/** The server's message keys (server/messages.ts), so device and server name a refusal alike. */
export type PlanRefusalKey =
  | 'invalid_args'
  | 'amend_forbidden'
  | 'area_forbidden'
  | 'plan_not_found'
  | 'area_not_found'
  | 'objective_not_found'
  | 'phase_not_found'
  | 'amendment_not_found'
  | 'amendment_pending'
  | 'plan_locked'
  | 'amendment_required'
  | 'plan_not_draft'
  | 'area_name_taken'
  | 'area_has_objectives'
  | 'objective_number_taken'
  | 'objective_taken_out'
  | 'phase_removed'
  | 'phase_number_taken'
  | 'deadline_outside_year'
  // The Nucleo's evaluation and the close of the year (evaluation-appliers.ts).
  | 'evaluate_forbidden'
  | 'close_forbidden'
  | 'reopen_forbidden'
  | 'scoring_forbidden'
  | 'self_assessment_forbidden'
  | 'plan_draft'
  | 'plan_not_closed'
  // Monitoring snapshots and reports (monitoring-appliers.ts).
  | 'snapshot_forbidden'
  | 'report_forbidden'
  | 'round_close_forbidden'
  | 'snapshot_not_found'
  | 'objective_not_of_snapshot'
  | 'snapshot_plan_draft'
  | 'monitoring_round_closed';

export type PlanApplyOutcome =
  | { ok: true; effects: RowEffect[] }
  | {
      ok: false;
      code: PlanRefusalCode;
      key: PlanRefusalKey;
      params: Record<string, string | number>;
      message: string;
    };

/** Thrown by the handlers, caught in applyPlanMutation: the mutation does not apply here. */
export class PlanRefusal extends Error {
  constructor(
    readonly code: PlanRefusalCode,
    readonly key: PlanRefusalKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export interface ApplyCtx {
  set: RowSet;
  m: QueuedPlanMutation;
  userId: string;
  amender: Amender | null;
}

export type Handler<K extends PlanMutationName> = (ctx: ApplyCtx, args: PlanMutationArgs[K]) => RowEffect[];

export function planStatus(plan: PlanRecord): PlanStatus {
  return plan.status ?? 'approved';
}

export function requireAdmin(ctx: ApplyCtx): void {
  if (ctx.amender && ctx.amender.role !== 'admin') throw new PlanRefusal('forbidden', 'amend_forbidden');
}

/** Admins, and heads where the ente's settings let heads amend (the device holds one ente row). */
export function requireAmender(ctx: ApplyCtx): void {
  const a = ctx.amender;
  if (!a || a.role === 'admin') return;
  const headsMayAmend = [...ctx.set.ente.values()].some((e) => e.settings?.headsMayAmend === true);
  if (a.role === 'head' && headsMayAmend) return;
  throw new PlanRefusal('forbidden', 'amend_forbidden');
}

export function requireArea(ctx: ApplyCtx, areaId: string): void {
  const a = ctx.amender;
  if (a && a.role !== 'admin' && !a.areaIds.includes(areaId))
    throw new PlanRefusal('forbidden', 'area_forbidden');
}

/** locked → missing amendment → go ahead; whether this change is an amendment. */
export function gate(plan: PlanRecord, input: AmendmentInput | undefined): boolean {
  const g = structureGate(planStatus(plan), input !== undefined);
  if (!g.ok) throw new PlanRefusal(g.code, g.key);
  return g.amending;
}

export function areaWithPlan(ctx: ApplyCtx, areaId: string): { area: AreaRecord; plan: PlanRecord } | null {
  const area = ctx.set.areas.get(areaId);
  const plan = area ? ctx.set.plans.get(area.planId) : undefined;
  return area && plan ? { area, plan } : null;
}

export function sameAct(a: { body: string; number: string; date: string | null }, b: Act): boolean {
  return a.body === b.body && a.number === b.number && a.date === b.date;
}

/** The plan with the act appended to its acts, or null when it is already there. */
export function withAct(plan: PlanRecord, act: Act): PlanRecord | null {
  const acts = plan.acts ?? [];
  if (acts.some((a) => sameAct(a, act))) return null;
  return { ...plan, acts: [...acts, { body: act.body, number: act.number, date: act.date }] };
}

/**
 * The pending amendment row (the register shows it offline; its id is derived from the mutation's,
 * so a rebase re-creates the same row) and the act appended to the plan. The server's own row, with
 * its own id, replaces it once a pull brings it.
 */
export function amendmentEffects(
  ctx: ApplyCtx,
  plan: PlanRecord,
  input: AmendmentInput,
  draft: Pick<AmendmentRecord, 'entity' | 'entityId' | 'kind' | 'before' | 'after'> & {
    objectiveId: string | null;
  },
): RowEffect[] {
  const id = pendingAmendmentId(ctx.m.id);
  const row: AmendmentRecord = {
    id,
    version: 0,
    planId: plan.id,
    ...draft,
    motivation: input.motivation,
    act: input.act ? { body: input.act.body, number: input.act.number, date: input.act.date } : null,
    userId: ctx.userId,
    createdAt: ctx.m.clientTime,
    pending: true,
  };
  const effects: RowEffect[] = [{ table: 'amendments', id, row }];
  const acted = input.act ? withAct(ctx.set.plans.get(plan.id) ?? plan, input.act) : null;
  if (acted) effects.push({ table: 'plans', id: plan.id, row: acted });
  return effects;
}

export function pendingAmendmentId(mutationId: string): string {
  return `pending:${mutationId}`;
}
