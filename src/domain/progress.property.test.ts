import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from './dates.ts';
import { phaseCounts } from './deadlines.ts';
import { expectedPlanProgress } from './expected-progress.ts';
import type { Objective, Phase, WeightSet } from './plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_SETS } from './plan.ts';
import type { AreaInput } from './progress.ts';
import { areaProgress, objectiveProgress, planProgress } from './progress.ts';

type P = Pick<Phase, 'id' | 'objectiveId' | 'status' | 'percent' | 'weight' | 'deadline'>;
type O = Pick<Objective, 'id' | 'state' | 'weights'>;
type Area = AreaInput<P> & { objectives: O[]; phases: P[] };

const PLAN_END = '2022-12-31';
const date = fc.integer({ min: -30, max: 400 }).map((d) => addDays('2022-01-01', d));

// Mostly sensible weights, with the occasional garbage a hand-typed plan can hold.
const weight = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY), weight: 1 },
);
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -50, max: 150 }));

const phaseDraft = fc.record({
  status: fc.constantFrom(...PHASE_STATUSES),
  percent,
  weight,
  deadline: fc.option(date, { nil: null }),
});
const objectiveDraft = (minPhases: number) =>
  fc.record({
    state: fc.constantFrom(...OBJECTIVE_STATES),
    weights: fc.record({ head: weight, giunta: weight, nucleo: weight }),
    phases: fc.array(phaseDraft, { minLength: minPhases, maxLength: 6 }),
  });

/** Areas with unique ids, built from drafts so that every phase points at its objective. */
const plan = (minPhases = 0) =>
  fc.array(fc.array(objectiveDraft(minPhases), { maxLength: 5 }), { maxLength: 4 }).map((areas) =>
    areas.map((objectives, a): Area => {
      const phases: P[] = [];
      const os = objectives.map(({ phases: drafts, ...o }, i): O => {
        const id = `o${a}.${i}`;
        drafts.forEach((d, n) => phases.push({ ...d, id: `${id}.${n}`, objectiveId: id }));
        return { ...o, id };
      });
      return { objectives: os, phases };
    }),
  );

const weightSet = fc.constantFrom(...WEIGHT_SETS);

function within0to100(value: number | null): boolean {
  return value === null || (value >= 0 && value <= 100);
}

describe('progress properties', () => {
  it('stays within 0–100 at every level, actual and expected', () => {
    fc.assert(
      fc.property(plan(), weightSet, date, (areas, ws: WeightSet, d) => {
        for (const area of areas) {
          expect(within0to100(areaProgress(area, ws))).toBe(true);
          for (const o of area.objectives) expect(within0to100(objectiveProgress(o, area.phases))).toBe(true);
        }
        expect(within0to100(planProgress(areas, ws))).toBe(true);
        expect(within0to100(expectedPlanProgress(areas, ws, d, PLAN_END))).toBe(true);
      }),
    );
  });

  it('is null exactly when no objective counts', () => {
    fc.assert(
      fc.property(plan(), weightSet, (areas, ws) => {
        const counting = areas
          .flatMap((a) => a.objectives)
          .filter((o) => o.state !== 'removed' && o.state !== 'replaced');
        expect(planProgress(areas, ws) === null).toBe(counting.length === 0);
      }),
    );
  });

  it('does not depend on the order of areas, objectives and phases', () => {
    fc.assert(
      fc.property(plan(), weightSet, fc.infiniteStream(fc.nat()), (areas, ws, randoms) => {
        const it = randoms[Symbol.iterator]();
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = (it.next().value ?? 0) % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled = shuffle(areas).map((a) => ({
          objectives: shuffle(a.objectives),
          phases: shuffle(a.phases),
        }));
        const before = planProgress(areas, ws);
        const after = planProgress(shuffled, ws);
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeCloseTo(before, 9);
      }),
    );
  });

  it('is exactly 100 under every weight set when every phase is done', () => {
    fc.assert(
      fc.property(plan(1), weightSet, (areas, ws) => {
        const done = areas.map((a) => ({
          objectives: a.objectives,
          phases: a.phases.map((p) => ({ ...p, status: 'done' as const })),
        }));
        const result = planProgress(done, ws);
        if (result !== null) expect(result).toBe(100);
        for (const area of done) {
          const value = areaProgress(area, ws);
          if (value !== null) expect(value).toBe(100);
        }
      }),
    );
  });

  it('does not change when a cancelled phase is added', () => {
    fc.assert(
      fc.property(plan(), weightSet, phaseDraft, fc.nat(), date, (areas, ws, extra, pick, d) => {
        const objectives = areas.flatMap((a, ai) => a.objectives.map((o) => ({ ai, id: o.id })));
        fc.pre(objectives.length > 0);
        const target = objectives[pick % objectives.length];
        if (target === undefined) return;
        const cancelled: P = { ...extra, status: 'cancelled', id: 'extra', objectiveId: target.id };
        const withExtra = areas.map((a, ai) =>
          ai === target.ai ? { objectives: a.objectives, phases: [cancelled, ...a.phases] } : a,
        );
        expect(planProgress(withExtra, ws)).toBe(planProgress(areas, ws));
        expect(expectedPlanProgress(withExtra, ws, d, PLAN_END)).toBe(
          expectedPlanProgress(areas, ws, d, PLAN_END),
        );
      }),
    );
  });

  it('does not change when all weights are scaled by the same factor', () => {
    fc.assert(
      fc.property(plan(), weightSet, fc.double({ min: 0.01, max: 1000, noNaN: true }), (areas, ws, k) => {
        const scale = (w: number | null) => (w === null ? null : w * k);
        const scaled = areas.map((a) => ({
          objectives: a.objectives.map((o) => ({
            ...o,
            weights: {
              head: scale(o.weights.head),
              giunta: scale(o.weights.giunta),
              nucleo: scale(o.weights.nucleo),
            },
          })),
          phases: a.phases.map((p) => ({ ...p, weight: scale(p.weight) })),
        }));
        const before = planProgress(areas, ws);
        const after = planProgress(scaled, ws);
        if (before === null) expect(after).toBeNull();
        else expect(after).toBeCloseTo(before, 6);
      }),
    );
  });

  it('expects never less at a later date', () => {
    fc.assert(
      fc.property(plan(), weightSet, date, date, (areas, ws, d1, d2) => {
        const [early, late] = compareIsoDates(d1, d2) <= 0 ? [d1, d2] : [d2, d1];
        const a = expectedPlanProgress(areas, ws, early, PLAN_END);
        const b = expectedPlanProgress(areas, ws, late, PLAN_END);
        if (a !== null && b !== null) expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
    );
  });

  it('puts every phase in exactly one count bucket', () => {
    fc.assert(
      fc.property(plan(), date, (areas, today) => {
        const phases = areas.flatMap((a) => a.phases);
        const counts = phaseCounts(phases, today);
        expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(phases.length);
      }),
    );
  });
});
