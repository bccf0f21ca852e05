/**
 * planAndAreaProgress (the dashboard's one-pass path) must give exactly the numbers of the separate
 * functions — planProgress, areaProgress, expectedPlanProgress, expectedAreaProgress — compared with
 * Object.is (toBe), not toBeCloseTo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_AREA_A, EXAMPLE_AREA_B, EXAMPLE_PLAN_END } from './calculations-example.fixture.ts';
import { addDays } from './dates.ts';
import {
  expectedAreaProgress,
  expectedPlanProgress,
  planAndAreaProgress,
  type ExpectedPhaseInput,
} from './expected-progress.ts';
import type { Objective, WeightSet } from './plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_SETS } from './plan.ts';
import type { AreaInput, PhaseProgressInput } from './progress.ts';
import { areaProgress, planProgress } from './progress.ts';

type P = PhaseProgressInput & ExpectedPhaseInput;
type Area = AreaInput<P>;

function separately(areas: readonly Area[], ws: WeightSet, date: string, planEnd: string) {
  return {
    plan: { progress: planProgress(areas, ws), expected: expectedPlanProgress(areas, ws, date, planEnd) },
    areas: areas.map((area) => ({
      progress: areaProgress(area, ws),
      expected: expectedAreaProgress(area, ws, date, planEnd),
    })),
  };
}

function expectIdentical(areas: readonly Area[], ws: WeightSet, date: string, planEnd: string): void {
  const fast = planAndAreaProgress(areas, ws, date, planEnd);
  const reference = separately(areas, ws, date, planEnd);
  expect(fast.areas).toHaveLength(reference.areas.length);
  expect(fast.plan.progress).toBe(reference.plan.progress);
  expect(fast.plan.expected).toBe(reference.plan.expected);
  reference.areas.forEach((area, i) => {
    expect(fast.areas[i]?.progress).toBe(area.progress);
    expect(fast.areas[i]?.expected).toBe(area.expected);
  });
}

const END = EXAMPLE_PLAN_END;
const EXAMPLE = [EXAMPLE_AREA_A, EXAMPLE_AREA_B];

describe('planAndAreaProgress', () => {
  it('equals the separate functions on the worked example, every weight set and several dates', () => {
    for (const ws of WEIGHT_SETS) {
      for (const date of [
        '2021-12-31',
        '2022-01-31',
        '2022-04-30',
        '2022-06-30',
        '2022-09-15',
        END,
        '2023-01-01',
      ]) {
        expectIdentical(EXAMPLE, ws, date, END);
      }
    }
  });

  it('gives the worked example figures (docs/calculations.md)', () => {
    // The figures docs/calculations.md prints ("Worked example"), hard-coded: comparing the two
    // implementations with each other would not see a mistake they share. The doc rounds to one
    // decimal (56.7 for 170/3, 65.8 for 7900/120), so toBeCloseTo(x, 1): within 0.05 of the print.
    const fast = planAndAreaProgress(EXAMPLE, 'nucleo', '2022-06-30', END);
    expect(fast.areas[0]?.progress).toBeCloseTo(56.7, 1); // Area A = (40 × 50 + 20 × 70) / 60
    expect(fast.areas[1]?.progress).toBeCloseTo(75, 1); // area B = (100 + 50) / 2
    expect(fast.plan.progress).toBeCloseTo(65.8, 1); // Plan = 7900 / 120
    expect(fast.plan.expected).toBeCloseTo(47.5, 1); // Plan expected by 30 June = 5700 / 120
    // "Under the Equal set: (50 + 70 + 100 + 50) / 4 = 67.5."
    expect(planAndAreaProgress(EXAMPLE, 'equal', '2022-06-30', END).plan.progress).toBeCloseTo(67.5, 1);
  });

  it('is null for no areas, and for areas where nothing counts', () => {
    expect(planAndAreaProgress([], 'nucleo', '2022-06-30', END)).toEqual({
      plan: { progress: null, expected: null },
      areas: [],
    });
    const removed: Area = {
      objectives: [{ id: 'o', state: 'removed', weights: { head: 1, giunta: null, nucleo: null } }],
      phases: [{ id: 'p', objectiveId: 'o', status: 'done', percent: 100, weight: null, deadline: null }],
    };
    const empty: Area = { objectives: [], phases: [] };
    expect(planAndAreaProgress([removed, empty], 'head', '2022-06-30', END)).toEqual({
      plan: { progress: null, expected: null },
      areas: [
        { progress: null, expected: null },
        { progress: null, expected: null },
      ],
    });
    expectIdentical([removed, empty], 'head', '2022-06-30', END);
  });

  it('ignores phases listed in an area other than their objective’s, like the separate functions', () => {
    const objective = (id: string, head: number | null): Pick<Objective, 'id' | 'state' | 'weights'> => ({
      id,
      state: 'active',
      weights: { head, giunta: null, nucleo: null },
    });
    const phase = (id: string, objectiveId: string, percent: number): P => ({
      id,
      objectiveId,
      status: 'in_progress',
      percent,
      weight: null,
      deadline: '2022-03-31',
    });
    const areas: Area[] = [
      {
        objectives: [objective('a1', 30), objective('a2', null)],
        phases: [phase('p1', 'a1', 40), phase('p2', 'b1', 90)],
      },
      { objectives: [objective('b1', null)], phases: [phase('p3', 'b1', 10), phase('p4', 'a2', 70)] },
    ];
    for (const ws of WEIGHT_SETS) expectIdentical(areas, ws, '2022-06-30', END);
  });
});

// Random plans: mostly sensible weights and percents, with the garbage a hand-typed plan can hold;
// some phases point at objectives of another area or at none.
const date = fc.integer({ min: -30, max: 400 }).map((d) => addDays('2022-01-01', d));
const weight = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(-1, 0, Number.NaN, Number.POSITIVE_INFINITY), weight: 1 },
);
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -50, max: 150 }));
const phaseDraft = fc.record({
  status: fc.constantFrom(...PHASE_STATUSES),
  percent,
  weight,
  deadline: fc.option(date, { nil: null }),
  stray: fc.option(fc.tuple(fc.nat(4), fc.nat(5)), { nil: null, freq: 8 }),
});
const objectiveDraft = fc.record({
  state: fc.constantFrom(...OBJECTIVE_STATES),
  weights: fc.record({ head: weight, giunta: weight, nucleo: weight }),
  phases: fc.array(phaseDraft, { maxLength: 6 }),
});
const randomPlan = fc.array(fc.array(objectiveDraft, { maxLength: 6 }), { maxLength: 5 }).map((areas) =>
  areas.map((objectives, a): Area => {
    const phases: P[] = [];
    const os = objectives.map(({ phases: drafts, ...o }, i) => {
      const id = `o${a}.${i}`;
      drafts.forEach(({ stray, ...d }, n) =>
        phases.push({ ...d, id: `${id}.${n}`, objectiveId: stray ? `o${stray[0]}.${stray[1]}` : id }),
      );
      return { ...o, id };
    });
    return { objectives: os, phases };
  }),
);

describe('planAndAreaProgress properties', () => {
  it('equals planProgress, areaProgress and their expected counterparts exactly, under every weight set and date', () => {
    fc.assert(
      fc.property(randomPlan, date, date, (areas, today, planEnd) => {
        for (const ws of WEIGHT_SETS) expectIdentical(areas, ws, today, planEnd);
      }),
      { numRuns: 500 },
    );
  });
});
