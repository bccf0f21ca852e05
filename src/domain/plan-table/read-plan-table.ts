/**
 * A plan table (the rows of a CSV or of an XLSX sheet, as strings) read into the same ParsedPlan the
 * text importer gives, so the preview, the warnings and the storing are one path whatever the format.
 * Pure: the CSV and XLSX libraries turn a file into rows at the edges.
 *
 * Rows before the header (a title, a note) are skipped; blank rows are skipped. An objective is the
 * run of rows with the same area and objective number; its own columns are read from its first row.
 * Numbers keep the type of their rows: an objective number is kept as written ("3bis"), a phase
 * number is an integer.
 */
import type { IsoDate, ObjectiveState, WeightUnit } from '../plan.ts';
import type { ParsedArea, ParsedObjective, ParsedPhase, ParsedPlan } from '../plan-text/parsed-plan.ts';
import {
  hasContent,
  normaliseObjectiveNumber,
  parseItalianDate,
  readPhaseNumber,
  readWeight,
} from '../plan-text/cell-values.ts';
import { columnForHeader, columnLabel, TABLE_COLUMNS, type TableColumnKey } from './table-columns.ts';
import { tableError, type TableReadError } from './table-errors.ts';

export type TableCell = string | number | boolean | null | undefined;
export type ReadPlanTableResult = { ok: true; plan: ParsedPlan } | { ok: false; error: TableReadError };

type Fields = Partial<Record<TableColumnKey, string>>;
type Located = { row: number; fields: Fields };
type Step<T> = { ok: true; value: T } | { ok: false; error: TableReadError };

