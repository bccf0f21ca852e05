import { describe, expect, it } from 'vitest';
import type { DeadlinePhaseInput } from './deadlines.ts';
import { dueSoonPhases, isLate, latePhases, phaseCounts } from './deadlines.ts';
import type { Phase } from './plan.ts';

function phase(
  id: string,
  number: number,
  deadline: string | null,
  status: Phase['status'],
): DeadlinePhaseInput {
  return { id, number, deadline, status };
}

const today = '2022-06-15';

describe('isLate and latePhases', () => {
  const phases = [
    phase('open-past', 2, '2022-05-31', 'in_progress'),
    phase('done-past', 1, '2022-01-31', 'done'),
    phase('cancelled-past', 1, '2022-01-31', 'cancelled'),
    phase('blocked-past', 1, '2022-05-31', 'blocked'),
    phase('not-started-past', 3, '2022-03-31', 'not_started'),
    phase('due-today', 1, today, 'not_started'),
    phase('future', 1, '2022-12-31', 'not_started'),
    phase('no-deadline', 1, null, 'not_started'),
  ];

  it('is late only when open and the deadline is before today', () => {
    expect(isLate(phase('x', 1, '2022-06-14', 'in_progress'), today)).toBe(true);
    expect(isLate(phase('x', 1, today, 'in_progress'), today)).toBe(false);
    expect(isLate(phase('x', 1, null, 'in_progress'), today)).toBe(false);
    expect(isLate(phase('x', 1, '2022-06-14', 'done'), today)).toBe(false);
  });

  it('lists late phases by deadline, then number', () => {
    expect(latePhases(phases, today).map((p) => p.id)).toEqual([
      'not-started-past',
      'blocked-past',
      'open-past',
    ]);
  });

  it('keeps the caller’s type', () => {
    const full = [{ ...phase('a', 1, '2022-01-01', 'not_started'), description: 'x' }];
    expect(latePhases(full, today)[0]?.description).toBe('x');
  });

  it('breaks ties by id so the order is stable', () => {
    const tied = [phase('b', 1, '2022-01-01', 'not_started'), phase('a', 1, '2022-01-01', 'not_started')];
    expect(latePhases(tied, today).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('dueSoonPhases', () => {
  const phases = [
    phase('yesterday', 1, '2022-06-14', 'not_started'),
    phase('today', 2, today, 'in_progress'),
    phase('in-7', 1, '2022-06-22', 'blocked'),
    phase('in-8', 1, '2022-06-23', 'not_started'),
    phase('today-1', 1, today, 'not_started'),
    phase('done-in-3', 1, '2022-06-18', 'done'),
    phase('cancelled-in-3', 1, '2022-06-18', 'cancelled'),
    phase('no-deadline', 1, null, 'not_started'),
  ];

  it('lists open phases due from today to today + days inclusive', () => {
    expect(dueSoonPhases(phases, today, 7).map((p) => p.id)).toEqual(['today-1', 'today', 'in-7']);
  });

  it('with 0 days lists what is due today', () => {
    expect(dueSoonPhases(phases, today, 0).map((p) => p.id)).toEqual(['today-1', 'today']);
  });

  it('crosses month ends', () => {
    const late = [phase('a', 1, '2022-07-02', 'not_started')];
    expect(dueSoonPhases(late, '2022-06-28', 4).map((p) => p.id)).toEqual(['a']);
    expect(dueSoonPhases(late, '2022-06-28', 3)).toEqual([]);
  });
});

describe('phaseCounts', () => {
  it('puts every phase in exactly one bucket, late before its status', () => {
    const phases = [
      phase('a', 1, '2022-01-31', 'done'),
      phase('b', 1, '2022-12-31', 'in_progress'),
      phase('c', 1, '2022-05-31', 'in_progress'),
      phase('d', 1, '2022-05-31', 'blocked'),
      phase('e', 1, '2022-07-31', 'blocked'),
      phase('f', 1, null, 'not_started'),
      phase('g', 1, '2022-01-31', 'not_started'),
      phase('h', 1, '2022-01-31', 'cancelled'),
    ];
    const counts = phaseCounts(phases, today);
    expect(counts).toEqual({ done: 1, inProgress: 1, late: 3, notStarted: 1, blocked: 1, cancelled: 1 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(phases.length);
  });

  it('is all zeros for no phases', () => {
    expect(phaseCounts([], today)).toEqual({
      done: 0,
      inProgress: 0,
      late: 0,
      notStarted: 0,
      blocked: 0,
      cancelled: 0,
    });
  });
});
