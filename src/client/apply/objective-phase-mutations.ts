/**
 * objective.add/update/remove/replace and phase.add/update/remove on the device, as the server's
 * objective-amendments.ts and phase-amendments.ts do them: on a draft freely (a removal deletes the
 * rows), on an approved plan as amendments (objective `modified` / `removed` / `replaced`, a removed
 * phase `cancelled` with `removed: true`, and a pending amendment row). Pure (see plan-mutation.ts).
 */
import {
  changedFields,
  deadlineInYear,
  objectiveCounts,
  objectiveNumberTaken,
  stateAfterUpdate,
} from '../../domain/plan-structure.ts';
import type { ObjectiveRecord, PhaseRecord, PlanRecord } from '../db/schema.ts';
import {
  amendmentEffects,
  areaWithPlan,
  gate,
  PlanRefusal,
  requireAmender,
  requireArea,
  type ApplyCtx,
  type Handler,
} from './plan-apply-context.ts';
import type { RowEffect } from './plan-row-set.ts';

const NO_WEIGHTS = { head: null, giunta: null, nucleo: null };

function objectiveWithPlan(ctx: ApplyCtx, objectiveId: string) {
  const objective = ctx.set.objectives.get(objectiveId);
  const found = objective ? areaWithPlan(ctx, objective.areaId) : null;
  return objective && found ? { objective, plan: found.plan } : null;
}

function phasesOf(ctx: ApplyCtx, objectiveId: string): PhaseRecord[] {
  return [...ctx.set.phases.values()].filter((p) => p.objectiveId === objectiveId);
}

function requireFreeNumber(ctx: ApplyCtx, areaId: string, number: string, exceptId: string | null) {
  const siblings = [...ctx.set.objectives.values()].filter((o) => o.areaId === areaId);
  if (objectiveNumberTaken(siblings, number, exceptId))
    throw new PlanRefusal('invalid', 'objective_number_taken', { number });
}

function nextPosition(ctx: ApplyCtx, areaId: string): number {
  const positions = [...ctx.set.objectives.values()]
    .filter((o) => o.areaId === areaId)
    .map((o) => o.position ?? -1);
  return Math.max(-1, ...positions) + 1;
}

function objectiveFields(o: ObjectiveRecord) {
  return {
    number: o.number,
    title: o.title,
    indicator: o.indicator,
    subjects: o.subjects ?? '',
    weights: o.weights,
  };
}

/** A draft's removal: the objective and its phases leave the device (the server sends tombstones). */
function deleteWithPhases(ctx: ApplyCtx, o: ObjectiveRecord): RowEffect[] {
  return [
    { table: 'objectives', id: o.id, row: null },
    ...phasesOf(ctx, o.id).map((p): RowEffect => ({ table: 'phases', id: p.id, row: null })),
  ];
}

const addObjective: Handler<'objective.add'> = (ctx, args) => {
  requireAmender(ctx);
  const found = areaWithPlan(ctx, args.areaId);
  if (!found) throw new PlanRefusal('not_found', 'area_not_found');
  requireArea(ctx, found.area.id);
  if (ctx.set.objectives.has(args.objectiveId)) return [];
  const amending = gate(found.plan, args.amendment);
  requireFreeNumber(ctx, found.area.id, args.number, null);
  const weights = args.weights ?? NO_WEIGHTS;
  const row: ObjectiveRecord = {
    id: args.objectiveId,
    version: 0,
    areaId: found.area.id,
    number: args.number,
    title: args.title,
    indicator: args.indicator ?? '',
    subjects: args.subjects ?? '',
    state: 'active',
    motivation: amending ? (args.amendment?.motivation ?? null) : null,
    weights,
    position: nextPosition(ctx, found.area.id),
    replaces: null,
  };
  const effects: RowEffect[] = [{ table: 'objectives', id: row.id, row }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, found.plan, args.amendment, {
        entity: 'objective',
        entityId: row.id,
        objectiveId: row.id,
        kind: 'add',
        before: null,
        after: { number: args.number, title: args.title, indicator: args.indicator ?? '', weights },
      }),
    );
  return effects;
};