const STATES: Record<string, ObjectiveState> = {
  attivo: 'active',
  active: 'active',
  modificato: 'modified',
  modified: 'modified',
  sostituito: 'replaced',
  replaced: 'replaced',
  stralciato: 'removed',
  stralcio: 'removed',
  rimosso: 'removed',
  removed: 'removed',
};
const UNITS: Record<string, WeightUnit> = {
  '%': 'percent',
  percent: 'percent',
  percentuale: 'percent',
  punti: 'points',
  punto: 'points',
  points: 'points',
  pt: 'points',
};
const PHASE_KEYS: readonly TableColumnKey[] = [
  'phase_number',
  'phase_description',
  'phase_indicator',
  'phase_subjects',
  'phase_weight',
  'deadline',
];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function cellText(cell: TableCell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

interface Header {
  row: number;
  index: Map<TableColumnKey, number>;
}

function findHeader(rows: readonly (readonly TableCell[])[]): Step<Header> {
  if (!rows.some((r) => r.some((c) => cellText(c) !== '')))
    return { ok: false, error: tableError('empty_table', null, null) };
  for (const [i, cells] of rows.entries()) {
    const index = new Map<TableColumnKey, number>();
    cells.forEach((cell, column) => {
      const key = columnForHeader(cellText(cell));
      if (key !== null && !index.has(key)) index.set(key, column);
    });
    if (index.size < 2) continue;
    const missing = TABLE_COLUMNS.find((c) => c.required && !index.has(c.key));
    if (missing) {
      const label = columnLabel(missing.key, 'it');
      return { ok: false, error: tableError('missing_column', i + 1, null, { label }) };
    }
    return { ok: true, value: { row: i + 1, index } };
  }
  return { ok: false, error: tableError('no_header', null, null) };
}

function at(header: Header, key: TableColumnKey): { index: number; label: string } {
  return { index: header.index.get(key) ?? 0, label: columnLabel(key, 'it') };
}

function readDate(value: string): IsoDate | null | 'invalid' {
  if (!hasContent(value)) return null;
  const iso = ISO_DATE.exec(value);
  if (iso) return parseItalianDate(`${iso[3]}/${iso[2]}/${iso[1]}`) ?? 'invalid';
  return parseItalianDate(value) ?? 'invalid';
}

function weightOf(value: string, row: number, column: { index: number; label: string }): Step<number | null> {
  const reading = readWeight(value);
  if (reading.kind === 'invalid')
    return { ok: false, error: tableError('invalid_weight', row, column, { value }) };
  return { ok: true, value: reading.kind === 'weight' ? reading.value : null };
}

function readPhase(header: Header, { row, fields }: Located, position: number): Step<ParsedPhase> {
  const rawNumber = fields.phase_number ?? '';
  const number = readPhaseNumber(rawNumber);
  if (number.kind === 'invalid')
    return {
      ok: false,
      error: tableError('invalid_phase_number', row, at(header, 'phase_number'), { value: rawNumber }),
    };
  const rawWeight = fields.phase_weight ?? '';
  const weight = readWeight(rawWeight);
  if (weight.kind === 'invalid')
    return {
      ok: false,
      error: tableError('invalid_weight', row, at(header, 'phase_weight'), { value: rawWeight }),
    };
  const rawUnit = (fields.phase_weight_unit ?? '').toLowerCase();
  const unit = rawUnit === '' ? null : (UNITS[rawUnit] ?? 'invalid');
  if (unit === 'invalid')
    return {
      ok: false,
      error: tableError('invalid_weight_unit', row, at(header, 'phase_weight_unit'), { value: rawUnit }),
    };
  const rawDeadline = fields.deadline ?? '';
  const deadline = readDate(rawDeadline);
  if (deadline === 'invalid')
    return {
      ok: false,
      error: tableError('invalid_deadline', row, at(header, 'deadline'), { value: rawDeadline }),
    };
  const hasWeight = weight.kind === 'weight';
  return {
    ok: true,
    value: {
      number: number.kind === 'number' ? number.value : position,
      indicator: fields.phase_indicator ?? '',
      subjects: fields.phase_subjects ?? '',
      description: fields.phase_description ?? '',
      weight: hasWeight ? weight.value : null,
      weightUnit: hasWeight ? (unit ?? weight.unit) : null,
      deadline,
      line: row,
    },
  };
}

function readObjective(header: Header, rows: readonly Located[]): Step<ParsedObjective> {
  const first = rows[0];
  if (!first) return { ok: false, error: tableError('objective_without_number', null, null) };
  const f = first.fields;
  const number = normaliseObjectiveNumber(f.objective_number ?? '');
  const title = f.objective_title ?? '';
  if (title === '')
    return {
      ok: false,
      error: tableError('objective_without_title', first.row, at(header, 'objective_title'), {
        value: number,
      }),
    };
  const rawState = (f.state ?? '').toLowerCase();
  const state = rawState === '' ? 'active' : STATES[rawState];
  if (state === undefined)
    return {
      ok: false,
      error: tableError('invalid_state', first.row, at(header, 'state'), { value: rawState }),
    };
  const weights: Partial<Record<'head' | 'giunta' | 'nucleo', number | null>> = {};
  for (const [set, key] of [
    ['head', 'weight_head'],
    ['giunta', 'weight_giunta'],
    ['nucleo', 'weight_nucleo'],
  ] as const) {
    const weight = weightOf(f[key] ?? '', first.row, at(header, key));
    if (!weight.ok) return weight;
    weights[set] = weight.value;
  }
  const phases: ParsedPhase[] = [];
  const numbers = new Set<number>();
  for (const located of rows) {
    if (!PHASE_KEYS.some((key) => hasContent(located.fields[key] ?? ''))) continue;
    const phase = readPhase(header, located, phases.length + 1);
    if (!phase.ok) return phase;
    if (numbers.has(phase.value.number))
      return {
        ok: false,
        error: tableError('duplicate_phase_number', located.row, at(header, 'phase_number'), {
          value: String(phase.value.number),
        }),
      };
    numbers.add(phase.value.number);
    phases.push(phase.value);
  }
  const deadlines = phases.flatMap((p) => (p.deadline === null ? [] : [p.deadline])).sort();
  return {
    ok: true,
    value: {
      number,
      title,
      indicator: f.objective_indicator ?? '',
      subjects: f.objective_subjects ?? '',
      state,
      motivation: hasContent(f.motivation ?? '') ? (f.motivation ?? null) : null,
      deadline: deadlines.at(-1) ?? null,
      weights: { head: weights.head ?? null, giunta: weights.giunta ?? null, nucleo: weights.nucleo ?? null },
      phases,
      line: first.row,
    },
  };
}

export function readPlanTable(rows: readonly (readonly TableCell[])[]): ReadPlanTableResult {
  const header = findHeader(rows);
  if (!header.ok) return { ok: false, error: header.error };
  const h = header.value;

  // Rows grouped by area (in order of first appearance), then by objective number within it.
  const areas = new Map<string, { row: number; motivation: string; objectives: Map<string, Located[]> }>();
  for (let i = h.row; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (!cells.some((c) => cellText(c) !== '')) continue;
    const fields: Fields = {};
    for (const [key, column] of h.index) fields[key] = cellText(cells[column]);
    const located = { row: i + 1, fields };
    const areaName = fields.area ?? '';
    const number = normaliseObjectiveNumber(fields.objective_number ?? '');
    if (areaName === '') return { ok: false, error: tableError('area_without_name', i + 1, at(h, 'area')) };
    if (number === '')
      return { ok: false, error: tableError('objective_without_number', i + 1, at(h, 'objective_number')) };
    let area = areas.get(areaName);
    if (!area) {
      area = { row: i + 1, motivation: fields.area_motivation ?? '', objectives: new Map() };
      areas.set(areaName, area);
    }
    const objectiveRows = area.objectives.get(number);
    if (objectiveRows) objectiveRows.push(located);
    else area.objectives.set(number, [located]);
  }

  const parsedAreas: ParsedArea[] = [];
  for (const [name, area] of areas) {
    const objectives: ParsedObjective[] = [];
    for (const objectiveRows of area.objectives.values()) {
      const objective = readObjective(h, objectiveRows);
      if (!objective.ok) return { ok: false, error: objective.error };
      objectives.push(objective.value);
    }
    parsedAreas.push({
      name,
      heading: name,
      motivation: hasContent(area.motivation) ? area.motivation : null,
      objectives,
      line: area.row,
    });
  }
  return { ok: true, plan: { ente: null, acts: [], areas: parsedAreas } };
}
