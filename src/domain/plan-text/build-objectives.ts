/**
 * Objectives and phases from an area's classified rows: values read and validated, the inline phase
 * of one-phase objectives made explicit, state and motivation settled, deadlines rolled up.
 */
import type { IsoDate, ObjectiveState, ObjectiveWeights, WeightUnit } from '../plan.ts';
import {
  contentOrEmpty,
  hasContent,
  isDash,
  normaliseObjectiveNumber,
  readDeadline,
  readPhaseNumber,
  readWeight,
} from './cell-values.ts';
import { motivationsByObjective, objectiveMotivation, readTitle } from './objective-motivation.ts';
import { planParseError } from './parse-errors.ts';
import type { ParsedObjective, ParsedPhase, Step } from './parsed-plan.ts';
import type { RowFields } from './row-alignment.ts';
import type { LogicalRow } from './table-rows.ts';

interface Draft {
  row: LogicalRow;
  phases: { row: LogicalRow; inline: boolean }[];
}

/** Dashes in at least this many of an objective row's cells mark it as struck out ("stralcio"). */
const REMOVED_DASHES = 2;

function hasInlinePhase(fields: RowFields): boolean {
  return [fields.phaseNumber, fields.phaseWeight, fields.description, fields.deadline].some(hasContent);
}

function group(rows: readonly LogicalRow[]): Step<Draft[]> {
  const drafts: Draft[] = [];
  for (const row of rows) {
    if (row.kind === 'objective') {
      drafts.push({ row, phases: hasInlinePhase(row.fields) ? [{ row, inline: true }] : [] });
      continue;
    }
    const current = drafts.at(-1);
    if (current === undefined)
      return { ok: false, error: planParseError('phase_before_objective', row.line, {}) };
    current.phases.push({ row, inline: false });
  }
  return { ok: true, value: drafts };
}

function weightValue(value: string, line: number): Step<{ value: number | null; unit: WeightUnit | null }> {
  const reading = readWeight(value);
  if (reading.kind === 'invalid')
    return { ok: false, error: planParseError('invalid_weight', line, { value }) };
  if (reading.kind === 'none') return { ok: true, value: { value: null, unit: null } };
  return { ok: true, value: { value: reading.value, unit: reading.unit } };
}

function deadlineValue(value: string, line: number): Step<IsoDate | null> {
  const reading = readDeadline(value);
  switch (reading.kind) {
    case 'none':
      return { ok: true, value: null };
    case 'date':
      return { ok: true, value: reading.value };
    case 'invalid':
      return { ok: false, error: planParseError('invalid_date', line, { value }) };
    case 'unrecognised':
      return { ok: false, error: planParseError('invalid_deadline', line, { value }) };
  }
}

function buildPhase(draft: Draft['phases'][number], position: number): Step<ParsedPhase> {
  const { fields, line } = draft.row;
  const number = readPhaseNumber(fields.phaseNumber);
  if (number.kind === 'invalid') {
    return { ok: false, error: planParseError('invalid_phase_number', line, { value: fields.phaseNumber }) };
  }
  const weight = weightValue(fields.phaseWeight, line);
  if (!weight.ok) return weight;
  const deadline = deadlineValue(fields.deadline, line);
  if (!deadline.ok) return deadline;
  return {
    ok: true,
    value: {
      number: number.kind === 'number' ? number.value : position,
      // A one-phase objective's row states indicator and subjects once, for objective and phase alike.
      indicator: contentOrEmpty(fields.indicator),
      subjects: contentOrEmpty(fields.subjects),
      description: contentOrEmpty(fields.description),
      weight: weight.value.value,
      weightUnit: weight.value.unit,
      deadline: deadline.value,
      line,
    },
  };
}

function weightsOf(fields: RowFields, line: number): Step<ObjectiveWeights> {
  const head = weightValue(fields.weightHead, line);
  if (!head.ok) return head;
  const giunta = weightValue(fields.weightGiunta, line);
  if (!giunta.ok) return giunta;
  const nucleo = weightValue(fields.weightNucleo, line);
  if (!nucleo.ok) return nucleo;
  return {
    ok: true,
    value: { head: head.value.value, giunta: giunta.value.value, nucleo: nucleo.value.value },
  };
}

function isStruckOut(draft: Draft): boolean {
  const f = draft.row.fields;
  const cells = [f.indicator, f.subjects, f.phaseNumber, f.phaseWeight, f.description, f.deadline];
  const dashes = [...cells, f.weightHead, f.weightGiunta, f.weightNucleo].filter(isDash).length;
  const separate = draft.phases.filter((p) => !p.inline);
  return (
    dashes >= REMOVED_DASHES || (separate.length > 0 && separate.every((p) => isDash(p.row.fields.number)))
  );
}

function latest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);
}

export function buildObjectives(
  rows: readonly LogicalRow[],
  motivationParagraphs: readonly string[],
  areaMotivation: string | null,
): Step<ParsedObjective[]> {
  const grouped = group(rows);
  if (!grouped.ok) return grouped;
  const bullets = motivationsByObjective(motivationParagraphs);
  const objectives: ParsedObjective[] = [];
  for (const draft of grouped.value) {
    const { fields, line } = draft.row;
    const weights = weightsOf(fields, line);
    if (!weights.ok) return weights;
    const phases: ParsedPhase[] = [];
    for (const [index, phaseDraft] of draft.phases.entries()) {
      const phase = buildPhase(phaseDraft, index + 1);
      if (!phase.ok) return phase;
      phases.push(phase.value);
    }
    const title = readTitle(fields.title);
    const state: ObjectiveState = title.state ?? (isStruckOut(draft) ? 'removed' : 'active');
    const number = normaliseObjectiveNumber(fields.number);
    objectives.push({
      number,
      title: title.title,
      indicator: contentOrEmpty(fields.indicator),
      subjects: contentOrEmpty(fields.subjects),
      state,
      motivation: objectiveMotivation(state, title.motivation, bullets.get(number), areaMotivation),
      deadline: latest(phases.map((p) => p.deadline)),
      weights: weights.value,
      phases,
      line,
    });
  }
  return { ok: true, value: objectives };
}
