/**
 * plan.approve, ente.setSettings, area.add/update/remove and amendment.setAct (protocol Part 2).
 * Checks in the contract's order: args (already parsed) → role → not found → area → an id that
 * already exists (applied, unchanged) → locked → missing amendment → wrong state.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { changedFields } from '../../domain/plan-structure.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { amendment, area, ente, objective, phase, plan } from '../db/schema.ts';
import {
  appendAct,
  asPlanStatus,
  findArea,
  findPlan,
  gate,
  idTaken,
  recordAmendment,
  requireAdmin,
  takeVersion,
  UNCHANGED,
  type PlanCtx,
  type PlanOutcome,
} from './plan-context.ts';
import { Rejection } from './rejection.ts';

/** draft → approved: every row of the plan takes a new version, so every role's next pull brings it. */
export async function approvePlan(
  ctx: PlanCtx,
  args: PlanMutationArgs['plan.approve'],
): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const row = await findPlan(ctx, args.planId);
  if (!row) throw new Rejection('not_found', 'plan_not_found');
  const status = asPlanStatus(row.status);
  if (status === 'closed') throw new Rejection('locked', 'plan_locked');
  if (status !== 'draft') throw new Rejection('illegal_transition', 'plan_not_draft', { status });
  // One plan a year: a second draft of a year already approved stays a draft.
  const [sameYear] = await ctx.tx
    .select({ id: plan.id })
    .from(plan)
    .where(
      and(
        eq(plan.enteId, ctx.user.enteId),
        eq(plan.year, row.year),
        eq(plan.deleted, false),
        sql`${plan.status} <> 'draft'`,
      ),
    );
  if (sameYear) throw new Rejection('illegal_transition', 'plan_year_taken', { year: row.year });
  const version = await takeVersion(ctx);
  const { tx } = ctx;
  const event = { kind: 'approved' as const, at: ctx.now.toISOString(), userId: ctx.user.id };
  await tx
    .update(plan)
    .set({ status: 'approved', events: [...row.events, event], version })
    .where(eq(plan.id, row.id));
  await appendAct(ctx, row.id, args.act, version);
  const areaIds = tx.select({ id: area.id }).from(area).where(eq(area.planId, row.id));
  await tx.update(area).set({ version }).where(eq(area.planId, row.id));
  await tx.update(objective).set({ version }).where(inArray(objective.areaId, areaIds));
  await tx.update(phase).set({ version }).where(inArray(phase.areaId, areaIds));
  await tx.update(amendment).set({ version }).where(eq(amendment.planId, row.id));
  return { version, before: { status, acts: row.acts } };
}

export async function setEnteSettings(
  ctx: PlanCtx,
  args: PlanMutationArgs['ente.setSettings'],
): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const [row] = await ctx.tx
    .select({ settings: ente.settings })
    .from(ente)
    .where(eq(ente.id, ctx.user.enteId));
  if (row?.settings.headsMayAmend === args.headsMayAmend) return UNCHANGED;
  const version = await takeVersion(ctx);
  await ctx.tx
    .update(ente)
    .set({ settings: { headsMayAmend: args.headsMayAmend }, rowVersion: version })
    .where(eq(ente.id, ctx.user.enteId));
  return { version, before: { settings: row?.settings ?? { headsMayAmend: false } } };
}

export async function addArea(ctx: PlanCtx, args: PlanMutationArgs['area.add']): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const planRow = await findPlan(ctx, args.planId);
  if (!planRow) throw new Rejection('not_found', 'plan_not_found');
  if (await idTaken(ctx, 'area', args.areaId)) return UNCHANGED;
  const amending = gate(planRow, args.amendment);
  const siblings = await ctx.tx
    .select({ name: area.name, position: area.position })
    .from(area)
    .where(and(eq(area.planId, planRow.id), eq(area.deleted, false)));
  if (siblings.some((s) => s.name.trim().toLowerCase() === args.name.toLowerCase()))
    throw new Rejection('invalid', 'area_name_taken', { name: args.name });
  const position = args.position ?? Math.max(-1, ...siblings.map((s) => s.position)) + 1;
  const version = await takeVersion(ctx);
  await ctx.tx.insert(area).values({
    id: args.areaId,
    enteId: ctx.user.enteId,
    planId: planRow.id,
    name: args.name,
    position,
    head: null,
    motivation: null,
    version,
  });
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: planRow.id,
      entity: 'area',
      entityId: args.areaId,
      objectiveId: null,
      kind: 'add',
      before: null,
      after: { name: args.name, position },
    });
  return { version };
}

