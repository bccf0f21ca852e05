/**
 * The Asola sample for the plan-text tests, plus helpers to derive variants from it. The text is the
 * copy in test/fixtures (inlined by Vitest, since tests in src/domain do no I/O); the server CLI test
 * checks that the copy still matches ../shared/fixtures.
 */
import sample from '../../../test/fixtures/asola-piao-2022-performance.txt?raw';
import type { ParsedArea, ParsedObjective, ParsedPlan } from './parsed-plan.ts';
import { parsePlanText } from './parse-plan-text.ts';

export const SAMPLE_TEXT: string = sample;

export function sampleLines(): string[] {
  return SAMPLE_TEXT.split('\n');
}

/** The sample with 1-based line `number` replaced by `replacement(original)`. */
export function withLine(number: number, replacement: (line: string) => string): string {
  return sampleLines()
    .map((line, index) => (index + 1 === number ? replacement(line) : line))
    .join('\n');
}

export function parseOrThrow(text: string): ParsedPlan {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.plan;
}

/** The plan without source line numbers, for comparing plans parsed from rearranged text. */
export function withoutLines(plan: ParsedPlan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'line' ? undefined : value)));
}

/** The sample parsed once, for tests that pin its rows. */
export const SAMPLE_PLAN: ParsedPlan = parseOrThrow(SAMPLE_TEXT);

export function sampleArea(index: number): ParsedArea {
  const found = SAMPLE_PLAN.areas[index];
  if (found === undefined) throw new Error(`no area ${index}`);
  return found;
}

export function objective(areaIndex: number, number: string): ParsedObjective {
  const found = sampleArea(areaIndex).objectives.find((o) => o.number === number);
  if (found === undefined) throw new Error(`no objective ${number} in area ${areaIndex}`);
  return found;
}
