import { describe, expect, it } from 'vitest';
import { expectedAreaProgress } from './expected-progress.ts';
import type { Objective } from './plan.ts';
import { areaProgress } from './progress.ts';
import {
  areaProgressOverTime,
  phasesAsOf,
  seriesDates,
  type HistoryEntry,
  type TimelinePhase,
} from './progress-over-time.ts';

const PLAN_END = '2026-12-31';
const objective: Pick<Objective, 'id' | 'state' | 'weights'> = {
  id: 'o1',
  state: 'active',
  weights: { head: null, giunta: null, nucleo: null },
};

function phase(id: string, over: Partial<TimelinePhase> = {}): TimelinePhase {
  return { id, objectiveId: 'o1', status: 'not_started', percent: 0, weight: null, deadline: null, ...over };
}

function change(
  phaseId: string,
  field: 'status' | 'percent',
  before: unknown,
  after: unknown,
  at: string,
  version?: number,
): HistoryEntry {
  return { phaseId, field, before, after, at, ...(version === undefined ? {} : { version }) };
}

describe('seriesDates', () => {
  it('gives every month end before the day, then the day', () => {
    expect(seriesDates(2026, '2026-03-15')).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
    expect(seriesDates(2024, '2024-03-01')).toEqual(['2024-01-31', '2024-02-29', '2024-03-01']);
  });

  it('ends on a month end once, and has twelve points on the last day of the year', () => {
    expect(seriesDates(2026, '2026-02-28')).toEqual(['2026-01-31', '2026-02-28']);
    const year = seriesDates(2026, '2026-12-31');
    expect(year).toHaveLength(12);
    expect(year.at(-1)).toBe('2026-12-31');
  });

  it('is only the day when the year has not begun', () => {
    expect(seriesDates(2027, '2026-12-02')).toEqual(['2026-12-02']);
  });
});

describe('phasesAsOf', () => {
  const history = [
    change('p1', 'status', 'not_started', 'in_progress', '2026-02-10T09:00:00.000Z'),
    change('p1', 'percent', 0, 30, '2026-02-10T09:00:00.000Z'),
    change('p1', 'percent', 30, 70, '2026-04-05T09:00:00.000Z'),
  ];
  const now = [phase('p1', { status: 'in_progress', percent: 70 })];

  it('takes the last change on or before the day, and the first one’s before earlier', () => {
    expect(phasesAsOf(now, history, '2026-01-31')[0]).toMatchObject({ status: 'not_started', percent: 0 });
    expect(phasesAsOf(now, history, '2026-02-10')[0]).toMatchObject({ status: 'in_progress', percent: 30 });
    expect(phasesAsOf(now, history, '2026-03-31')[0]).toMatchObject({ status: 'in_progress', percent: 30 });
    expect(phasesAsOf(now, history, '2026-04-30')[0]).toMatchObject({ status: 'in_progress', percent: 70 });
  });

  it('keeps a change not yet synced (no history row) out of the past, and leaves the input alone', () => {
    const local = [phase('p1', { status: 'done', percent: 100 })];
    expect(phasesAsOf(local, history, '2026-04-30')[0]).toMatchObject({ status: 'in_progress', percent: 70 });
    expect(local[0]).toMatchObject({ status: 'done', percent: 100 });
  });

  it('keeps the current value of a field never changed, and of a phase without history', () => {
    const phases = [phase('p1', { status: 'blocked', percent: 70 }), phase('p2', { status: 'done' })];
    const percentOnly = [change('p1', 'percent', 10, 70, '2026-03-01T00:00:00.000Z')];
    const [p1, p2] = phasesAsOf(phases, percentOnly, '2026-01-31');
    expect(p1).toMatchObject({ status: 'blocked', percent: 10 });
    expect(p2).toMatchObject({ status: 'done', percent: 0 });
  });

  it('orders changes of one instant by version, whatever the order read', () => {
    const at = '2026-03-01T08:00:00.000Z';
    const entries = [change('p1', 'percent', 20, 50, at, 8), change('p1', 'percent', 0, 20, at, 7)];
    expect(phasesAsOf(now, entries, '2026-03-01')[0]?.percent).toBe(50);
    expect(phasesAsOf(now, entries, '2026-02-28')[0]?.percent).toBe(0);
  });

  it('ignores entries whose values are not a status or a percent', () => {
    const bad = [
      change('p1', 'status', 'nonsense', 'done', '2026-02-01T00:00:00.000Z'),
      change('p1', 'percent', null, 'fifty', '2026-02-01T00:00:00.000Z'),
    ];
    expect(phasesAsOf(now, bad, '2026-01-31')[0]).toMatchObject({ status: 'in_progress', percent: 70 });
  });

  it('reads the day of an instant with the given function (the comune’s calendar)', () => {
    // 23:30 UTC on 31 March is already 1 April in Rome.
    const late = [change('p1', 'percent', 30, 70, '2026-03-31T23:30:00.000Z')];
    const rome = (at: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(at));
    expect(phasesAsOf(now, late, '2026-03-31')[0]?.percent).toBe(70);
    expect(phasesAsOf(now, late, '2026-03-31', rome)[0]?.percent).toBe(30);
  });
});

describe('areaProgressOverTime', () => {
  const phases = [
    phase('p1', { status: 'done', deadline: '2026-03-31' }),
    phase('p2', { status: 'in_progress', percent: 40, deadline: '2026-09-30' }),
  ];
  const history = [
    change('p1', 'status', 'not_started', 'in_progress', '2026-01-20T10:00:00.000Z'),
    change('p1', 'percent', 0, 20, '2026-01-20T10:00:00.000Z'),
    change('p1', 'status', 'in_progress', 'done', '2026-03-10T10:00:00.000Z'),
    change('p2', 'status', 'not_started', 'in_progress', '2026-05-02T10:00:00.000Z'),
    change('p2', 'percent', 0, 40, '2026-05-02T10:00:00.000Z'),
  ];
  const area = { objectives: [objective], phases, history };

  it('rebuilds the progress at each month end, with the expected line of the deadlines', () => {
    const points = areaProgressOverTime(area, 'nucleo', 2026, '2026-06-15', PLAN_END);
    expect(points).toEqual([
      { date: '2026-01-31', progress: 10, expected: 0 },
      { date: '2026-02-28', progress: 10, expected: 0 },
      { date: '2026-03-31', progress: 50, expected: 50 },
      { date: '2026-04-30', progress: 50, expected: 50 },
      { date: '2026-05-31', progress: 70, expected: 50 },
      { date: '2026-06-15', progress: 70, expected: 50 },
    ]);
  });

  it('ends on the area page’s figure for today, even with a change not yet synced', () => {
    const local = {
      ...area,
      phases: [phases[0] as TimelinePhase, phase('p2', { status: 'done', deadline: '2026-09-30' })],
    };
    const today = '2026-06-15';
    const last = areaProgressOverTime(local, 'nucleo', 2026, today, PLAN_END).at(-1);
    const input = { objectives: [objective], phases: local.phases };
    expect(last).toEqual({
      date: today,
      progress: areaProgress(input, 'nucleo'),
      expected: expectedAreaProgress(input, 'nucleo', today, PLAN_END),
    });
    expect(last?.progress).toBe(100);
  });

  it('is null throughout for an area whose objectives do not count', () => {
    const removed = { ...area, objectives: [{ ...objective, state: 'removed' as const }] };
    const points = areaProgressOverTime(removed, 'nucleo', 2026, '2026-02-10', PLAN_END);
    expect(points.map((p) => [p.progress, p.expected])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
