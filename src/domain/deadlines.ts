/**
 * What is late and what is due: the lists an area head looks at every morning, and the counts behind
 * the dashboard badges. `today` comes in as an argument (the comune's calendar day).
 */
import { addDays, compareIsoDates } from './dates.ts';
import type { IsoDate, Phase } from './plan.ts';

export type DeadlinePhaseInput = Pick<Phase, 'id' | 'number' | 'status' | 'deadline'>;

function isOpen(phase: Pick<Phase, 'status'>): boolean {
  return phase.status !== 'done' && phase.status !== 'cancelled';
}

/** Not done nor cancelled, with a deadline strictly before today (a deadline of today is not late yet). */
export function isLate(phase: Pick<Phase, 'status' | 'deadline'>, today: IsoDate): boolean {
  return isOpen(phase) && phase.deadline !== null && compareIsoDates(phase.deadline, today) < 0;
}

/** By deadline, then phase number, then id, so the order is stable across devices. */
function byDeadline(a: DeadlinePhaseInput, b: DeadlinePhaseInput): number {
  // Callers only sort phases that have a deadline.
  const da = a.deadline ?? '';
  const db = b.deadline ?? '';
  return (da < db ? -1 : da > db ? 1 : 0) || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Open phases whose deadline has passed, oldest deadline first. Phases without a deadline are never late. */
export function latePhases<P extends DeadlinePhaseInput>(phases: readonly P[], today: IsoDate): P[] {
  return phases.filter((phase) => isLate(phase, today)).sort(byDeadline);
}

/** Open phases due from today to today + `days` inclusive, soonest first. */
export function dueSoonPhases<P extends DeadlinePhaseInput>(
  phases: readonly P[],
  today: IsoDate,
  days: number,
): P[] {
  const until = addDays(today, days);
  return phases
    .filter(
      (phase) =>
        isOpen(phase) &&
        phase.deadline !== null &&
        compareIsoDates(today, phase.deadline) <= 0 &&
        compareIsoDates(phase.deadline, until) <= 0,
    )
    .sort(byDeadline);
}

export interface PhaseCounts {
  done: number;
  inProgress: number;
  late: number;
  notStarted: number;
  blocked: number;
  cancelled: number;
}

/**
 * How many phases are in each bucket; every phase lands in exactly one, so the counts sum to the total.
 * A late phase counts as late, not as not started / in progress / blocked: lateness is what needs action.
 */
export function phaseCounts(
  phases: readonly Pick<Phase, 'status' | 'deadline'>[],
  today: IsoDate,
): PhaseCounts {
  const counts: PhaseCounts = { done: 0, inProgress: 0, late: 0, notStarted: 0, blocked: 0, cancelled: 0 };
  for (const phase of phases) {
    if (isLate(phase, today)) counts.late += 1;
    else if (phase.status === 'done') counts.done += 1;
    else if (phase.status === 'in_progress') counts.inProgress += 1;
    else if (phase.status === 'not_started') counts.notStarted += 1;
    else if (phase.status === 'blocked') counts.blocked += 1;
    else counts.cancelled += 1;
  }
  return counts;
}
