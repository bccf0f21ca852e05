import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from './dates.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES } from './plan.ts';
import { PLAN_STATUSES } from './plan-structure.ts';
import {
  phaseReminders,
  planGivesReminders,
  REMINDER_DAYS_MAX,
  REMINDER_DAYS_MIN,
  type ReminderPhase,
  type ReminderRows,
} from './reminders.ts';

const day = fc.integer({ min: -40, max: 800 }).map((d) => addDays('2025-11-01', d));
const days = fc.integer({ min: REMINDER_DAYS_MIN, max: REMINDER_DAYS_MAX });

/** Two plans (any status, years 2025–2027), three areas spread over them, objectives of any state. */
const world = fc
  .record({
    plans: fc.tuple(
      fc.record({ status: fc.constantFrom(...PLAN_STATUSES), year: fc.integer({ min: 2025, max: 2027 }) }),
      fc.record({ status: fc.constantFrom(...PLAN_STATUSES), year: fc.integer({ min: 2025, max: 2027 }) }),
    ),
    areaPlans: fc.tuple(fc.nat(1), fc.nat(1), fc.nat(1)),
    objectives: fc.array(fc.record({ area: fc.nat(2), state: fc.constantFrom(...OBJECTIVE_STATES) }), {
      minLength: 1,
      maxLength: 5,
    }),
    phases: fc.array(
      fc.record({
        objective: fc.nat(),
        number: fc.integer({ min: 1, max: 4 }),
        status: fc.constantFrom(...PHASE_STATUSES),
        deadline: fc.option(day, { nil: null }),
        removed: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
    userAreas: fc.subarray(['a0', 'a1', 'a2']),
  })
  .map((w) => {
    const objectives = w.objectives.map((o, i) => ({ id: `o${i}`, areaId: `a${o.area}`, state: o.state }));
    const rows: ReminderRows<ReminderPhase> = {
      plans: w.plans.map((p, i) => ({ id: `p${i}`, status: p.status, year: p.year, years: [p.year] })),
      areas: w.areaPlans.map((plan, i) => ({ id: `a${i}`, planId: `p${plan}` })),
      objectives,
      phases: w.phases.map((p, i) => {
        const objective = objectives[p.objective % objectives.length]!;
        return {
          id: `ph${i}`,
          objectiveId: objective.id,
          areaId: objective.areaId,
          number: p.number,
          status: p.status,
          deadline: p.deadline,
          removed: p.removed,
        };
      }),
    };
    return { rows, userAreas: w.userAreas };
  });

/** The rule written out plainly, one phase at a time, to compare with the implementation. */
function isReminder(rows: ReminderRows<ReminderPhase>, userAreas: string[], p: ReminderPhase, today: string) {
  const area = rows.areas.find((a) => a.id === p.areaId);
  const plan = rows.plans.find((x) => x.id === area?.planId);
  const objective = rows.objectives.find((o) => o.id === p.objectiveId);
  return (
    userAreas.includes(p.areaId) &&
    plan !== undefined &&
    planGivesReminders(plan, today) &&
    (objective?.state === 'active' || objective?.state === 'modified') &&
    p.status !== 'done' &&
    p.status !== 'cancelled' &&
    p.removed !== true &&
    p.deadline !== null
  );
}

describe('phaseReminders, properties', () => {
  it('every phase the rule names is in exactly one list, and nothing else is', () => {
    fc.assert(
      fc.property(world, day, days, ({ rows, userAreas }, today, n) => {
        const r = phaseReminders(rows, userAreas, today, n);
        const late = new Set(r.late.map((p) => p.id));
        const due = new Set(r.dueSoon.map((p) => p.id));
        for (const p of rows.phases) {
          const inRule = isReminder(rows, userAreas, p, today);
          const deadline = p.deadline ?? '';
          const wantLate = inRule && compareIsoDates(deadline, today) < 0;
          const wantDue = inRule && !wantLate && compareIsoDates(deadline, addDays(today, n)) <= 0;
          expect(late.has(p.id), `${p.id} late`).toBe(wantLate);
          expect(due.has(p.id), `${p.id} due`).toBe(wantDue);
        }
        expect(r.late.length + r.dueSoon.length).toBe(late.size + due.size);
      }),
      { numRuns: 400 },
    );
  });

  it('more days ahead never drops a reminder, and never changes what is late', () => {
    fc.assert(
      fc.property(world, day, days, days, ({ rows, userAreas }, today, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        const near = phaseReminders(rows, userAreas, today, fewer);
        const far = phaseReminders(rows, userAreas, today, more);
        expect(far.late).toEqual(near.late);
        const farIds = new Set(far.dueSoon.map((p) => p.id));
        for (const p of near.dueSoon) expect(farIds.has(p.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the lists come in deadline order whatever order the rows come in', () => {
    fc.assert(
      fc.property(world, day, days, fc.nat(), ({ rows, userAreas }, today, n, cut) => {
        // Reversed, then rotated at an arbitrary point: another order of the same rows.
        const reversed = [...rows.phases].reverse();
        const at = reversed.length === 0 ? 0 : cut % reversed.length;
        const shuffled = [...reversed.slice(at), ...reversed.slice(0, at)];
        const a = phaseReminders(rows, userAreas, today, n);
        const b = phaseReminders({ ...rows, phases: shuffled }, userAreas, today, n);
        expect(b).toEqual(a);
        for (const list of [a.late, a.dueSoon]) {
          for (let i = 1; i < list.length; i += 1) {
            expect(compareIsoDates(list[i - 1]!.deadline!, list[i]!.deadline!)).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
