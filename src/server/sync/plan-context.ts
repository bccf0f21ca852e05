/**
 * What the plan mutations share: the rows they read (each within the user's ente, tombstones left
 * out), the checks in the contract's order (protocol Part 2 "Order of the checks"), and the writing
 * of an amendment row. Plan mutations are rare (an admin's edits), so each is decided and written on
 * its own inside the push transaction, with plain queries; the ente is already locked by the push.
 *
 * Every handler throws its Rejection before it writes anything, then takes ONE version for all the
 * rows it touches (a pull never splits a version, so the change arrives whole).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { structureGate, type PlanStatus } from '../../domain/plan-structure.ts';
import type { ObjectiveState } from '../../domain/plan.ts';
import type { SessionUser } from '../../shared/auth.ts';
import type { Act, AmendmentInput } from '../../shared/plan-mutations.ts';
import type { Tx } from '../db/database.ts';
import { amendment, area, ente, objective, phase, plan, type EnteSettings } from '../db/schema.ts';
import { Rejection } from './rejection.ts';
import { allocateVersions } from './versions.ts';

export interface PlanCtx {
  tx: Tx;
  user: SessionUser;
  now: Date;
  mutationId: string;
}

/** The version the mutation's rows took, or null when it changed nothing (applied, idempotently). */
export interface PlanOutcome {
  version: number | null;
  /**
   * For the audit entry: what the mutation changed, as it was before (the old values of the changed
   * fields, the row's state before a removal...), from the rows the handler already read; null or
   * absent when nothing was there (an `*.add`).
   */
  before?: Record<string, unknown> | null;
}

export const UNCHANGED: PlanOutcome = { version: null };

export type PlanRow = typeof plan.$inferSelect;
export type AreaRow = typeof area.$inferSelect;
export type ObjectiveRow = typeof objective.$inferSelect;
export type PhaseRow = typeof phase.$inferSelect;

export function asPlanStatus(status: string): PlanStatus {
  return status === 'draft' || status === 'closed' ? status : 'approved';
}

export function asObjectiveState(state: string): ObjectiveState {
  return state === 'modified' || state === 'replaced' || state === 'removed' ? state : 'active';
}

export function requireAdmin(user: SessionUser): void {
  if (user.role !== 'admin') throw new Rejection('forbidden', 'amend_forbidden');
}

export async function enteSettings(tx: Tx, enteId: string): Promise<EnteSettings> {
  const [row] = await tx.select({ settings: ente.settings }).from(ente).where(eq(ente.id, enteId));
  return row?.settings ?? { headsMayAmend: false };
}

/** Role check for objective/phase changes: admins, and heads where the ente allows it. */
export async function requireAmender(ctx: PlanCtx): Promise<void> {
  if (ctx.user.role === 'admin') return;
  if (ctx.user.role === 'head' && (await enteSettings(ctx.tx, ctx.user.enteId)).headsMayAmend) return;
  throw new Rejection('forbidden', 'amend_forbidden');
}

/**
 * A draft reaches only admins' devices, so its rows do not exist for anyone else: a head allowed to
 * amend who came by a draft's id gets `not_found`, as for an unknown id, never the change.
 */
export function hiddenDraft(user: SessionUser, planRow: PlanRow): boolean {
  return planRow.status === 'draft' && user.role !== 'admin';
}

/** Area check, after the row is found: a head amends only their own areas. */
export function requireArea(user: SessionUser, areaId: string): void {
  if (user.role !== 'admin' && !user.areaIds.includes(areaId))
    throw new Rejection('forbidden', 'area_forbidden');
}

export async function findPlan(ctx: PlanCtx, planId: string): Promise<PlanRow | null> {
  const [row] = await ctx.tx
    .select()
    .from(plan)
    .where(and(eq(plan.id, planId), eq(plan.enteId, ctx.user.enteId), eq(plan.deleted, false)));
  return row ?? null;
}

