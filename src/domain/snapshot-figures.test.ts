import { describe, expect, it } from 'vitest';
import type { ObjectiveState, PhaseStatus } from './plan.ts';
import {
  compareFigures,
  freezePlan,
  planFigures,
  snapshotFigures,
  type FigureObjective,
  type FreezablePhase,
} from './snapshot-figures.ts';

const PLAN_END = '2022-12-31';
const AS_OF = '2022-06-30';

const o = (id: string, areaId: string, giunta: number | null, state: ObjectiveState = 'active') => ({
  id,
  areaId,
  state,
  weights: { head: null, giunta, nucleo: null },
});
const p = (
  id: string,
  objectiveId: string,
  status: PhaseStatus,
  percent: number,
  weight: number | null,
  deadline: string | null,
  removed = false,
): FreezablePhase => ({ id, objectiveId, status, percent, weight, weightUnit: 'percent', deadline, removed });

// Area A: o1 (Giunta 60) half done and half late at 40 %; o2 (40) not started, with a removed phase.
// Area B: o3 removed (its late phase does not count); o4 (50) blocked at 20 % and late, and a phase
// with no deadline (due at the plan's end).
const objectives: FigureObjective[] = [
  o('o1', 'A', 60),
  o('o2', 'A', 40),
  o('o3', 'B', 30, 'removed'),
  o('o4', 'B', 50),
];
const phases: FreezablePhase[] = [
  p('p1', 'o1', 'done', 100, 50, '2022-03-31'),
  p('p2', 'o1', 'in_progress', 40, 50, '2022-05-31'),
  p('p3', 'o2', 'not_started', 0, null, '2022-09-30'),
  p('p4', 'o2', 'cancelled', 0, 30, '2022-04-30', true),
  p('p5', 'o3', 'in_progress', 10, null, '2022-02-28'),
  p('p6', 'o4', 'blocked', 20, null, '2022-06-15'),
  p('p7', 'o4', 'not_started', 0, null, null),
];

