import { describe, expect, it } from 'vitest';
import type { PhaseStatus } from './plan.ts';
import {
  parseReminderDays,
  phaseReminders,
  planGivesReminders,
  reminderCount,
  reminderNotificationDue,
  type ReminderPhase,
  type ReminderPlan,
  type ReminderRows,
} from './reminders.ts';

const TODAY = '2026-06-15';

function phase(
  id: string,
  deadline: string | null,
  status: PhaseStatus = 'not_started',
  extra: Partial<ReminderPhase> = {},
): ReminderPhase {
  return { id, number: 1, objectiveId: 'o1', areaId: 'a1', deadline, status, ...extra };
}

function rows(phases: ReminderPhase[], plan: Partial<ReminderPlan> = {}): ReminderRows<ReminderPhase> {
  return {
    plans: [{ id: 'p1', status: 'approved', year: 2026, years: [2026, 2027, 2028], ...plan }],
    areas: [
      { id: 'a1', planId: 'p1' },
      { id: 'a2', planId: 'p1' },
    ],
    objectives: [
      { id: 'o1', state: 'active' },
      { id: 'o2', state: 'removed' },
      { id: 'o3', state: 'replaced' },
      { id: 'o4', state: 'modified' },
    ],
    phases,
  };
}

const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

describe('phaseReminders', () => {
  it('lists the late phases and those due within N days, apart, in deadline order', () => {
    const r = phaseReminders(
      rows([
        phase('due-in-7', '2026-06-22'),
        phase('late-1-day', '2026-06-14', 'in_progress'),
        phase('due-today', TODAY, 'blocked'),
        phase('due-in-8', '2026-06-23'),
        phase('late-a-month', '2026-05-15', 'blocked'),
        phase('no-deadline', null),
      ]),
      ['a1'],
      TODAY,
      7,
    );
    expect(ids(r.late)).toEqual(['late-a-month', 'late-1-day']);
    expect(ids(r.dueSoon)).toEqual(['due-today', 'due-in-7']);
    expect(reminderCount(r)).toBe(4);
  });

  it('N days decides how far ahead: 0 is today only', () => {
    const phases = [phase('today', TODAY), phase('tomorrow', '2026-06-16'), phase('in-30', '2026-07-15')];
    expect(ids(phaseReminders(rows(phases), ['a1'], TODAY, 0).dueSoon)).toEqual(['today']);
    expect(ids(phaseReminders(rows(phases), ['a1'], TODAY, 30).dueSoon)).toEqual([
      'today',
      'tomorrow',
      'in-30',
    ]);
  });

  it('done, cancelled and removed phases are not reminders', () => {
    const r = phaseReminders(
      rows([
        phase('done', '2026-06-01', 'done'),
        phase('cancelled', '2026-06-01', 'cancelled'),
        phase('removed', '2026-06-01', 'cancelled', { removed: true }),
        // A removed flag on an otherwise open row (as a v2 row would never carry) still wins.
        phase('removed-open', '2026-06-01', 'not_started', { removed: true }),
        phase('open', '2026-06-01'),
      ]),
      ['a1'],
      TODAY,
      7,
    );
    expect(ids(r.late)).toEqual(['open']);
  });

  it('phases of removed or replaced objectives are not reminders; a modified one is', () => {
    const r = phaseReminders(
      rows([
        phase('of-removed', '2026-06-01', 'not_started', { objectiveId: 'o2' }),
        phase('of-replaced', '2026-06-01', 'not_started', { objectiveId: 'o3' }),
        phase('of-modified', '2026-06-01', 'not_started', { objectiveId: 'o4' }),
        phase('of-unknown', '2026-06-01', 'not_started', { objectiveId: 'o-not-here' }),
      ]),
      ['a1'],
      TODAY,
      7,
    );
    expect(ids(r.late)).toEqual(['of-modified']);
  });

  it('only the user’s own areas; a user with no areas gets none', () => {
    const phases = [
      phase('mine', '2026-06-01'),
      phase('other', '2026-06-01', 'not_started', { areaId: 'a2' }),
    ];
    expect(ids(phaseReminders(rows(phases), ['a1'], TODAY, 7).late)).toEqual(['mine']);
    expect(reminderCount(phaseReminders(rows(phases), [], TODAY, 7))).toBe(0);
    // An area id of the user that belongs to no plan on the device gives nothing either.
    expect(reminderCount(phaseReminders(rows(phases), ['a9'], TODAY, 7))).toBe(0);
  });

  it('a draft or closed plan gives none; an approved one (or a Part 1 row without status) does', () => {
    const phases = [phase('late', '2026-06-01')];
    expect(reminderCount(phaseReminders(rows(phases, { status: 'draft' }), ['a1'], TODAY, 7))).toBe(0);
    expect(reminderCount(phaseReminders(rows(phases, { status: 'closed' }), ['a1'], TODAY, 7))).toBe(0);
    expect(reminderCount(phaseReminders(rows(phases, { status: undefined }), ['a1'], TODAY, 7))).toBe(1);
  });

  it('a plan whose year is over gives none, through 31/12 it still does', () => {
    const phases = [phase('late', '2022-06-01')];
    const old = { year: 2022, years: [2022, 2023, 2024] };
    expect(reminderCount(phaseReminders(rows(phases, old), ['a1'], '2022-12-31', 7))).toBe(1);
    expect(reminderCount(phaseReminders(rows(phases, old), ['a1'], '2023-01-01', 7))).toBe(0);
    // A Part 1 row has no `year`: its first year is the performance year.
    const v1 = { year: undefined, status: undefined, years: [2022, 2023, 2024] };
    expect(reminderCount(phaseReminders(rows(phases, v1), ['a1'], '2023-01-01', 7))).toBe(0);
  });

  it('keeps the caller’s rows (descriptions and all)', () => {
    const full = [{ ...phase('x', '2026-06-01'), description: 'Bando mensa' }];
    const r = phaseReminders({ ...rows([]), phases: full }, ['a1'], TODAY, 7);
    expect(r.late[0]?.description).toBe('Bando mensa');
  });

  it('refuses days that the form would have refused (a bug upstream)', () => {
    expect(() => phaseReminders(rows([]), ['a1'], TODAY, -1)).toThrow(RangeError);
    expect(() => phaseReminders(rows([]), ['a1'], TODAY, 61)).toThrow(RangeError);
    expect(() => phaseReminders(rows([]), ['a1'], TODAY, 1.5)).toThrow(RangeError);
  });
});