const updateObjective: Handler<'objective.update'> = (ctx, args) => {
  requireAmender(ctx);
  const found = objectiveWithPlan(ctx, args.objectiveId);
  if (!found) throw new PlanRefusal('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx, o.areaId);
  const amending = gate(found.plan, args.amendment);
  const nextState = stateAfterUpdate(o.state, amending);
  if (nextState === null)
    throw new PlanRefusal('illegal_transition', 'objective_taken_out', { state: o.state });
  const { changes } = args;
  const { before, after, next } = changedFields(objectiveFields(o), {
    ...changes,
    // null clears a text field (the server stores empty text).
    ...(changes.indicator === null ? { indicator: '' } : {}),
    ...(changes.subjects === null ? { subjects: '' } : {}),
  });
  if (Object.keys(after).length === 0) return [];
  if (after.number !== undefined) requireFreeNumber(ctx, o.areaId, next.number, o.id);
  if (nextState !== o.state) {
    Object.assign(before, { state: o.state });
    Object.assign(after, { state: nextState });
  }
  const row: ObjectiveRecord = {
    ...o,
    ...next,
    state: nextState,
    ...(amending ? { motivation: args.amendment?.motivation ?? null } : {}),
  };
  const effects: RowEffect[] = [{ table: 'objectives', id: o.id, row }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, found.plan, args.amendment, {
        entity: 'objective',
        entityId: o.id,
        objectiveId: o.id,
        kind: 'update',
        before,
        after,
      }),
    );
  return effects;
};

const removeObjective: Handler<'objective.remove'> = (ctx, args) => {
  requireAmender(ctx);
  const found = objectiveWithPlan(ctx, args.objectiveId);
  if (!found) throw new PlanRefusal('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx, o.areaId);
  if (o.state === 'removed') return [];
  const amending = gate(found.plan, args.amendment);
  if (o.state === 'replaced')
    throw new PlanRefusal('illegal_transition', 'objective_taken_out', { state: o.state });
  if (!amending || !args.amendment) return deleteWithPhases(ctx, o);
  const motivation = args.amendment.motivation;
  return [
    { table: 'objectives', id: o.id, row: { ...o, state: 'removed', motivation } },
    ...amendmentEffects(ctx, found.plan, args.amendment, {
      entity: 'objective',
      entityId: o.id,
      objectiveId: o.id,
      kind: 'remove',
      before: { state: o.state },
      after: { state: 'removed' },
    }),
  ];
};

const replaceObjective: Handler<'objective.replace'> = (ctx, args) => {
  requireAmender(ctx);
  const found = objectiveWithPlan(ctx, args.objectiveId);
  if (!found) throw new PlanRefusal('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx, o.areaId);
  const r = args.replacement;
  if (ctx.set.objectives.has(r.objectiveId)) return [];
  const amending = gate(found.plan, args.amendment);
  if (o.state === 'removed' || o.state === 'replaced')
    throw new PlanRefusal('illegal_transition', 'objective_taken_out', { state: o.state });
  requireFreeNumber(ctx, o.areaId, r.number, o.id);
  const motivation = amending ? (args.amendment?.motivation ?? null) : null;
  const replacement: ObjectiveRecord = {
    id: r.objectiveId,
    version: 0,
    areaId: o.areaId,
    number: r.number,
    title: r.title,
    indicator: r.indicator ?? '',
    subjects: o.subjects ?? '',
    state: 'active',
    motivation,
    weights: r.weights ?? o.weights,
    position: o.position ?? 0,
    replaces: amending ? o.id : null,
  };
  const effects: RowEffect[] = amending
    ? [{ table: 'objectives', id: o.id, row: { ...o, state: 'replaced', motivation } }]
    : deleteWithPhases(ctx, o);
  effects.push({ table: 'objectives', id: replacement.id, row: replacement });
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, found.plan, args.amendment, {
        entity: 'objective',
        entityId: o.id,
        objectiveId: o.id,
        kind: 'replace',
        before: { state: o.state },
        after: { state: 'replaced', replacedBy: r.objectiveId, number: r.number, title: r.title },
      }),
    );
  return effects;
};

function requireDeadlineInYear(deadline: string | null, plan: PlanRecord): void {
  // A plan row without `year` (pulled from a v1 server) cannot be checked here: the server decides.
  if (plan.year !== undefined && !deadlineInYear(deadline, plan.year))
    throw new PlanRefusal('invalid', 'deadline_outside_year', { deadline: deadline ?? '', year: plan.year });
}

function requireFreePhaseNumber(ctx: ApplyCtx, objectiveId: string, number: number, exceptId: string | null) {
  if (phasesOf(ctx, objectiveId).some((p) => p.id !== exceptId && p.number === number && p.removed !== true))
    throw new PlanRefusal('invalid', 'phase_number_taken', { number });
}

