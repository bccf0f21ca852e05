import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_A1 as A1,
  EXAMPLE_A2 as A2,
  EXAMPLE_A3 as A3,
  EXAMPLE_AREA_A,
  EXAMPLE_AREA_B,
} from './calculations-example.fixture.ts';
import type { ObjectiveWeights, Phase } from './plan.ts';
import type { ObjectiveProgressInput, PhaseProgressInput } from './progress.ts';
import { areaProgress, objectiveProgress, phaseProgress, planProgress } from './progress.ts';

function phase(
  objectiveId: string,
  n: number,
  status: Phase['status'],
  percent = 0,
  weight: number | null = null,
): PhaseProgressInput {
  return { id: `${objectiveId}.${n}`, objectiveId, status, percent, weight };
}

function objective(
  id: string,
  weights: Partial<ObjectiveWeights> = {},
  state: ObjectiveProgressInput['state'] = 'active',
): ObjectiveProgressInput {
  return { id, state, weights: { head: null, giunta: null, nucleo: null, ...weights } };
}

describe('phaseProgress', () => {
  it('maps each status', () => {
    expect(phaseProgress({ status: 'done', percent: 30 })).toBe(100);
    expect(phaseProgress({ status: 'not_started', percent: 30 })).toBe(0);
    expect(phaseProgress({ status: 'in_progress', percent: 30 })).toBe(30);
    expect(phaseProgress({ status: 'blocked', percent: 45 })).toBe(45);
    expect(phaseProgress({ status: 'cancelled', percent: 30 })).toBeNull();
  });

  it('clamps the percent of an open phase', () => {
    expect(phaseProgress({ status: 'in_progress', percent: 140 })).toBe(100);
    expect(phaseProgress({ status: 'blocked', percent: -3 })).toBe(0);
    expect(phaseProgress({ status: 'in_progress', percent: Number.NaN })).toBe(0);
  });
});

describe('objectiveProgress', () => {
  it('is the weighted mean of its phases', () => {
    expect(objectiveProgress(A1, EXAMPLE_AREA_A.phases)).toBeCloseTo(50);
  });

  it('drops cancelled phases and fills a missing weight with the mean', () => {
    // Phase 2 (1 point) is cancelled; phase 3 has no weight and takes 3 points like phase 1.
    expect(objectiveProgress(A2, EXAMPLE_AREA_A.phases)).toBeCloseTo(70);
  });

  it('ignores phases of other objectives', () => {
    const phases = [phase('x', 1, 'done'), phase('y', 1, 'not_started')];
    expect(objectiveProgress(objective('x'), phases)).toBe(100);
  });

  it('is 0 when no phase counts', () => {
    expect(objectiveProgress(objective('x'), [])).toBe(0);
    expect(objectiveProgress(objective('x'), [phase('x', 1, 'cancelled')])).toBe(0);
  });

  it('is null for removed and replaced objectives', () => {
    expect(objectiveProgress(A3, EXAMPLE_AREA_A.phases)).toBeNull();
    expect(objectiveProgress(objective('x', {}, 'replaced'), [phase('x', 1, 'done')])).toBeNull();
  });

  it('is exactly 100 when every phase is done', () => {
    const phases = [
      phase('x', 1, 'done', 0, 1 / 3),
      phase('x', 2, 'done', 0, 0.1),
      phase('x', 3, 'done', 0, 7),
    ];
    expect(objectiveProgress(objective('x'), phases)).toBe(100);
  });
});

describe('areaProgress', () => {
  it('weighs objectives by the chosen set (worked example)', () => {
    // nucleo: A1 40, A2 falls back to its head weight 20; A3 removed.
    expect(areaProgress(EXAMPLE_AREA_A, 'nucleo')).toBeCloseTo((40 * 50 + 20 * 70) / 60);
    expect(areaProgress(EXAMPLE_AREA_A, 'giunta')).toBeCloseTo((30 * 50 + 20 * 70) / 50);
    expect(areaProgress(EXAMPLE_AREA_A, 'head')).toBeCloseTo((30 * 50 + 20 * 70) / 50);
    expect(areaProgress(EXAMPLE_AREA_A, 'equal')).toBeCloseTo(60);
  });

  it('uses equal weights when no objective has one', () => {
    expect(areaProgress(EXAMPLE_AREA_B, 'nucleo')).toBeCloseTo(75);
  });

  it('gives an objective without weight the mean of the others', () => {
    const area = {
      objectives: [objective('a', { head: 10 }), objective('b'), objective('c', { head: 50 })],
      phases: [phase('a', 1, 'done'), phase('b', 1, 'done'), phase('c', 1, 'not_started')],
    };
    // b weighs 30: (10 + 30) / 90 of the area is done.
    expect(areaProgress(area, 'head')).toBeCloseTo((40 / 90) * 100);
  });

  it('is null when no objective counts', () => {
    expect(areaProgress({ objectives: [], phases: [] }, 'nucleo')).toBeNull();
    expect(areaProgress({ objectives: [objective('a', {}, 'removed')], phases: [] }, 'equal')).toBeNull();
  });

  it('counts an objective without phases as 0', () => {
    const area = { objectives: [objective('a'), objective('b')], phases: [phase('a', 1, 'done')] };
    expect(areaProgress(area, 'equal')).toBe(50);
  });
});

describe('planProgress', () => {
  it('is the weighted mean of all counting objectives (worked example)', () => {
    // Area B has no weights: its objectives take the plan mean of the given ones, (40 + 20) / 2 = 30.
    const expected = (40 * 50 + 20 * 70 + 30 * 100 + 30 * 50) / 120;
    expect(planProgress([EXAMPLE_AREA_A, EXAMPLE_AREA_B], 'nucleo')).toBeCloseTo(expected);
    expect(planProgress([EXAMPLE_AREA_A, EXAMPLE_AREA_B], 'equal')).toBeCloseTo((50 + 70 + 100 + 50) / 4);
  });

  it('weighs an area by the sum of its objective weights, not one vote per area', () => {
    const big = { objectives: [objective('a', { nucleo: 90 })], phases: [phase('a', 1, 'done')] };
    const small = { objectives: [objective('b', { nucleo: 10 })], phases: [phase('b', 1, 'not_started')] };
    expect(planProgress([big, small], 'nucleo')).toBeCloseTo(90);
  });

  it('equals the area progress for a single area', () => {
    expect(planProgress([EXAMPLE_AREA_A], 'nucleo')).toBeCloseTo(
      areaProgress(EXAMPLE_AREA_A, 'nucleo') ?? Number.NaN,
    );
  });

  it('is null when nothing counts', () => {
    expect(planProgress([], 'nucleo')).toBeNull();
    expect(planProgress([{ objectives: [], phases: [] }], 'nucleo')).toBeNull();
  });
});
