/**
 * Reminders: what a person is told each morning on their own device — the open phases of THEIR areas
 * that are late, and those due within the next N days, as of a day. Computed on the device from the
 * rows it holds, so it works offline and needs no server push.
 *
 * What gives a reminder (the same rules as the "late" and "due soon" lists, deadlines.ts, plus the
 * plan's life):
 * - a phase of one of the user's areas (heads and officers: the areas they work on; a role without
 *   areas of its own gets none);
 * - in a plan that takes progress now: `approved` (a draft takes no progress, a closed plan is
 *   locked) and whose performance year is not over (a 2022 plan left open in 2026 would otherwise
 *   remind of every phase it never finished, every day — its year-closed notice says that instead);
 * - of an objective that still takes progress (not removed nor replaced, phase-transitions.ts);
 * - not done, not cancelled, not removed (`phase.remove` leaves it cancelled and `removed`);
 * - with a deadline: before today is late; from today to today + N inclusive is due. A phase without a
 *   deadline is never a reminder, as it is never late nor due in Il mio lavoro.
 * `today` and N come in as arguments; nothing here reads a clock.
 */
import { dueSoonPhases, latePhases, type DeadlinePhaseInput } from './deadlines.ts';
import { compareIsoDates } from './dates.ts';
import { objectiveAcceptsProgress } from './phase-transitions.ts';
import type { IsoDate, ObjectiveState } from './plan.ts';
import type { PlanStatus } from './plan-structure.ts';

/** How many days ahead a phase counts as due, unless the user chose otherwise. */
export const REMINDER_DAYS_DEFAULT = 7;
/** 0 means "due today"; two months ahead is already a plan, not a reminder. */
export const REMINDER_DAYS_MIN = 0;
export const REMINDER_DAYS_MAX = 60;

/** A plan row as the device holds it: `status` and `year` are absent on Part 1 rows (approved). */
export interface ReminderPlan {
  id: string;
  status?: PlanStatus | undefined;
  year?: number | undefined;
  years: readonly number[];
}
export interface ReminderArea {
  id: string;
  planId: string;
}
export interface ReminderObjective {
  id: string;
  state: ObjectiveState;
}
export type ReminderPhase = DeadlinePhaseInput & {
  objectiveId: string;
  areaId: string;
  removed?: boolean | undefined;
};

export interface ReminderRows<P extends ReminderPhase> {
  plans: readonly ReminderPlan[];
  areas: readonly ReminderArea[];
  objectives: readonly ReminderObjective[];
  phases: readonly P[];
}

export interface Reminders<P> {
  /** Deadline before today, oldest first. */
  late: P[];
  /** Deadline from today to today + days, soonest first. */
  dueSoon: P[];
}

/** The plan's performance year: `year` (protocol v2), else the first of its `years`. */
function performanceYear(plan: ReminderPlan): number | null {
  return plan.year ?? (plan.years.length > 0 ? Math.min(...plan.years) : null);
}

/** Approved (a Part 1 row without status is approved) and its year not over as of `today`. */
export function planGivesReminders(plan: ReminderPlan, today: IsoDate): boolean {
  if ((plan.status ?? 'approved') !== 'approved') return false;
  const year = performanceYear(plan);
  return year === null || compareIsoDates(today, `${year}-12-31`) <= 0;
}

/** A whole number of days within the bounds; anything else is a bug upstream (the form checks). */
function checkedDays(days: number): number {
  if (!Number.isInteger(days) || days < REMINDER_DAYS_MIN || days > REMINDER_DAYS_MAX) {
    throw new RangeError(`reminder days out of range: ${days}`);
  }
  return days;
}

/**
 * The user's reminders as of `today`: late and due within `days`, disjoint (a late phase is only
 * late), each list in the order of deadlines.ts (deadline, number, id) so every device agrees.
 */
export function phaseReminders<P extends ReminderPhase>(
  rows: ReminderRows<P>,
  userAreaIds: readonly string[],
  today: IsoDate,
  days: number,
): Reminders<P> {
  const within = checkedDays(days);
  const livePlans = new Set(rows.plans.filter((p) => planGivesReminders(p, today)).map((p) => p.id));
  const mine = new Set(userAreaIds);
  const areas = new Set(rows.areas.filter((a) => mine.has(a.id) && livePlans.has(a.planId)).map((a) => a.id));
  const objectiveState = new Map(rows.objectives.map((o) => [o.id, o.state]));
  const candidates = rows.phases.filter((phase) => {
    if (!areas.has(phase.areaId) || phase.removed === true) return false;
    const state = objectiveState.get(phase.objectiveId);
    // A phase whose objective is not on the device (yet) is left out rather than guessed about.
    return state !== undefined && objectiveAcceptsProgress(state);
  });
  // latePhases and dueSoonPhases leave out done and cancelled phases and those without a deadline;
  // late is before today and due soon from today on, so the two lists never share a phase.
  return { late: latePhases(candidates, today), dueSoon: dueSoonPhases(candidates, today, within) };
}

export function reminderCount(reminders: Reminders<unknown>): number {
  return reminders.late.length + reminders.dueSoon.length;
}

/**
 * Whether today's system notification is still to be shown: there is something to say and none was
 * shown today (`lastNotifiedOn`, kept on the device). At most one a day, whatever the reloads.
 */
export function reminderNotificationDue(
  count: number,
  lastNotifiedOn: IsoDate | null,
  today: IsoDate,
): boolean {
  return count > 0 && lastNotifiedOn !== today;
}

export type ReminderDaysCheck =
  { ok: true; days: number } | { ok: false; reason: 'not_whole_number' | 'out_of_range' };

/** The "days ahead" field as typed: a whole number of days from REMINDER_DAYS_MIN to _MAX. */
export function parseReminderDays(text: string): ReminderDaysCheck {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: 'not_whole_number' };
  const days = Number(trimmed);
  if (days < REMINDER_DAYS_MIN || days > REMINDER_DAYS_MAX) return { ok: false, reason: 'out_of_range' };
  return { ok: true, days };
}
