/**
 * phase.setStatus and phase.setProgress: the device's rules (domain/phase-transitions.ts) applied
 * authoritatively, in memory, on the batch's state (mutation-context.ts). The state was read with the
 * ente locked (push.ts), so it is the latest committed one and no other writer of the ente interleaves.
 *
 * Every change takes a version (the phase, its history rows and any conflict row carry it), records a
 * phase_history row per changed field, and, when the user's `from` is stale, still applies (later write
 * in server order wins) and records a `conflict` row visible to both users. Checks come in this order:
 * args (apply-mutation.ts), role, phase (of the ente, not deleted, with its objective), area, the plan
 * (approved: a draft takes no progress, a closed plan is locked), a removed phase, transition.
 */
import { changePercent, changeStatus, objectiveAcceptsProgress } from '../../domain/phase-transitions.ts';
import type { ObjectiveState } from '../../domain/plan.ts';
import type { SetProgressArgs, SetStatusArgs } from '../../shared/mutations.ts';
import type { MutationContext, MutationOutcome, PhaseState } from './mutation-context.ts';
import { canChangePhases } from './permissions.ts';
import { Rejection, requireProgressOpen } from './rejection.ts';

type Field = 'status' | 'percent';
type Progress = { status: PhaseState['status']; percent: number };

function findPhase(ctx: MutationContext, phaseId: string): PhaseState & { objectiveState: ObjectiveState } {
  if (!canChangePhases(ctx.user.role)) throw new Rejection('forbidden', 'role_forbidden');
  const row = ctx.state.phases.get(phaseId);
  if (!row || row.objectiveState === null) throw new Rejection('not_found', 'phase_not_found');
  if (ctx.user.role !== 'admin' && !ctx.user.areaIds.includes(row.areaId)) {
    throw new Rejection('forbidden', 'area_forbidden');
  }
  requireProgressOpen(row.planStatus);
  if (row.removed) throw new Rejection('illegal_transition', 'phase_removed');
  return row as PhaseState & { objectiveState: ObjectiveState };
}

function refuse(state: ObjectiveState, current: Progress): never {
  if (!objectiveAcceptsProgress(state))
    throw new Rejection('illegal_transition', 'objective_closed', { state });
  throw new Rejection('illegal_transition', 'phase_closed', { status: current.status });
}

/** Records the change (nothing can be refused any more) and carries the new state to the next mutation. */
function recordProgress(
  ctx: MutationContext,
  row: PhaseState,
  next: Progress,
  contested: Field,
  isConflict: boolean,
): MutationOutcome {
  const current: Progress = { status: row.status, percent: row.percent };
  const changed = (['status', 'percent'] as const).filter((f) => next[f] !== current[f]);
  if (changed.length === 0 && !isConflict) return { conflict: false, versionOffset: null };
  const { effects, user } = ctx;
  const versionOffset = effects.takeVersion();
  const fields = new Set<Field>(changed);
  if (isConflict) fields.add(contested);
  for (const field of fields) {
    effects.history.push({
      id: ctx.newId(),
      phaseId: row.id,
      areaId: row.areaId,
      field,
      before: current[field],
      after: next[field],
      conflict: isConflict && field === contested,
      mutationId: ctx.mutationId,
      versionOffset,
    });
  }
  if (isConflict) {
    effects.conflicts.push({
      id: ctx.newId(),
      phaseId: row.id,
      areaId: row.areaId,
      field: contested,
      overwritten: current[contested],
      winner: next[contested],
      userIds: [...new Set([row.updatedBy, user.id].filter((id): id is string => id !== null))],
      versionOffset,
    });
  }
  row.status = next.status;
  row.percent = next.percent;
  row.updatedBy = user.id;
  effects.phases.set(row.id, { state: row, versionOffset });
  return { conflict: isConflict, versionOffset };
}

/** `args` already passed the shared schema (apply-mutation.ts). */
export function setStatus(ctx: MutationContext, args: SetStatusArgs): MutationOutcome {
  const row = findPhase(ctx, args.phaseId);
  const current = { status: row.status, percent: row.percent };
  const result = changeStatus(current, row.objectiveState, args.from, args.to);
  if (!result.ok) refuse(row.objectiveState, current);
  return recordProgress(ctx, row, result.next, 'status', result.conflict);
}

export function setProgress(ctx: MutationContext, args: SetProgressArgs): MutationOutcome {
  const row = findPhase(ctx, args.phaseId);
  const current = { status: row.status, percent: row.percent };
  const result = changePercent(current, row.objectiveState, args.percent, args.from);
  if (!result.ok) refuse(row.objectiveState, current);
  return recordProgress(ctx, row, result.next, 'percent', result.conflict);
}