function phaseFields(p: PhaseRecord) {
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

const addPhase: Handler<'phase.add'> = (ctx, args) => {
  requireAmender(ctx);
  const found = objectiveWithPlan(ctx, args.objectiveId);
  if (!found) throw new PlanRefusal('not_found', 'objective_not_found');
  const o = found.objective;
  requireArea(ctx, o.areaId);
  if (ctx.set.phases.has(args.phaseId)) return [];
  const amending = gate(found.plan, args.amendment);
  if (!objectiveCounts(o.state))
    throw new PlanRefusal('illegal_transition', 'objective_taken_out', { state: o.state });
  requireDeadlineInYear(args.deadline ?? null, found.plan);
  requireFreePhaseNumber(ctx, o.id, args.number, null);
  const fields = {
    number: args.number,
    description: args.description,
    indicator: args.indicator ?? '',
    subjects: args.subjects ?? '',
    weight: args.weight ?? null,
    weightUnit: args.weight === null || args.weight === undefined ? null : (args.weightUnit ?? 'percent'),
    deadline: args.deadline ?? null,
  };
  const row: PhaseRecord = {
    id: args.phaseId,
    version: 0,
    objectiveId: o.id,
    areaId: o.areaId,
    ...fields,
    status: 'not_started',
    percent: 0,
    updatedBy: null,
    updatedAt: null,
    removed: false,
  };
  const effects: RowEffect[] = [{ table: 'phases', id: row.id, row }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, found.plan, args.amendment, {
        entity: 'phase',
        entityId: row.id,
        objectiveId: o.id,
        kind: 'add',
        before: null,
        after: fields,
      }),
    );
  return effects;
};

function phaseWithPlan(ctx: ApplyCtx, phaseId: string) {
  const phase = ctx.set.phases.get(phaseId);
  const found = phase ? objectiveWithPlan(ctx, phase.objectiveId) : null;
  return phase && found ? { phase, plan: found.plan } : null;
}

const updatePhase: Handler<'phase.update'> = (ctx, args) => {
  requireAmender(ctx);
  const found = phaseWithPlan(ctx, args.phaseId);
  if (!found) throw new PlanRefusal('not_found', 'phase_not_found');
  const p = found.phase;
  requireArea(ctx, p.areaId);
  const amending = gate(found.plan, args.amendment);
  if (p.removed === true) throw new PlanRefusal('illegal_transition', 'phase_removed');
  const { changes } = args;
  const { before, after, next } = changedFields(phaseFields(p), {
    ...changes,
    ...(changes.indicator === null ? { indicator: '' } : {}),
    ...(changes.subjects === null ? { subjects: '' } : {}),
  });
  if (Object.keys(after).length === 0) return [];
  if (after.deadline !== undefined) requireDeadlineInYear(next.deadline, found.plan);
  if (after.number !== undefined) requireFreePhaseNumber(ctx, p.objectiveId, next.number, p.id);
  const row: PhaseRecord = {
    ...p,
    ...next,
    weightUnit: next.weight === null ? null : (next.weightUnit ?? 'percent'),
  };
  const effects: RowEffect[] = [{ table: 'phases', id: p.id, row }];
  if (amending && args.amendment)
    effects.push(
      ...amendmentEffects(ctx, found.plan, args.amendment, {
        entity: 'phase',
        entityId: p.id,
        objectiveId: p.objectiveId,
        kind: 'update',
        before,
        after,
      }),
    );
  return effects;
};

const removePhase: Handler<'phase.remove'> = (ctx, args) => {
  requireAmender(ctx);
  const found = phaseWithPlan(ctx, args.phaseId);
  if (!found) throw new PlanRefusal('not_found', 'phase_not_found');
  const p = found.phase;
  requireArea(ctx, p.areaId);
  if (p.removed === true) return [];
  const amending = gate(found.plan, args.amendment);
  if (!amending || !args.amendment) return [{ table: 'phases', id: p.id, row: null }];
  const row: PhaseRecord = {
    ...p,
    status: 'cancelled',
    removed: true,
    updatedBy: ctx.userId,
    updatedAt: ctx.m.clientTime,
  };
  return [
    { table: 'phases', id: p.id, row },
    ...amendmentEffects(ctx, found.plan, args.amendment, {
      entity: 'phase',
      entityId: p.id,
      objectiveId: p.objectiveId,
      kind: 'remove',
      before: { status: p.status },
      after: { status: 'cancelled', removed: true },
    }),
  ];
};

export const objectivePhaseHandlers = {
  'objective.add': addObjective,
  'objective.update': updateObjective,
  'objective.remove': removeObjective,
  'objective.replace': replaceObjective,
  'phase.add': addPhase,
  'phase.update': updatePhase,
  'phase.remove': removePhase,
} as const;
