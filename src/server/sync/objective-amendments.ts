/**
 * objective.add/update/remove/replace (protocol Part 2): on a draft the plan changes freely (a removed
 * objective is gone, with its phases, as tombstones); on an approved plan each is an amendment — the
 * objective becomes `modified`, `removed` (stralcio) or `replaced`, its motivation the amendment's,
 * and an amendment row records the fields before and after.
 */
import { and, eq, max } from 'drizzle-orm';
import { changedFields, objectiveNumberTaken, stateAfterUpdate } from '../../domain/plan-structure.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { objective, phase } from '../db/schema.ts';
import {
  asObjectiveState,
  findArea,
  findObjective,
  gate,
  idTaken,
  recordAmendment,
  requireAmender,
  hiddenDraft,
  requireArea,
  takeVersion,
  UNCHANGED,
  type ObjectiveRow,
  type PlanCtx,
  type PlanOutcome,
} from './plan-context.ts';
import { Rejection } from './rejection.ts';

async function siblings(ctx: PlanCtx, areaId: string) {
  const rows = await ctx.tx
    .select({ id: objective.id, number: objective.number, state: objective.state })
    .from(objective)
    .where(and(eq(objective.areaId, areaId), eq(objective.deleted, false)));
  return rows.map((r) => ({ ...r, state: asObjectiveState(r.state) }));
}

async function requireFreeNumber(ctx: PlanCtx, areaId: string, number: string, exceptId: string | null) {
  if (objectiveNumberTaken(await siblings(ctx, areaId), number, exceptId))
    throw new Rejection('invalid', 'objective_number_taken', { number });
}

async function nextPosition(ctx: PlanCtx, areaId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ top: max(objective.position) })
    .from(objective)
    .where(eq(objective.areaId, areaId));
  return (row?.top ?? -1) + 1;
}

function fieldsOf(o: ObjectiveRow) {
  return {
    number: o.number,
    title: o.title,
    indicator: o.indicator,
    subjects: o.subjects,
    weights: { head: o.weightHead, giunta: o.weightGiunta, nucleo: o.weightNucleo },
  };
}

function weightColumns(weights: { head: number | null; giunta: number | null; nucleo: number | null }) {
  return { weightHead: weights.head, weightGiunta: weights.giunta, weightNucleo: weights.nucleo };
}

export async function addObjective(
  ctx: PlanCtx,
  args: PlanMutationArgs['objective.add'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findArea(ctx, args.areaId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'area_not_found');
  requireArea(ctx.user, found.area.id);
  if (await idTaken(ctx, 'objective', args.objectiveId)) return UNCHANGED;
  const amending = gate(found.plan, args.amendment);
  await requireFreeNumber(ctx, found.area.id, args.number, null);
  const weights = args.weights ?? { head: null, giunta: null, nucleo: null };
  const position = await nextPosition(ctx, found.area.id);
  const version = await takeVersion(ctx);
  await ctx.tx.insert(objective).values({
    id: args.objectiveId,
    enteId: ctx.user.enteId,
    areaId: found.area.id,
    number: args.number,
    title: args.title,
    indicator: args.indicator ?? '',
    subjects: args.subjects ?? '',
    state: 'active',
    motivation: amending ? (args.amendment?.motivation ?? null) : null,
    ...weightColumns(weights),
    position,
    version,
  });
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'objective',
      entityId: args.objectiveId,
      objectiveId: args.objectiveId,
      kind: 'add',
      before: null,
      after: { number: args.number, title: args.title, indicator: args.indicator ?? '', weights },
    });
  return { version };
}