describe('snapshot figures', () => {
  it('computes progress, expected by asOf, counts and late phases per objective, area and ente', () => {
    const snapshot = { asOf: AS_OF, ...freezePlan(objectives, phases) };
    const figures = snapshotFigures(snapshot, ['A', 'B'], 'giunta', PLAN_END);
    expect(figures.asOf).toBe(AS_OF);
    const [a, b] = figures.areas;
    // o1 = (100 + 40) / 2 = 70, expected 100; o2 = 0, expected 0: A = 0.6·70 = 42, expected 60.
    expect(a).toMatchObject({ areaId: 'A', objectiveCount: 2, progress: 42, expected: 60 });
    // o4 = (20 + 0) / 2 = 10, expected (100 + 0) / 2 = 50; o3 does not count.
    expect(b).toMatchObject({ areaId: 'B', objectiveCount: 1, progress: 10, expected: 50 });
    expect(figures.plan.progress).toBeCloseTo((60 * 70 + 40 * 0 + 50 * 10) / 150, 10);
    expect(figures.plan.expected).toBeCloseTo((60 * 100 + 40 * 0 + 50 * 50) / 150, 10);
    expect(figures.plan.counts).toEqual({
      done: 1,
      inProgress: 0,
      late: 2,
      notStarted: 2,
      blocked: 0,
      cancelled: 1,
    });
    expect(figures.plan.late).toEqual([
      { phaseId: 'p2', objectiveId: 'o1', deadline: '2022-05-31' },
      { phaseId: 'p6', objectiveId: 'o4', deadline: '2022-06-15' },
    ]);
    expect(b?.late.map((l) => l.phaseId)).toEqual(['p6']);
    const o3 = figures.objectives.find((f) => f.objectiveId === 'o3');
    expect(o3).toMatchObject({ counted: false, progress: null, expected: null });
    expect(o3?.counts.late).toBe(1);
    expect(figures.objectives.find((f) => f.objectiveId === 'o1')).toMatchObject({
      counted: true,
      progress: 70,
      expected: 100,
    });
  });

  it('freezes deterministically, copies the weights, and leaves out phases of other plans', () => {
    const frozen = freezePlan([...objectives].reverse(), [
      ...phases,
      p('px', 'elsewhere', 'done', 100, 1, null),
    ]);
    expect(frozen.objectives.map((x) => x.objectiveId)).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(frozen.phases.map((x) => x.phaseId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(frozen.phases.find((x) => x.phaseId === 'p4')).toEqual({
      phaseId: 'p4',
      objectiveId: 'o2',
      status: 'cancelled',
      percent: 0,
      weight: 30,
      weightUnit: 'percent',
      deadline: '2022-04-30',
      removed: true,
    });
    expect(frozen.objectives[0]?.weights).not.toBe(objectives[0]?.weights);
    const { removed: _removed, ...fact } = phases[0] ?? p('x', 'o1', 'done', 0, null, null);
    expect(freezePlan(objectives, [fact]).phases[0]?.removed).toBe(false);
  });

  it('does not move when the live rows it was frozen from change afterwards', () => {
    const liveObjectives = objectives.map((x) => ({ ...x, weights: { ...x.weights } }));
    const livePhases = phases.map((x) => ({ ...x }));
    const snapshot = { asOf: AS_OF, ...freezePlan(liveObjectives, livePhases) };
    const before = snapshotFigures(snapshot, ['A', 'B'], 'giunta', PLAN_END);
    for (const x of livePhases) Object.assign(x, { status: 'done', percent: 100, deadline: '2022-01-01' });
    for (const x of liveObjectives) Object.assign(x.weights, { giunta: 1 });
    liveObjectives[0] = { ...o('o1', 'A', 99), state: 'removed' };
    expect(snapshotFigures(snapshot, ['A', 'B'], 'giunta', PLAN_END)).toEqual(before);
  });

  it('gives an area without objectives empty figures, and one the order misses at the end', () => {
    const figures = planFigures({ areaIds: ['Z', 'A'], objectives, phases }, 'equal', AS_OF, PLAN_END);
    expect(figures.areas.map((a) => a.areaId)).toEqual(['Z', 'A', 'B']);
    expect(figures.areas[0]).toMatchObject({ progress: null, expected: null, objectiveCount: 0, late: [] });
  });

  it('compares then and now per area, with the deltas in points', () => {
    const then = snapshotFigures(
      { asOf: AS_OF, ...freezePlan(objectives, phases) },
      ['A', 'B'],
      'giunta',
      PLAN_END,
    );
    const later = phases.map((x) =>
      x.id === 'p2'
        ? { ...x, status: 'done' as const }
        : x.id === 'p3'
          ? { ...x, status: 'in_progress' as const, percent: 50 }
          : x,
    );
    const now = planFigures(
      { areaIds: ['A', 'B', 'C'], objectives: [...objectives, o('o9', 'C', 10)], phases: later },
      'giunta',
      '2022-10-31',
      PLAN_END,
    );
    const comparison = compareFigures(then, now);
    expect(comparison).toMatchObject({ then: AS_OF, now: '2022-10-31' });
    const [a, b, c] = comparison.areas;
    // A now: o1 100, o2 50 → 0.6·100 + 0.4·50 = 80; then 42.
    expect(a).toMatchObject({ areaId: 'A', progressDelta: 38 });
    expect(a?.then?.progress).toBe(42);
    expect(a?.now?.progress).toBe(80);
    // Expected by 31/10: o2's phase (30/09) is due now: A 100 vs 60.
    expect(a?.expectedDelta).toBe(40);
    expect(b).toMatchObject({ areaId: 'B', progressDelta: 0 });
    // C did not exist in the snapshot.
    expect(c).toMatchObject({ areaId: 'C', then: null, progressDelta: null, expectedDelta: null });
    expect(comparison.plan.progressDelta).toBeCloseTo(
      (now.plan.progress ?? 0) - (then.plan.progress ?? 0),
      10,
    );
    // An area only the snapshot had is kept, with no figure now.
    const gone = compareFigures(
      then,
      planFigures({ areaIds: ['A'], objectives: objectives.slice(0, 2), phases }, 'giunta', AS_OF, PLAN_END),
    );
    expect(gone.areas.map((x) => [x.areaId, x.now === null])).toEqual([
      ['A', false],
      ['B', true],
    ]);
  });
});
