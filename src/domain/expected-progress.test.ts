import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_A1,
  EXAMPLE_A2,
  EXAMPLE_A3,
  EXAMPLE_AREA_A,
  EXAMPLE_AREA_B,
  EXAMPLE_PLAN_END,
} from './calculations-example.fixture.ts';
import {
  expectedAreaProgress,
  expectedObjectiveProgress,
  expectedPhaseProgress,
  expectedPlanProgress,
} from './expected-progress.ts';

const END = EXAMPLE_PLAN_END;

describe('expectedPhaseProgress', () => {
  it('is 100 from the deadline on, 0 before', () => {
    const phase = { status: 'not_started', deadline: '2022-06-30' } as const;
    expect(expectedPhaseProgress(phase, '2022-06-29', END)).toBe(0);
    expect(expectedPhaseProgress(phase, '2022-06-30', END)).toBe(100);
    expect(expectedPhaseProgress(phase, '2022-07-01', END)).toBe(100);
  });

  it('does not depend on the actual status, except cancelled', () => {
    expect(expectedPhaseProgress({ status: 'done', deadline: '2022-06-30' }, '2022-01-01', END)).toBe(0);
    expect(
      expectedPhaseProgress({ status: 'cancelled', deadline: '2022-06-30' }, '2022-12-31', END),
    ).toBeNull();
  });

  it('treats a missing deadline as due at the end of the plan', () => {
    const phase = { status: 'in_progress', deadline: null } as const;
    expect(expectedPhaseProgress(phase, '2022-12-30', END)).toBe(0);
    expect(expectedPhaseProgress(phase, '2022-12-31', END)).toBe(100);
  });
});

describe('expected progress of the worked example on 2022-06-30', () => {
  const date = '2022-06-30';

  it('objectives: the weighted share of phases due', () => {
    // A1: phases of 20% and 60% due by June → 80.
    expect(expectedObjectiveProgress(EXAMPLE_A1, EXAMPLE_AREA_A.phases, date, END)).toBeCloseTo(80);
    // A2: phase 1 due on the day; phase 3 has no deadline (due at year end); phase 2 cancelled → 50.
    expect(expectedObjectiveProgress(EXAMPLE_A2, EXAMPLE_AREA_A.phases, date, END)).toBeCloseTo(50);
    expect(expectedObjectiveProgress(EXAMPLE_A3, EXAMPLE_AREA_A.phases, date, END)).toBeNull();
  });

  it('areas and plan: weighted like actual progress', () => {
    expect(expectedAreaProgress(EXAMPLE_AREA_A, 'nucleo', date, END)).toBeCloseTo((40 * 80 + 20 * 50) / 60);
    expect(expectedAreaProgress(EXAMPLE_AREA_B, 'nucleo', date, END)).toBeCloseTo(25);
    expect(expectedPlanProgress([EXAMPLE_AREA_A, EXAMPLE_AREA_B], 'nucleo', date, END)).toBeCloseTo(47.5);
  });

  it('is 0 before any deadline and 100 at the end of the plan', () => {
    const areas = [EXAMPLE_AREA_A, EXAMPLE_AREA_B];
    expect(expectedPlanProgress(areas, 'nucleo', '2021-12-31', END)).toBe(0);
    expect(expectedPlanProgress(areas, 'nucleo', END, END)).toBe(100);
    expect(expectedPlanProgress(areas, 'equal', END, END)).toBe(100);
  });

  it('is null when nothing counts', () => {
    expect(expectedPlanProgress([], 'nucleo', date, END)).toBeNull();
  });
});