export async function updateArea(ctx: PlanCtx, args: PlanMutationArgs['area.update']): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const found = await findArea(ctx, args.areaId);
  if (!found) throw new Rejection('not_found', 'area_not_found');
  const amending = gate(found.plan, args.amendment);
  const current = { name: found.area.name, position: found.area.position, head: found.area.head };
  const { before, after, next } = changedFields(current, args.changes);
  if (Object.keys(after).length === 0) return UNCHANGED;
  if (after.name !== undefined) {
    const [taken] = await ctx.tx
      .select({ id: area.id })
      .from(area)
      .where(
        and(
          eq(area.planId, found.plan.id),
          eq(area.deleted, false),
          sql`lower(trim(${area.name})) = ${next.name.toLowerCase()}`,
          sql`${area.id} <> ${found.area.id}`,
        ),
      );
    if (taken) throw new Rejection('invalid', 'area_name_taken', { name: next.name });
  }
  const version = await takeVersion(ctx);
  await ctx.tx
    .update(area)
    .set({ ...next, version })
    .where(eq(area.id, found.area.id));
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'area',
      entityId: found.area.id,
      objectiveId: null,
      kind: 'update',
      before,
      after,
    });
  return { version, before };
}

/** Extension: an area leaves the plan only once it has no objectives left (a tombstone). */
export async function removeArea(ctx: PlanCtx, args: PlanMutationArgs['area.remove']): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const found = await findArea(ctx, args.areaId);
  if (!found) throw new Rejection('not_found', 'area_not_found');
  const amending = gate(found.plan, args.amendment);
  const [objectives] = await ctx.tx
    .select({ n: count() })
    .from(objective)
    .where(and(eq(objective.areaId, found.area.id), eq(objective.deleted, false)));
  const n = Number(objectives?.n ?? 0);
  if (n > 0) throw new Rejection('invalid', 'area_has_objectives', { count: n });
  const version = await takeVersion(ctx);
  await ctx.tx.update(area).set({ deleted: true, version }).where(eq(area.id, found.area.id));
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'area',
      entityId: found.area.id,
      objectiveId: null,
      kind: 'remove',
      before: { name: found.area.name },
      after: null,
    });
  return { version, before: { name: found.area.name, deleted: false } };
}

/** The act adopted after the change (the Giunta often deliberates weeks later). */
export async function setAmendmentAct(
  ctx: PlanCtx,
  args: PlanMutationArgs['amendment.setAct'],
): Promise<PlanOutcome> {
  requireAdmin(ctx.user);
  const [row] = await ctx.tx
    .select({ amendment, planStatus: plan.status })
    .from(amendment)
    .innerJoin(plan, eq(plan.id, amendment.planId))
    .where(and(eq(amendment.id, args.amendmentId), eq(amendment.enteId, ctx.user.enteId)));
  if (!row) throw new Rejection('not_found', 'amendment_not_found');
  if (JSON.stringify(row.amendment.act) === JSON.stringify(args.act)) return UNCHANGED;
  if (asPlanStatus(row.planStatus) === 'closed') throw new Rejection('locked', 'plan_locked');
  const version = await takeVersion(ctx);
  await ctx.tx.update(amendment).set({ act: args.act, version }).where(eq(amendment.id, row.amendment.id));
  await appendAct(ctx, row.amendment.planId, args.act, version);
  return { version, before: { act: row.amendment.act } };
}
