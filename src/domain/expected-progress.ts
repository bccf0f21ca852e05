/**
 * Expected progress: how far an objective, area or plan should have got by a date if every phase were
 * finished exactly on its deadline. A phase is expected at 100 once its deadline has passed (deadline
 * ≤ date) and at 0 before: the plan states deadlines, not intermediate milestones, so no linear ramp is
 * invented. A phase without a deadline is due at `planEnd` (the end of the plan year). Weights are
 * the same as for actual progress, so the two numbers can be compared side by side.
 */
import { compareIsoDates } from './dates.ts';
import type { IsoDate, Objective, Phase, WeightSet } from './plan.ts';
import type { AreaInput, PhaseProgressInput } from './progress.ts';
import {
  areaProgressBy,
  objectiveProgressBy,
  phaseProgress,
  planProgressBy,
  progressFiguresBy,
} from './progress.ts';

export type ExpectedPhaseInput = Pick<Phase, 'id' | 'objectiveId' | 'status' | 'weight' | 'deadline'>;

/** 100 when due by `date`, 0 otherwise; null for a cancelled phase. */
export function expectedPhaseProgress(
  phase: Pick<Phase, 'status' | 'deadline'>,
  date: IsoDate,
  planEnd: IsoDate,
): number | null {
  if (phase.status === 'cancelled') return null;
  return compareIsoDates(phase.deadline ?? planEnd, date) <= 0 ? 100 : 0;
}

/** The weighted share of the objective's counting phases due by `date`; null when it does not count. */
export function expectedObjectiveProgress(
  objective: Pick<Objective, 'id' | 'state'>,
  phases: readonly ExpectedPhaseInput[],
  date: IsoDate,
  planEnd: IsoDate,
): number | null {
  return objectiveProgressBy(objective, phases, (phase) => expectedPhaseProgress(phase, date, planEnd));
}

export function expectedAreaProgress(
  area: AreaInput<ExpectedPhaseInput>,
  weightSet: WeightSet,
  date: IsoDate,
  planEnd: IsoDate,
): number | null {
  return areaProgressBy(area, weightSet, (phase) => expectedPhaseProgress(phase, date, planEnd));
}

export function expectedPlanProgress(
  areas: readonly AreaInput<ExpectedPhaseInput>[],
  weightSet: WeightSet,
  date: IsoDate,
  planEnd: IsoDate,
): number | null {
  return planProgressBy(areas, weightSet, (phase) => expectedPhaseProgress(phase, date, planEnd));
}

/** Actual and expected progress of one figure (the plan or an area). */
export interface ProgressPair {
  progress: number | null;
  expected: number | null;
}

/**
 * The plan's and every area's actual and expected progress in one pass: exactly the numbers of
 * planProgress, expectedPlanProgress, areaProgress and expectedAreaProgress (same weights, same
 * summing order), but each objective's actual and expected value is computed once (progressFiguresBy).
 */
export function planAndAreaProgress(
  areas: readonly AreaInput<PhaseProgressInput & ExpectedPhaseInput>[],
  weightSet: WeightSet,
  date: IsoDate,
  planEnd: IsoDate,
): { plan: ProgressPair; areas: ProgressPair[] } {
  const figures = progressFiguresBy(areas, weightSet, [
    phaseProgress,
    (phase) => expectedPhaseProgress(phase, date, planEnd),
  ]);
  const pair = (values: readonly (number | null)[]): ProgressPair => ({
    progress: values[0] ?? null,
    expected: values[1] ?? null,
  });
  return { plan: pair(figures.plan), areas: figures.areas.map(pair) };
}