export async function updateObjective(
  ctx: PlanCtx,
  args: PlanMutationArgs['objective.update'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findObjective(ctx, args.objectiveId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx.user, o.areaId);
  const amending = gate(found.plan, args.amendment);
  const state = asObjectiveState(o.state);
  const nextState = stateAfterUpdate(state, amending);
  if (nextState === null) throw new Rejection('illegal_transition', 'objective_taken_out', { state });
  const { changes } = args;
  const { before, after, next } = changedFields(fieldsOf(o), {
    ...changes,
    // null clears a text field (stored as empty text: the columns are not nullable).
    ...(changes.indicator === null ? { indicator: '' } : {}),
    ...(changes.subjects === null ? { subjects: '' } : {}),
  });
  if (Object.keys(after).length === 0) return UNCHANGED;
  if (after.number !== undefined) await requireFreeNumber(ctx, o.areaId, next.number, o.id);
  if (nextState !== state) {
    Object.assign(before, { state });
    Object.assign(after, { state: nextState });
  }
  const version = await takeVersion(ctx);
  await ctx.tx
    .update(objective)
    .set({
      number: next.number,
      title: next.title,
      indicator: next.indicator,
      subjects: next.subjects,
      ...weightColumns(next.weights),
      state: nextState,
      ...(amending ? { motivation: args.amendment?.motivation ?? null } : {}),
      version,
    })
    .where(eq(objective.id, o.id));
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'objective',
      entityId: o.id,
      objectiveId: o.id,
      kind: 'update',
      before,
      after,
    });
  return { version, before };
}

export async function removeObjective(
  ctx: PlanCtx,
  args: PlanMutationArgs['objective.remove'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findObjective(ctx, args.objectiveId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx.user, o.areaId);
  const state = asObjectiveState(o.state);
  if (state === 'removed') return UNCHANGED;
  const amending = gate(found.plan, args.amendment);
  if (state === 'replaced') throw new Rejection('illegal_transition', 'objective_taken_out', { state });
  const version = await takeVersion(ctx);
  if (!amending) {
    await ctx.tx.update(objective).set({ deleted: true, version }).where(eq(objective.id, o.id));
    await ctx.tx.update(phase).set({ deleted: true, version }).where(eq(phase.objectiveId, o.id));
    return { version, before: { state, deleted: false } };
  }
  await ctx.tx
    .update(objective)
    .set({ state: 'removed', motivation: args.amendment?.motivation ?? null, version })
    .where(eq(objective.id, o.id));
  if (args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'objective',
      entityId: o.id,
      objectiveId: o.id,
      kind: 'remove',
      before: { state },
      after: { state: 'removed' },
    });
  return { version, before: { state, motivation: o.motivation } };
}

/** The old objective `replaced`, the new one `active` with `replaces`; on a draft the old one is gone. */
export async function replaceObjective(
  ctx: PlanCtx,
  args: PlanMutationArgs['objective.replace'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findObjective(ctx, args.objectiveId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx.user, o.areaId);
  const r = args.replacement;
  if (await idTaken(ctx, 'objective', r.objectiveId)) return UNCHANGED;
  const amending = gate(found.plan, args.amendment);
  const state = asObjectiveState(o.state);
  if (state === 'removed' || state === 'replaced')
    throw new Rejection('illegal_transition', 'objective_taken_out', { state });
  await requireFreeNumber(ctx, o.areaId, r.number, o.id);
  const weights = r.weights ?? { head: o.weightHead, giunta: o.weightGiunta, nucleo: o.weightNucleo };
  const version = await takeVersion(ctx);
  const motivation = amending ? (args.amendment?.motivation ?? null) : null;
  if (amending) {
    await ctx.tx
      .update(objective)
      .set({ state: 'replaced', motivation, version })
      .where(eq(objective.id, o.id));
  } else {
    await ctx.tx.update(objective).set({ deleted: true, version }).where(eq(objective.id, o.id));
    await ctx.tx.update(phase).set({ deleted: true, version }).where(eq(phase.objectiveId, o.id));
  }
  await ctx.tx.insert(objective).values({
    id: r.objectiveId,
    enteId: ctx.user.enteId,
    areaId: o.areaId,
    number: r.number,
    title: r.title,
    indicator: r.indicator ?? '',
    subjects: o.subjects,
    state: 'active',
    motivation,
    ...weightColumns(weights),
    position: o.position,
    replaces: amending ? o.id : null,
    version,
  });
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'objective',
      entityId: o.id,
      objectiveId: o.id,
      kind: 'replace',
      before: { state },
      after: { state: 'replaced', replacedBy: r.objectiveId, number: r.number, title: r.title },
    });
  return {
    version,
    before: amending ? { state, motivation: o.motivation } : { state, deleted: false },
  };
}