export async function findArea(
  ctx: PlanCtx,
  areaId: string,
): Promise<{ area: AreaRow; plan: PlanRow } | null> {
  const [row] = await ctx.tx
    .select({ area, plan })
    .from(area)
    .innerJoin(plan, eq(plan.id, area.planId))
    .where(and(eq(area.id, areaId), eq(area.enteId, ctx.user.enteId), eq(area.deleted, false)));
  return row ?? null;
}

export async function findObjective(
  ctx: PlanCtx,
  objectiveId: string,
): Promise<{ objective: ObjectiveRow; plan: PlanRow } | null> {
  const [row] = await ctx.tx
    .select({ objective, plan })
    .from(objective)
    .innerJoin(area, eq(area.id, objective.areaId))
    .innerJoin(plan, eq(plan.id, area.planId))
    .where(
      and(eq(objective.id, objectiveId), eq(objective.enteId, ctx.user.enteId), eq(objective.deleted, false)),
    );
  return row ?? null;
}

export async function findPhase(
  ctx: PlanCtx,
  phaseId: string,
): Promise<{ phase: PhaseRow; objective: ObjectiveRow; plan: PlanRow } | null> {
  const [row] = await ctx.tx
    .select({ phase, objective, plan })
    .from(phase)
    .innerJoin(objective, eq(objective.id, phase.objectiveId))
    .innerJoin(area, eq(area.id, objective.areaId))
    .innerJoin(plan, eq(plan.id, area.planId))
    .where(and(eq(phase.id, phaseId), eq(phase.enteId, ctx.user.enteId), eq(phase.deleted, false)));
  return row ?? null;
}

/** Whether any row (tombstones included, any ente) already has this id: an `*.add` then applies as is. */
export async function idTaken(
  ctx: PlanCtx,
  table: 'area' | 'objective' | 'phase',
  id: string,
): Promise<boolean> {
  const t = table === 'area' ? area : table === 'objective' ? objective : phase;
  const [row] = await ctx.tx.select({ id: t.id }).from(t).where(eq(t.id, id)).limit(1);
  return row !== undefined;
}

/** locked → missing amendment → go ahead; says whether this change is an amendment. */
export function gate(planRow: PlanRow, input: AmendmentInput | undefined): boolean {
  const result = structureGate(asPlanStatus(planRow.status), input !== undefined);
  if (!result.ok) throw new Rejection(result.code, result.key);
  return result.amending;
}

export async function takeVersion(ctx: PlanCtx): Promise<number> {
  return allocateVersions(ctx.tx, ctx.user.enteId, 1);
}

export interface AmendmentDraft {
  planId: string;
  entity: 'area' | 'objective' | 'phase';
  entityId: string;
  objectiveId: string | null;
  kind: 'add' | 'update' | 'remove' | 'replace';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Records an applied amendment (with the mutation's version) and appends its act to the plan's acts. */
export async function recordAmendment(
  ctx: PlanCtx,
  version: number,
  input: AmendmentInput,
  draft: AmendmentDraft,
): Promise<void> {
  await ctx.tx.insert(amendment).values({
    id: randomUUID(),
    enteId: ctx.user.enteId,
    ...draft,
    motivation: input.motivation,
    act: input.act ?? null,
    userId: ctx.user.id,
    mutationId: ctx.mutationId,
    createdAt: ctx.now,
    version,
  });
  if (input.act) await appendAct(ctx, draft.planId, input.act, version);
}

/** Adds the act to the plan's `acts` unless it is already there (the same body, number and date). */
export async function appendAct(ctx: PlanCtx, planId: string, act: Act, version: number): Promise<void> {
  await ctx.tx
    .update(plan)
    .set({ acts: sql`${plan.acts} || ${JSON.stringify([act])}::jsonb`, version })
    .where(and(eq(plan.id, planId), sql`NOT ${plan.acts} @> ${JSON.stringify([act])}::jsonb`));
}