describe('planGivesReminders', () => {
  it('needs an approved plan of a year not over', () => {
    const plan: ReminderPlan = { id: 'p', status: 'approved', year: 2026, years: [2026] };
    expect(planGivesReminders(plan, '2026-01-01')).toBe(true);
    expect(planGivesReminders(plan, '2027-01-01')).toBe(false);
    expect(planGivesReminders({ ...plan, status: 'draft' }, '2026-06-01')).toBe(false);
    expect(planGivesReminders({ ...plan, year: undefined, years: [] }, '2030-06-01')).toBe(true);
  });
});

describe('reminderNotificationDue', () => {
  it('once a day, and only with something to say', () => {
    expect(reminderNotificationDue(3, null, TODAY)).toBe(true);
    expect(reminderNotificationDue(3, '2026-06-14', TODAY)).toBe(true);
    expect(reminderNotificationDue(3, TODAY, TODAY)).toBe(false);
    expect(reminderNotificationDue(0, null, TODAY)).toBe(false);
  });
});

describe('parseReminderDays', () => {
  it('takes a whole number of days from 0 to 60', () => {
    expect(parseReminderDays('7')).toEqual({ ok: true, days: 7 });
    expect(parseReminderDays(' 0 ')).toEqual({ ok: true, days: 0 });
    expect(parseReminderDays('60')).toEqual({ ok: true, days: 60 });
    expect(parseReminderDays('61')).toEqual({ ok: false, reason: 'out_of_range' });
    for (const bad of ['', ' ', '-1', '1.5', '1,5', 'sette', '7 giorni', '1e2']) {
      expect(parseReminderDays(bad), bad).toEqual({ ok: false, reason: 'not_whole_number' });
    }
  });
});
