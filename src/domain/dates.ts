/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings. Deadlines are calendar days in the comune's own
 * time zone, so these helpers never look at a clock or a time zone: UTC is only the arithmetic carrier.
 */
import type { IsoDate } from './plan.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (so `2022-02-30` is false). */
export function isIsoDate(value: string): boolean {
  return toEpochDay(value) !== null;
}

/** Days since 1970-01-01, or null when the string is not a real `YYYY-MM-DD` date. */
function toEpochDay(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 02-30 over into March; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

function requireEpochDay(value: IsoDate): number {
  const day = toEpochDay(value);
  // A malformed date here is a bug upstream (the shared schemas validate every date on the wire).
  if (day === null) throw new RangeError(`not an ISO date: ${value}`);
  return day;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back); whole days only. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return fromEpochDay(requireEpochDay(date) + days);
}

/** Negative, zero or positive as `a` is before, on or after `b`; usable as a sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(requireEpochDay(a) - requireEpochDay(b));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return requireEpochDay(to) - requireEpochDay(from);
}
