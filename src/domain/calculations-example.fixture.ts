/**
 * The worked example of docs/calculations.md as real domain records, so the tests prove the numbers
 * the document quotes. Two areas: one with weights (one objective removed, one phase cancelled), one
 * without any weight.
 */
import type { IsoDate, Objective, ObjectiveWeights, Phase, PhaseStatus, WeightUnit } from './plan.ts';

export const EXAMPLE_PLAN_END: IsoDate = '2022-12-31';

function objective(
  id: string,
  areaId: string,
  weights: ObjectiveWeights,
  state: Objective['state'] = 'active',
): Objective {
  return {
    id,
    areaId,
    number: id,
    title: `Objective ${id}`,
    indicator: 'attività',
    subjects: '',
    weights,
    state,
    motivation: state === 'removed' ? 'stralcio' : null,
  };
}

function phase(
  objectiveId: string,
  number: number,
  weight: number | null,
  weightUnit: WeightUnit | null,
  deadline: IsoDate | null,
  status: PhaseStatus,
  percent: number,
): Phase {
  return {
    id: `${objectiveId}.${number}`,
    objectiveId,
    areaId: objectiveId.slice(0, 1),
    number,
    indicator: '',
    subjects: '',
    description: '',
    weight,
    weightUnit,
    deadline,
    status,
    percent,
    updatedBy: null,
    updatedAt: null,
  };
}

export const EXAMPLE_A1 = objective('A1', 'A', { head: 30, giunta: 30, nucleo: 40 });
export const EXAMPLE_A2 = objective('A2', 'A', { head: 20, giunta: null, nucleo: null });
export const EXAMPLE_A3 = objective('A3', 'A', { head: 10, giunta: 10, nucleo: 10 }, 'removed');

export const EXAMPLE_AREA_A = {
  objectives: [EXAMPLE_A1, EXAMPLE_A2, EXAMPLE_A3],
  phases: [
    phase('A1', 1, 20, 'percent', '2022-01-31', 'done', 100),
    phase('A1', 2, 60, 'percent', '2022-04-30', 'in_progress', 50),
    phase('A1', 3, 20, 'percent', '2022-12-31', 'not_started', 0),
    phase('A2', 1, 3, 'points', '2022-06-30', 'done', 100),
    phase('A2', 2, 1, 'points', '2022-03-31', 'cancelled', 0),
    phase('A2', 3, null, null, null, 'in_progress', 40),
    phase('A3', 1, 100, 'percent', '2022-05-31', 'not_started', 0),
  ],
};

export const EXAMPLE_AREA_B = {
  objectives: [
    objective('B1', 'B', { head: null, giunta: null, nucleo: null }),
    objective('B2', 'B', { head: null, giunta: null, nucleo: null }),
  ],
  phases: [
    phase('B1', 1, null, null, '2022-07-31', 'done', 100),
    phase('B2', 1, null, null, '2022-03-31', 'done', 100),
    phase('B2', 2, null, null, '2022-12-31', 'not_started', 0),
  ],
};
