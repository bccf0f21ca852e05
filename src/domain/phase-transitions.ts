/**
 * The rules for changing a phase's status and percent, shared by the server (authoritative) and the
 * device (optimistic apply and rebase), so both reach the same state from the same mutations.
 */
import type { ObjectiveState, PhaseStatus } from './plan.ts';

export interface PhaseProgressState {
  status: PhaseStatus;
  percent: number;
}

export type TransitionResult =
  | { ok: true; next: PhaseProgressState; conflict: boolean }
  | { ok: false; code: 'illegal_transition'; message: string };

/** Objectives taken out of the plan keep their history but accept no more progress. */
export function objectiveAcceptsProgress(state: ObjectiveState): boolean {
  return state === 'active' || state === 'modified';
}

/** The percent a status implies: done is 100, not started is 0, the others keep what they had. */
function percentFor(status: PhaseStatus, percent: number): number {
  if (status === 'done') return 100;
  if (status === 'not_started') return 0;
  return percent;
}

/**
 * A status change. `from` is the status the user saw: if the phase has moved on since, the change
 * still applies (later write in server order wins) and `conflict` is true.
 */
export function changeStatus(
  current: PhaseProgressState,
  objectiveState: ObjectiveState,
  from: PhaseStatus,
  to: PhaseStatus,
): TransitionResult {
  if (!objectiveAcceptsProgress(objectiveState)) {
    return { ok: false, code: 'illegal_transition', message: `objective is ${objectiveState}` };
  }
  const percent = to === 'in_progress' && current.percent === 100 ? 99 : current.percent;
  return {
    ok: true,
    next: { status: to, percent: percentFor(to, percent) },
    conflict: current.status !== from,
  };
}

/**
 * A percent change. Setting a percent on a phase not started moves it to in progress; 100 on a
 * phase in progress marks it done; a done or cancelled phase must first change status.
 */
export function changePercent(
  current: PhaseProgressState,
  objectiveState: ObjectiveState,
  percent: number,
  from?: number,
): TransitionResult {
  if (!objectiveAcceptsProgress(objectiveState)) {
    return { ok: false, code: 'illegal_transition', message: `objective is ${objectiveState}` };
  }
  if (current.status === 'done' || current.status === 'cancelled') {
    return { ok: false, code: 'illegal_transition', message: `phase is ${current.status}` };
  }
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  let status: PhaseStatus = current.status;
  if (status === 'not_started' && clamped > 0) status = 'in_progress';
  if (status === 'in_progress' && clamped === 100) status = 'done';
  return {
    ok: true,
    next: { status, percent: clamped },
    conflict: from !== undefined && from !== current.percent,
  };
}
