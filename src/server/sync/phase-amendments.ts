/**
 * phase.add/update/remove (protocol Part 2): on a draft freely (a removed phase is a tombstone); on
 * an approved plan as amendments — a removed phase becomes `cancelled` with `removed: true`, takes no
 * more progress and counts no more. Deadlines fall within the plan's year; phase numbers are taken
 * once per objective among the phases that are not removed.
 */
import { and, eq } from 'drizzle-orm';
import { changedFields, deadlineInYear, objectiveCounts } from '../../domain/plan-structure.ts';
import type { PlanMutationArgs } from '../../shared/plan-mutations.ts';
import { phase } from '../db/schema.ts';
import {
  asObjectiveState,
  findObjective,
  findPhase,
  gate,
  idTaken,
  recordAmendment,
  requireAmender,
  hiddenDraft,
  requireArea,
  takeVersion,
  UNCHANGED,
  type PhaseRow,
  type PlanCtx,
  type PlanOutcome,
  type PlanRow,
} from './plan-context.ts';
import { Rejection } from './rejection.ts';

function requireDeadlineInYear(deadline: string | null, planRow: PlanRow): void {
  if (!deadlineInYear(deadline, planRow.year))
    throw new Rejection('invalid', 'deadline_outside_year', { deadline: deadline ?? '', year: planRow.year });
}

async function requireFreeNumber(ctx: PlanCtx, objectiveId: string, number: number, exceptId: string | null) {
  const rows = await ctx.tx
    .select({ id: phase.id })
    .from(phase)
    .where(
      and(
        eq(phase.objectiveId, objectiveId),
        eq(phase.number, number),
        eq(phase.deleted, false),
        eq(phase.removed, false),
      ),
    );
  if (rows.some((r) => r.id !== exceptId)) throw new Rejection('invalid', 'phase_number_taken', { number });
}

function fieldsOf(p: PhaseRow) {
  return {
    number: p.number,
    description: p.description,
    indicator: p.indicator,
    subjects: p.subjects,
    weight: p.weight,
    weightUnit: p.weightUnit,
    deadline: p.deadline,
  };
}

export async function addPhase(ctx: PlanCtx, args: PlanMutationArgs['phase.add']): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findObjective(ctx, args.objectiveId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx.user, o.areaId);
  if (await idTaken(ctx, 'phase', args.phaseId)) return UNCHANGED;
  const amending = gate(found.plan, args.amendment);
  const state = asObjectiveState(o.state);
  if (!objectiveCounts(state)) throw new Rejection('illegal_transition', 'objective_taken_out', { state });
  requireDeadlineInYear(args.deadline ?? null, found.plan);
  await requireFreeNumber(ctx, o.id, args.number, null);
  const fields = {
    number: args.number,
    description: args.description,
    indicator: args.indicator ?? '',
    subjects: args.subjects ?? '',
    weight: args.weight ?? null,
    weightUnit: args.weight === null || args.weight === undefined ? null : (args.weightUnit ?? 'percent'),
    deadline: args.deadline ?? null,
  };
  const version = await takeVersion(ctx);
  await ctx.tx.insert(phase).values({
    id: args.phaseId,
    enteId: ctx.user.enteId,
    objectiveId: o.id,
    areaId: o.areaId,
    ...fields,
    status: 'not_started',
    percent: 0,
    version,
  });
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'phase',
      entityId: args.phaseId,
      objectiveId: o.id,
      kind: 'add',
      before: null,
      after: fields,
    });
  return { version };
}

export async function updatePhase(
  ctx: PlanCtx,
  args: PlanMutationArgs['phase.update'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findPhase(ctx, args.phaseId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'phase_not_found');
  const p = found.phase;
  requireArea(ctx.user, p.areaId);
  const amending = gate(found.plan, args.amendment);
  if (p.removed) throw new Rejection('illegal_transition', 'phase_removed');
  const { changes } = args;
  const { before, after, next } = changedFields(fieldsOf(p), {
    ...changes,
    ...(changes.indicator === null ? { indicator: '' } : {}),
    ...(changes.subjects === null ? { subjects: '' } : {}),
  });
  if (Object.keys(after).length === 0) return UNCHANGED;
  if (after.deadline !== undefined) requireDeadlineInYear(next.deadline, found.plan);
  if (after.number !== undefined) await requireFreeNumber(ctx, p.objectiveId, next.number, p.id);
  const version = await takeVersion(ctx);
  await ctx.tx
    .update(phase)
    .set({ ...next, weightUnit: next.weight === null ? null : (next.weightUnit ?? 'percent'), version })
    .where(eq(phase.id, p.id));
  if (amending && args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'phase',
      entityId: p.id,
      objectiveId: p.objectiveId,
      kind: 'update',
      before,
      after,
    });
  return { version, before };
}

export async function removePhase(
  ctx: PlanCtx,
  args: PlanMutationArgs['phase.remove'],
): Promise<PlanOutcome> {
  await requireAmender(ctx);
  const found = await findPhase(ctx, args.phaseId);
  if (!found || hiddenDraft(ctx.user, found.plan)) throw new Rejection('not_found', 'phase_not_found');
  const p = found.phase;
  requireArea(ctx.user, p.areaId);
  if (p.removed) return UNCHANGED;
  const amending = gate(found.plan, args.amendment);
  const version = await takeVersion(ctx);
  if (!amending) {
    await ctx.tx.update(phase).set({ deleted: true, version }).where(eq(phase.id, p.id));
    return { version, before: { status: p.status, deleted: false } };
  }
  await ctx.tx
    .update(phase)
    .set({ status: 'cancelled', removed: true, updatedBy: ctx.user.id, updatedAt: ctx.now, version })
    .where(eq(phase.id, p.id));
  if (args.amendment)
    await recordAmendment(ctx, version, args.amendment, {
      planId: found.plan.id,
      entity: 'phase',
      entityId: p.id,
      objectiveId: p.objectiveId,
      kind: 'remove',
      before: { status: p.status },
      after: { status: 'cancelled', removed: true },
    });
  return { version, before: { status: p.status, removed: false } };
}
