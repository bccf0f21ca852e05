import { describe, expect, it } from 'vitest';
import { computeScores, type ScoreInputs } from './scores-model.ts';

const weights = (nucleo: number | null) => ({ head: null, giunta: null, nucleo });

function input(overrides: Partial<ScoreInputs> = {}): ScoreInputs {
  return {
    areas: [
      { id: 'a1', name: 'Persona' },
      { id: 'a2', name: 'Finanze' },
    ],
    objectives: [
      { id: 'o1', areaId: 'a1', number: '1', state: 'active', weights: weights(60) },
      { id: 'o2', areaId: 'a1', number: '2', state: 'modified', weights: weights(40) },
      { id: 'o3', areaId: 'a2', number: '1', state: 'active', weights: weights(50) },
      { id: 'o4', areaId: 'a2', number: '2', state: 'removed', weights: weights(50) },
    ],
    achievements: new Map<string, number | null>([
      ['o1', 100],
      ['o2', 50],
      ['o3', null],
    ]),
    scoring: undefined,
    ...overrides,
  };
}

describe('the Nucleo’s scores the dashboard shows', () => {
  it('weights 60/40 with 100/50 give 80; an area whose only objective is NV has no score; removed ones do not count', () => {
    const s = computeScores(input(), 'nucleo');
    expect(s.areas.map((a) => [a.name, a.score, a.evaluated, a.total])).toEqual([
      ['Persona', 80, 2, 2],
      ['Finanze', null, 0, 1],
    ]);
    // NV leaves the denominator: the ente's score is the first area's.
    expect(s.ente).toBe(80);
    expect(s.areas[1]?.objectives).toEqual([{ id: 'o3', number: '1', achievement: null, score: null }]);
    expect(s.anyEvaluation).toBe(true);
  });

  it('under a threshold method an achievement below it scores 0', () => {
    const s = computeScores(input({ scoring: { kind: 'threshold', threshold: 60 } }), 'nucleo');
    expect(s.areas[0]?.score).toBe(60);
    expect(s.areas[0]?.objectives.map((o) => o.score)).toEqual([100, 0]);
  });

  it('without any evaluation: no score anywhere (never 0)', () => {
    const s = computeScores(input({ achievements: new Map() }), 'nucleo');
    expect(s.ente).toBeNull();
    expect(s.areas.map((a) => a.score)).toEqual([null, null]);
    expect(s.anyEvaluation).toBe(false);
  });
});
