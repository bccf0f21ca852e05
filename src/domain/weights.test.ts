import { describe, expect, it } from 'vitest';
import type { ObjectiveWeights, Phase } from './plan.ts';
import type { ObjectiveWeightInput, PhaseWeightInput } from './weights.ts';
import {
  effectiveObjectiveWeight,
  meanGivenObjectiveWeight,
  normalisePhaseWeights,
  objectiveIsCounted,
  objectiveShares,
  resolvedObjectiveWeights,
} from './weights.ts';

function phase(id: string, weight: number | null, status: Phase['status'] = 'not_started'): PhaseWeightInput {
  return { id, weight, status };
}

function objective(
  id: string,
  weights: Partial<ObjectiveWeights>,
  state: ObjectiveWeightInput['state'] = 'active',
): ObjectiveWeightInput {
  return { id, state, weights: { head: null, giunta: null, nucleo: null, ...weights } };
}

function shares(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries(map);
}

describe('normalisePhaseWeights', () => {
  it('keeps percentages that already sum to 100', () => {
    const result = normalisePhaseWeights([phase('a', 20), phase('b', 60), phase('c', 20)]);
    expect(result.get('a')).toBeCloseTo(0.2);
    expect(result.get('b')).toBeCloseTo(0.6);
    expect(result.get('c')).toBeCloseTo(0.2);
  });

  it('makes points proportional', () => {
    expect(shares(normalisePhaseWeights([phase('a', 3), phase('b', 1)]))).toEqual({ a: 0.75, b: 0.25 });
  });

  it('gives equal shares when every weight is missing', () => {
    expect(
      shares(normalisePhaseWeights([phase('a', null), phase('b', null), phase('c', null), phase('d', null)])),
    ).toEqual({
      a: 0.25,
      b: 0.25,
      c: 0.25,
      d: 0.25,
    });
  });

  it('gives a missing weight the mean of the given ones', () => {
    // b takes (10 + 30) / 2 = 20, so the weights are 10 : 20 : 30.
    const result = normalisePhaseWeights([phase('a', 10), phase('b', null), phase('c', 30)]);
    expect(result.get('a')).toBeCloseTo(10 / 60);
    expect(result.get('b')).toBeCloseTo(20 / 60);
    expect(result.get('c')).toBeCloseTo(30 / 60);
  });

  it('treats negative and non-finite weights as missing', () => {
    const result = normalisePhaseWeights([phase('a', 40), phase('b', -5), phase('c', Number.NaN)]);
    expect(shares(result)).toEqual({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  it('drops cancelled phases and rescales the rest', () => {
    const result = normalisePhaseWeights([
      phase('a', 20),
      phase('b', 60, 'cancelled'),
      phase('c', 20, 'done'),
    ]);
    expect(shares(result)).toEqual({ a: 0.5, c: 0.5 });
  });

  it('does not let a cancelled phase influence the fill-in mean', () => {
    const result = normalisePhaseWeights([phase('a', 10), phase('b', 90, 'cancelled'), phase('c', null)]);
    expect(shares(result)).toEqual({ a: 0.5, c: 0.5 });
  });

  it('gives equal shares when the weights sum to zero', () => {
    expect(shares(normalisePhaseWeights([phase('a', 0), phase('b', 0)]))).toEqual({ a: 0.5, b: 0.5 });
  });

  it('keeps a zero weight at zero when others are positive', () => {
    expect(shares(normalisePhaseWeights([phase('a', 0), phase('b', 5)]))).toEqual({ a: 0, b: 1 });
  });

  it('returns nothing when no phase counts', () => {
    expect(normalisePhaseWeights([]).size).toBe(0);
    expect(normalisePhaseWeights([phase('a', 50, 'cancelled')]).size).toBe(0);
  });

  it('always sums to 1 when something counts', () => {
    const result = normalisePhaseWeights([phase('a', 7), phase('b', null), phase('c', 0.5), phase('d', 13)]);
    expect([...result.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('effectiveObjectiveWeight', () => {
  const all = { id: 'o', state: 'active' as const, weights: { head: 10, giunta: 20, nucleo: 30 } };

  it('picks the chosen set', () => {
    expect(effectiveObjectiveWeight(all, 'nucleo')).toBe(30);
    expect(effectiveObjectiveWeight(all, 'giunta')).toBe(20);
    expect(effectiveObjectiveWeight(all, 'head')).toBe(10);
    expect(effectiveObjectiveWeight(all, 'equal')).toBe(1);
  });

  it('falls back nucleo → giunta → head', () => {
    expect(effectiveObjectiveWeight(objective('o', { head: 10, giunta: 20 }), 'nucleo')).toBe(20);
    expect(effectiveObjectiveWeight(objective('o', { head: 10 }), 'nucleo')).toBe(10);
    expect(effectiveObjectiveWeight(objective('o', {}), 'nucleo')).toBeNull();
    expect(effectiveObjectiveWeight(objective('o', { head: 10 }), 'giunta')).toBe(10);
    expect(effectiveObjectiveWeight(objective('o', { nucleo: 30 }), 'giunta')).toBeNull();
    expect(effectiveObjectiveWeight(objective('o', { giunta: 20, nucleo: 30 }), 'head')).toBeNull();
    expect(effectiveObjectiveWeight(objective('o', {}), 'equal')).toBe(1);
  });

  it('keeps an explicit zero rather than falling back', () => {
    expect(effectiveObjectiveWeight(objective('o', { head: 10, giunta: 0 }), 'nucleo')).toBe(0);
  });

  it('skips a negative weight like a missing one', () => {
    expect(effectiveObjectiveWeight(objective('o', { head: 10, nucleo: -1 }), 'nucleo')).toBe(10);
  });
});

describe('objective weights in a group', () => {
  it('leaves out removed and replaced objectives', () => {
    expect(objectiveIsCounted({ state: 'active' })).toBe(true);
    expect(objectiveIsCounted({ state: 'modified' })).toBe(true);
    expect(objectiveIsCounted({ state: 'removed' })).toBe(false);
    expect(objectiveIsCounted({ state: 'replaced' })).toBe(false);
    const group = [
      objective('a', { head: 30 }),
      objective('b', { head: 10 }, 'removed'),
      objective('c', { head: 10 }, 'modified'),
      objective('d', { head: 50 }, 'replaced'),
    ];
    expect(shares(objectiveShares(group, 'head'))).toEqual({ a: 0.75, c: 0.25 });
  });

  it('fills a missing weight with the mean of the given ones', () => {
    const group = [objective('a', { nucleo: 40 }), objective('b', {}), objective('c', { giunta: 20 })];
    expect(shares(resolvedObjectiveWeights(group, 'nucleo'))).toEqual({ a: 40, b: 30, c: 20 });
    expect(meanGivenObjectiveWeight(group, 'nucleo')).toBe(30);
  });

  it('uses the fallback weight, else 1, when the group gives none', () => {
    const group = [objective('a', {}), objective('b', {})];
    expect(shares(resolvedObjectiveWeights(group, 'head', 25))).toEqual({ a: 25, b: 25 });
    expect(shares(resolvedObjectiveWeights(group, 'head'))).toEqual({ a: 1, b: 1 });
    expect(shares(objectiveShares(group, 'head'))).toEqual({ a: 0.5, b: 0.5 });
    expect(meanGivenObjectiveWeight(group, 'head')).toBeNull();
  });

  it('gives equal shares under the equal set whatever the weights', () => {
    const group = [objective('a', { nucleo: 90 }), objective('b', { nucleo: 10 })];
    expect(shares(objectiveShares(group, 'equal'))).toEqual({ a: 0.5, b: 0.5 });
  });
});
