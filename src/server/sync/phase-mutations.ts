/**
 * phase.setStatus and phase.setProgress: the device's rules (domain/phase-transitions.ts) applied
 * authoritatively. Runs inside the push transaction, in the mutation's savepoint, with the ente
 * locked (push.ts), so the phase read here is the latest committed state and no other writer of
 * the ente can interleave.
 *
 * Every change bumps the ente version (the phase, its history rows and any conflict row carry it),
 * records a phase_history row per changed field, and, when the user's `from` is stale, still applies
 * (later write in server order wins) and records a `conflict` row visible to both users.
 */
import { and, eq } from 'drizzle-orm';
import { changePercent, changeStatus, objectiveAcceptsProgress } from '../../domain/phase-transitions.ts';
import type { ObjectiveState, PhaseStatus } from '../../domain/plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES } from '../../domain/plan.ts';
import { setProgressArgsSchema, setStatusArgsSchema } from '../../shared/mutations.ts';
import { conflict, objective, phase, phaseHistory } from '../db/schema.ts';
import { parseArgs, Rejection } from './rejection.ts';
import type { MutationContext, MutationOutcome } from './mutation-context.ts';
import { canChangePhases } from './permissions.ts';
import { allocateVersions } from './versions.ts';

type Field = 'status' | 'percent';
type Progress = { status: PhaseStatus; percent: number };

const asStatus = (s: string): PhaseStatus =>
  (PHASE_STATUSES as readonly string[]).includes(s) ? (s as PhaseStatus) : 'not_started';
const asState = (s: string): ObjectiveState =>
  (OBJECTIVE_STATES as readonly string[]).includes(s) ? (s as ObjectiveState) : 'active';

async function loadPhase(ctx: MutationContext, phaseId: string) {
  if (!canChangePhases(ctx.user.role)) throw new Rejection('forbidden', 'role_forbidden');
  const [row] = await ctx.tx
    .select({ phase, objectiveState: objective.state })
    .from(phase)
    .innerJoin(objective, eq(objective.id, phase.objectiveId))
    .where(and(eq(phase.id, phaseId), eq(phase.enteId, ctx.user.enteId), eq(phase.deleted, false)));
  if (!row) throw new Rejection('not_found', 'phase_not_found');
  if (ctx.user.role !== 'admin' && !ctx.user.areaIds.includes(row.phase.areaId)) {
    throw new Rejection('forbidden', 'area_forbidden');
  }
  return {
    row: row.phase,
    state: asState(row.objectiveState),
    current: { status: asStatus(row.phase.status), percent: row.phase.percent },
  };
}

function refuse(state: ObjectiveState, current: Progress): never {
  if (!objectiveAcceptsProgress(state))
    throw new Rejection('illegal_transition', 'objective_closed', { state });
  throw new Rejection('illegal_transition', 'phase_closed', { status: current.status });
}

async function writeProgress(
  ctx: MutationContext,
  loaded: Awaited<ReturnType<typeof loadPhase>>,
  next: Progress,
  contested: Field,
  isConflict: boolean,
): Promise<MutationOutcome> {
  const { row, current } = loaded;
  const changed = (['status', 'percent'] as const).filter((f) => next[f] !== current[f]);
  if (changed.length === 0 && !isConflict) return { conflict: false, version: null };
  const version = await allocateVersions(ctx.tx, ctx.user.enteId);
  const at = ctx.now;
  await ctx.tx
    .update(phase)
    .set({ status: next.status, percent: next.percent, updatedBy: ctx.user.id, updatedAt: at, version })
    .where(eq(phase.id, row.id));
  const fields = new Set<Field>(changed);
  if (isConflict) fields.add(contested);
  await ctx.tx.insert(phaseHistory).values(
    [...fields].map((field) => ({
      id: ctx.newId(),
      enteId: ctx.user.enteId,
      phaseId: row.id,
      areaId: row.areaId,
      field,
      before: current[field],
      after: next[field],
      userId: ctx.user.id,
      at,
      conflict: isConflict && field === contested,
      mutationId: ctx.mutationId,
      version,
    })),
  );
  if (isConflict) {
    const userIds = [...new Set([row.updatedBy, ctx.user.id].filter((id): id is string => id !== null))];
    await ctx.tx.insert(conflict).values({
      id: ctx.newId(),
      enteId: ctx.user.enteId,
      phaseId: row.id,
      areaId: row.areaId,
      field: contested,
      overwritten: current[contested],
      winner: next[contested],
      userIds,
      createdAt: at,
      version,
    });
  }
  return { conflict: isConflict, version };
}

export async function setStatus(ctx: MutationContext, rawArgs: unknown): Promise<MutationOutcome> {
  const args = parseArgs(setStatusArgsSchema, rawArgs);
  const loaded = await loadPhase(ctx, args.phaseId);
  const result = changeStatus(loaded.current, loaded.state, args.from, args.to);
  if (!result.ok) refuse(loaded.state, loaded.current);
  return writeProgress(ctx, loaded, result.next, 'status', result.conflict);
}

export async function setProgress(ctx: MutationContext, rawArgs: unknown): Promise<MutationOutcome> {
  const args = parseArgs(setProgressArgsSchema, rawArgs);
  const loaded = await loadPhase(ctx, args.phaseId);
  const result = changePercent(loaded.current, loaded.state, args.percent, args.from);
  if (!result.ok) refuse(loaded.state, loaded.current);
  return writeProgress(ctx, loaded, result.next, 'percent', result.conflict);
}
