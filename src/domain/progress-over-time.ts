/**
 * An area's progress over its plan year, rebuilt from the phase history: each phase's status and
 * percent as they stood at the end of each month, then the area's progress and expected progress at
 * that day with the very functions of the area page (areaProgress, expectedAreaProgress).
 *
 * Why months and not weeks: the plan's deadlines are mostly month ends and the monitoring rounds are
 * by month or quarter, so twelve points show every step of the expected line; and twelve rows make a
 * table and a chart that still read on a 390 px phone, where 52 weekly points would not.
 *
 * How a phase's past is rebuilt, per field (status, percent): the `after` of its last change on or
 * before the day; before its first recorded change, that change's `before`; a field never changed keeps
 * its current value. Reading forwards from the history (rather than undoing it from the current row)
 * keeps a change made on this device and not yet synced — it has no history row yet — out of the past.
 * The last point is the current rows as of `asOf`, so it is exactly the figure the area page shows.
 *
 * Limits, said plainly: phases and objectives are the current ones (a phase added or removed by an
 * amendment counts as if it had always been there or never), and weights are today's.
 */
import { compareIsoDates } from './dates.ts';
import type { AreaInput, PhaseProgressInput } from './progress.ts';
import { areaProgress } from './progress.ts';
import { expectedAreaProgress, type ExpectedPhaseInput } from './expected-progress.ts';
import { PHASE_STATUSES, type IsoDate, type PhaseStatus, type WeightSet } from './plan.ts';

/** A phase history row as far as this reads it (shared/rows.ts phaseHistoryRowSchema). */
export interface HistoryEntry {
  phaseId: string;
  field: 'status' | 'percent';
  before: unknown;
  after: unknown;
  /** ISO 8601 instant of the change. */
  at: string;
  /** The server version: orders changes of the same instant. */
  version?: number;
}

export type TimelinePhase = PhaseProgressInput & ExpectedPhaseInput;

export interface ProgressPoint {
  date: IsoDate;
  progress: number | null;
  expected: number | null;
}

/** The calendar day of an instant; the client passes its local day (the comune's). */
export type DayOf = (at: string) => IsoDate;

const utcDay: DayOf = (at) => at.slice(0, 10);

function lastDayOfMonth(year: number, month: number): IsoDate {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The days of the series: every month end of `year` before `asOf`, then `asOf` itself; only `asOf`
 * when the year has not begun by then.
 */
export function seriesDates(year: number, asOf: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let month = 1; month <= 12; month++) {
    const end = lastDayOfMonth(year, month);
    if (compareIsoDates(end, asOf) < 0) dates.push(end);
  }
  dates.push(asOf);
  return dates;
}

function isStatus(value: unknown): value is PhaseStatus {
  return typeof value === 'string' && (PHASE_STATUSES as readonly string[]).includes(value);
}

function isPercent(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

interface Change {
  day: IsoDate;
  value: unknown;
  before: unknown;
}

/** Each phase's changes per field, oldest first; entries with an unreadable value are dropped. */
function timelines(history: readonly HistoryEntry[], dayOf: DayOf): Map<string, Change[]> {
  const sorted = [...history].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : (a.version ?? 0) - (b.version ?? 0),
  );
  const byKey = new Map<string, Change[]>();
  for (const entry of sorted) {
    const valid = entry.field === 'status' ? isStatus : isPercent;
    if (!valid(entry.after) || !valid(entry.before)) continue;
    const key = `${entry.phaseId}|${entry.field}`;
    const change = { day: dayOf(entry.at), value: entry.after, before: entry.before };
    const list = byKey.get(key);
    if (list) list.push(change);
    else byKey.set(key, [change]);
  }
  return byKey;
}

function valueAt(changes: readonly Change[] | undefined, day: IsoDate): unknown {
  if (!changes || changes.length === 0) return undefined;
  let value: unknown = changes[0]?.before;
  for (const change of changes) {
    if (compareIsoDates(change.day, day) > 0) break;
    value = change.value;
  }
  return value;
}

/** The phases as they stood at the end of `day` (new objects; the inputs are not touched). */
export function phasesAsOf<P extends TimelinePhase>(
  phases: readonly P[],
  history: readonly HistoryEntry[],
  day: IsoDate,
  dayOf: DayOf = utcDay,
): P[] {
  return phasesAt(phases, timelines(history, dayOf), day);
}

function phasesAt<P extends TimelinePhase>(
  phases: readonly P[],
  byKey: Map<string, Change[]>,
  day: IsoDate,
): P[] {
  return phases.map((phase) => {
    const status = valueAt(byKey.get(`${phase.id}|status`), day);
    const percent = valueAt(byKey.get(`${phase.id}|percent`), day);
    return {
      ...phase,
      status: isStatus(status) ? status : phase.status,
      percent: isPercent(percent) ? percent : phase.percent,
    };
  });
}

export interface AreaTimelineInput<P extends TimelinePhase> extends AreaInput<P> {
  history: readonly HistoryEntry[];
}

/**
 * The area's actual and expected progress at each day of seriesDates(year, asOf); `planEnd` is when a
 * phase without a deadline is due. The last point uses the current phases: the area page's figure.
 */
export function areaProgressOverTime<P extends TimelinePhase>(
  area: AreaTimelineInput<P>,
  weightSet: WeightSet,
  year: number,
  asOf: IsoDate,
  planEnd: IsoDate,
  dayOf: DayOf = utcDay,
): ProgressPoint[] {
  const byKey = timelines(area.history, dayOf);
  const dates = seriesDates(year, asOf);
  return dates.map((date, i) => {
    const phases = i === dates.length - 1 ? area.phases : phasesAt(area.phases, byKey, date);
    const input = { objectives: area.objectives, phases };
    return {
      date,
      progress: areaProgress(input, weightSet),
      expected: expectedAreaProgress(input, weightSet, date, planEnd),
    };
  });
}
