/**
 * Reading the values the plan tables hold: Italian dates, weights in points or percent, phase and
 * objective numbers. "-" (or a dash variant) is the document's way to say "nothing here".
 */
import type { IsoDate, WeightUnit } from '../plan.ts';

const DASH = /^[-–—]$/;
const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const DATE_IN_TEXT = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/-])/g;
const WEIGHT = /^(\d+(?:[.,]\d+)?)\s*(%|punti|punto|pt\.?)?$/i;
const PHASE_NUMBER = /^(?:fase\s*)?(\d+)\s*[.)]?$/i;
const OBJECTIVE_NUMBER = /^(?:n[.°]?\s*|obiettivo\s+)?(\d+[a-z]?(?:\.\d+)*)\.?$/i;
/** A deadline cell may say "entro il 31/12/2022"; longer text is a description, not a deadline. */
const MAX_DEADLINE_TEXT = 40;

export function isDash(value: string): boolean {
  return DASH.test(value);
}

/** A cell that carries content: neither empty nor a dash. */
export function hasContent(value: string): boolean {
  return value !== '' && !isDash(value);
}

export function contentOrEmpty(value: string): string {
  return isDash(value) ? '' : value;
}

export type DateReading = { kind: 'none' } | { kind: 'date'; value: IsoDate } | { kind: 'invalid' };

function isoFromParts(day: string, month: string, year: string): IsoDate | null {
  const d = Number(day);
  const m = Number(month);
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy (also with "." or "-", or a two-digit year) to YYYY-MM-DD; calendar-checked. */
export function parseItalianDate(value: string): IsoDate | null {
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  return isoFromParts(day, month, year);
}

export function looksLikeDate(value: string): boolean {
  return DATE.test(value.trim()) || (value.length <= MAX_DEADLINE_TEXT && datesIn(value).length === 1);
}

function datesIn(value: string): string[] {
  return [...value.matchAll(DATE_IN_TEXT)].map((m) => m[0]);
}

/** A deadline cell: empty or "-" is none; one date (alone or in a short phrase) is read; else invalid. */
export function readDeadline(value: string): DateReading | { kind: 'unrecognised' } {
  if (!hasContent(value)) return { kind: 'none' };
  const whole = DATE.exec(value);
  const candidates = whole ? [value] : value.length <= MAX_DEADLINE_TEXT ? datesIn(value) : [];
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only === undefined) return { kind: 'unrecognised' };
  const iso = parseItalianDate(only);
  return iso === null ? { kind: 'invalid' } : { kind: 'date', value: iso };
}

export type WeightReading =
  { kind: 'none' } | { kind: 'weight'; value: number; unit: WeightUnit } | { kind: 'invalid' };

export function readWeight(value: string): WeightReading {
  if (!hasContent(value)) return { kind: 'none' };
  const match = WEIGHT.exec(value);
  if (!match) return { kind: 'invalid' };
  const [, amount = '', unit] = match;
  return {
    kind: 'weight',
    value: Number(amount.replace(',', '.')),
    unit: unit === '%' ? 'percent' : 'points',
  };
}

export function looksLikeWeight(value: string): boolean {
  return WEIGHT.test(value);
}

export type PhaseNumberReading = { kind: 'none' } | { kind: 'number'; value: number } | { kind: 'invalid' };

export function readPhaseNumber(value: string): PhaseNumberReading {
  if (!hasContent(value)) return { kind: 'none' };
  const match = PHASE_NUMBER.exec(value);
  return match ? { kind: 'number', value: Number(match[1]) } : { kind: 'invalid' };
}

export function looksLikeObjectiveNumber(value: string): boolean {
  return OBJECTIVE_NUMBER.test(value);
}

/** "1." → "1", "N. 3" → "3"; anything else is kept as written, minus a trailing full stop. */
export function normaliseObjectiveNumber(value: string): string {
  const match = OBJECTIVE_NUMBER.exec(value);
  return match?.[1] ?? value.replace(/\.$/, '');
}
