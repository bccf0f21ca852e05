/**
 * The rules of the Nucleo's evaluation and of the close of the year, shared by the server's deciders
 * (server/sync/evaluation-mutations.ts, plan-close-mutations.ts) and the device's optimistic applier,
 * so both refuse the same change with the same code and message key:
 * - evaluation, phase verdicts and the head's self-assessment need an approved plan (a draft takes
 *   none, a closed one is locked), an objective that counts (not removed or replaced) and a phase not
 *   removed from the plan;
 * - a plan closes from approved (closing a closed plan changes nothing) and reopens from closed;
 * - the scoring method is the plan's to choose until it is closed.
 * The "same effect already there" check comes before these (protocol Part 2 "Order of the checks"),
 * so a retry of something applied before the close still answers applied.
 */
import { objectiveCounts, type PlanStatus } from './plan-structure.ts';
import type { ObjectiveState } from './plan.ts';
import type { ScoringMethod } from './scores.ts';

export type CycleRefusal =
  | { ok: false; code: 'locked'; key: 'plan_locked'; params: Record<string, never> }
  | {
      ok: false;
      code: 'illegal_transition';
      key: 'plan_draft' | 'phase_removed';
      params: Record<string, never>;
    }
  | {
      ok: false;
      code: 'illegal_transition';
      key: 'objective_taken_out';
      params: { state: ObjectiveState };
    }
  | { ok: false; code: 'illegal_transition'; key: 'plan_not_closed'; params: { status: PlanStatus } };

const locked: CycleRefusal = { ok: false, code: 'locked', key: 'plan_locked', params: {} };
const draft: CycleRefusal = { ok: false, code: 'illegal_transition', key: 'plan_draft', params: {} };

/** What an assessment is about: an objective, or one of its phases (a verdict). */
export interface AssessedTarget {
  objectiveState: ObjectiveState;
  /** The phase was taken out of an approved plan (phase.remove); absent for an objective. */
  phaseRemoved?: boolean;
}

/** Whether the Nucleo's evaluation, a phase verdict or a self-assessment may be recorded now. */
export function assessmentGate(status: PlanStatus, target: AssessedTarget): { ok: true } | CycleRefusal {
  if (status === 'closed') return locked;
  if (status === 'draft') return draft;
  if (!objectiveCounts(target.objectiveState))
    return {
      ok: false,
      code: 'illegal_transition',
      key: 'objective_taken_out',
      params: { state: target.objectiveState },
    };
  if (target.phaseRemoved === true)
    return { ok: false, code: 'illegal_transition', key: 'phase_removed', params: {} };
  return { ok: true };
}

/** approved → closed; a closed plan stays as it is (applied, unchanged); a draft does not close. */
export function closeGate(status: PlanStatus): { ok: true; changes: boolean } | CycleRefusal {
  if (status === 'closed') return { ok: true, changes: false };
  if (status === 'draft') return draft;
  return { ok: true, changes: true };
}

/** closed → approved; any other plan is not closed (a second reopen would lose its reason silently). */
export function reopenGate(status: PlanStatus): { ok: true } | CycleRefusal {
  if (status === 'closed') return { ok: true };
  return { ok: false, code: 'illegal_transition', key: 'plan_not_closed', params: { status } };
}

/** The scoring method may change on a draft or an approved plan, never on a closed one. */
export function scoringGate(status: PlanStatus): { ok: true } | CycleRefusal {
  return status === 'closed' ? locked : { ok: true };
}

export function sameScoring(a: ScoringMethod, b: ScoringMethod): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'linear' || (b.kind === 'threshold' && a.threshold === b.threshold);
}

/** A verdict's reason as stored: trimmed, null when empty or when the verdict is cleared. */
export function storedVerdictReason(
  verdict: 'validated' | 'contested' | null,
  reason: string | undefined,
): string | null {
  if (verdict === null) return null;
  const trimmed = (reason ?? '').trim();
  return trimmed === '' ? null : trimmed;
}
