import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObjectiveState } from './plan.ts';
import { areaScore, objectiveScore, planScore, type ScoredObjective, type ScoringMethod } from './scores.ts';

const LINEAR: ScoringMethod = { kind: 'linear' };
const o = (
  id: string,
  weight: number | null,
  achievement: number | null,
  state: ObjectiveState = 'active',
): ScoredObjective => ({ id, state, weights: { head: null, giunta: weight, nucleo: null }, achievement });

describe('scores', () => {
  it('weights 60/40 with scores 100/50 give 80', () => {
    expect(areaScore([o('a', 60, 100), o('b', 40, 50)], 'giunta', LINEAR)).toBe(80);
  });

  it('leaves a not evaluated objective (NV) out of the denominator, never as 0', () => {
    expect(areaScore([o('a', 60, 100), o('b', 40, null)], 'giunta', LINEAR)).toBe(100);
    expect(areaScore([o('a', 60, null)], 'giunta', LINEAR)).toBeNull();
    expect(objectiveScore(null, LINEAR)).toBeNull();
  });

  it('does not count removed or replaced objectives', () => {
    expect(
      areaScore([o('a', 60, 100), o('b', 40, 0, 'removed'), o('c', 40, 0, 'replaced')], 'giunta', LINEAR),
    ).toBe(100);
  });

  it('caps at 100 and counts 0 below the threshold of a threshold method', () => {
    expect(objectiveScore(120, LINEAR)).toBe(100);
    const threshold: ScoringMethod = { kind: 'threshold', threshold: 60 };
    expect(objectiveScore(59, threshold)).toBe(0);
    expect(objectiveScore(60, threshold)).toBe(60);
    expect(areaScore([o('a', 50, 59), o('b', 50, 90)], 'giunta', threshold)).toBe(45);
  });

  it('gives the ente score as the weighted mean over every area', () => {
    const a1 = [o('a', 30, 100), o('b', 30, 50)];
    const a2 = [o('c', 40, 0)];
    expect(planScore([a1, a2], 'giunta', LINEAR)).toBe((30 * 100 + 30 * 50 + 40 * 0) / 100);
    // An area with no weights at all weighs like a typical objective of the plan.
    expect(planScore([[o('a', 20, 100)], [o('b', null, 0)]], 'giunta', LINEAR)).toBe(50);
  });

  const objective = fc.record({
    weight: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    achievement: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  });
  const area = fc
    .array(objective, { minLength: 1, maxLength: 8 })
    .map((xs) => xs.map((x, i) => o(`o${i}`, x.weight, x.achievement)));

  it('stays within 0–100, and is 100 when every evaluated objective is at 100', () => {
    fc.assert(
      fc.property(fc.array(area, { minLength: 1, maxLength: 4 }), (areas) => {
        const score = planScore(areas, 'giunta', LINEAR);
        if (score !== null) expect(score).toBeGreaterThanOrEqual(0);
        if (score !== null) expect(score).toBeLessThanOrEqual(100 + 1e-9);
        const full = areas.map((xs) =>
          xs.map((x) => ({ ...x, achievement: x.achievement === null ? null : 100 })),
        );
        const top = planScore(full, 'giunta', LINEAR);
        if (top !== null) expect(top).toBeCloseTo(100, 9);
      }),
    );
  });

  it('does not change when NV objectives are added, nor when every weight is scaled', () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 1, max: 50 }), (xs, k) => {
        const score = areaScore(xs, 'giunta', LINEAR);
        // With every weight given (no filling of missing ones from the others), an NV objective of any
        // weight changes nothing.
        const given = xs.map((x) => ({ ...x, weights: { ...x.weights, giunta: x.weights.giunta ?? 10 } }));
        const before = areaScore(given, 'giunta', LINEAR);
        const nv = areaScore([...given, o('nv', 50, null)], 'giunta', LINEAR);
        if (before === null) expect(nv).toBeNull();
        else expect(nv).toBeCloseTo(before, 9);
        const scaled = xs.map((x) => ({
          ...x,
          weights: { ...x.weights, giunta: x.weights.giunta === null ? null : x.weights.giunta * k },
        }));
        const s2 = areaScore(scaled, 'giunta', LINEAR);
        if (score === null) expect(s2).toBeNull();
        else expect(s2).toBeCloseTo(score, 9);
      }),
    );
  });
});
