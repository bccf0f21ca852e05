import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from './dates.ts';
import { expectedAreaProgress } from './expected-progress.ts';
import { PHASE_STATUSES, WEIGHT_SETS, type Objective, type PhaseStatus } from './plan.ts';
import { areaProgress } from './progress.ts';
import {
  areaProgressOverTime,
  seriesDates,
  type HistoryEntry,
  type TimelinePhase,
} from './progress-over-time.ts';

const PLAN_END = '2026-12-31';
const day = fc.integer({ min: 0, max: 364 }).map((d) => addDays('2026-01-01', d));
const status = fc.constantFrom(...PHASE_STATUSES);
const percent = fc.integer({ min: 0, max: 100 });

/** A phase's starting state and the changes made to it, in the order they were made. */
const phaseStory = fc.record({
  start: fc.record({ status, percent }),
  deadline: fc.option(day, { nil: null }),
  weight: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  objective: fc.integer({ min: 0, max: 2 }),
  changes: fc.array(
    fc.record({ day, field: fc.constantFrom('status' as const, 'percent' as const), status, percent }),
    { maxLength: 6 },
  ),
});

const objectives: Pick<Objective, 'id' | 'state' | 'weights'>[] = [0, 1, 2].map((i) => ({
  id: `o${i}`,
  state: i === 2 ? 'modified' : 'active',
  weights: { head: i + 1, giunta: null, nucleo: 3 - i },
}));

interface Story {
  phases: TimelinePhase[];
  history: HistoryEntry[];
  /** The truth: each phase's state at the end of a day, by replaying the changes. */
  at: (d: string) => TimelinePhase[];
}

type PhaseDraft = typeof phaseStory extends fc.Arbitrary<infer T> ? T : never;

function tell(drafts: PhaseDraft[]): Story {
  const stories = drafts.map((draft, n) => {
    const id = `p${n}`;
    // Changes happen in time order: sort them by day before replaying.
    const changes = [...draft.changes].sort((a, b) => compareIsoDates(a.day, b.day));
    const base = { id, objectiveId: `o${draft.objective}`, weight: draft.weight, deadline: draft.deadline };
    const history: HistoryEntry[] = [];
    let state: { status: PhaseStatus; percent: number } = { ...draft.start };
    const states: { day: string; state: typeof state }[] = [];
    changes.forEach((c, i) => {
      const next = c.field === 'status' ? { ...state, status: c.status } : { ...state, percent: c.percent };
      const before = state[c.field];
      const after = next[c.field];
      history.push({ phaseId: id, field: c.field, before, after, at: `${c.day}T12:00:00.000Z`, version: i });
      state = next;
      states.push({ day: c.day, state });
    });
    const at = (d: string): TimelinePhase => {
      let s = draft.start;
      for (const entry of states) if (compareIsoDates(entry.day, d) <= 0) s = entry.state;
      return { ...base, ...s };
    };
    return { now: { ...base, ...state }, history, at };
  });
  return {
    phases: stories.map((s) => s.now),
    history: stories.flatMap((s) => s.history).reverse(),
    at: (d) => stories.map((s) => s.at(d)),
  };
}

describe('progress over time properties', () => {
  it('equals the area progress of the replayed phases at every day, and of the current ones at the last', () => {
    fc.assert(
      fc.property(
        fc.array(phaseStory, { maxLength: 8 }),
        fc.constantFrom(...WEIGHT_SETS),
        day,
        (drafts, weightSet, asOf) => {
          const story = tell(drafts);
          const points = areaProgressOverTime(
            { objectives, phases: story.phases, history: story.history },
            weightSet,
            2026,
            asOf,
            PLAN_END,
          );
          expect(points.map((p) => p.date)).toEqual(seriesDates(2026, asOf));
          points.forEach((point, i) => {
            const phases = i === points.length - 1 ? story.phases : story.at(point.date);
            const input = { objectives, phases };
            expect(point.progress).toBe(areaProgress(input, weightSet));
            expect(point.expected).toBe(expectedAreaProgress(input, weightSet, point.date, PLAN_END));
          });
        },
      ),
    );
  });
});
