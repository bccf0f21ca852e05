/**
 * Row classification: each aligned row is an objective, a phase, or the continuation of the row
 * before it (Word splits a row at a page break and the remainder arrives as a row of its own).
 */
import { hasContent } from './cell-values.ts';
import type { SectionRow } from './document-sections.ts';
import { planParseError } from './parse-errors.ts';
import type { Step } from './parsed-plan.ts';
import type { RowFields } from './row-alignment.ts';
import { alignRow } from './row-alignment.ts';
import type { FieldKind } from './table-columns.ts';

export interface LogicalRow {
  kind: 'objective' | 'phase';
  line: number;
  fields: RowFields;
}

const TEXT_FIELDS = ['title', 'indicator', 'subjects', 'description'] as const satisfies readonly FieldKind[];
const STRUCTURAL_FIELDS = [
  'number',
  'phaseNumber',
  'phaseWeight',
  'deadline',
  'weightHead',
  'weightGiunta',
  'weightNucleo',
] as const satisfies readonly FieldKind[];

/**
 * A continuation has text only: no number, phase number, weight or deadline, not even a "-". A phase
 * written without any of those is indistinguishable from it and is read as a continuation too.
 */
function isContinuation(fields: RowFields): boolean {
  return STRUCTURAL_FIELDS.every((f) => fields[f] === '') && TEXT_FIELDS.some((f) => fields[f] !== '');
}

function joinText(before: string, after: string): string {
  if (before === '') return after;
  return after === '' ? before : `${before} ${after}`;
}

function classify(fields: RowFields, line: number): Step<LogicalRow> {
  const numbered = hasContent(fields.number);
  const titled = hasContent(fields.title);
  if (numbered && !titled) {
    return { ok: false, error: planParseError('objective_without_title', line, { number: fields.number }) };
  }
  if (titled && !numbered) {
    return { ok: false, error: planParseError('objective_without_number', line, { title: fields.title }) };
  }
  return { ok: true, value: { kind: numbered ? 'objective' : 'phase', line, fields } };
}

/** The rows of one area table as objective and phase rows, continuations merged into their row. */
export function logicalRows(rows: readonly SectionRow[]): Step<LogicalRow[]> {
  const result: LogicalRow[] = [];
  for (const row of rows) {
    const fields = alignRow(row.cells, row.columns);
    if (fields === null) {
      const cells = row.cells.filter((c) => c !== '').length;
      return {
        ok: false,
        error: planParseError('too_many_cells', row.line, { cells, columns: row.columns.length }),
      };
    }
    const previous = result.at(-1);
    if (previous !== undefined && isContinuation(fields)) {
      if (previous.kind === 'phase' && fields.title !== '') {
        return {
          ok: false,
          error: planParseError('objective_without_number', row.line, { title: fields.title }),
        };
      }
      for (const f of TEXT_FIELDS) previous.fields[f] = joinText(previous.fields[f], fields[f]);
      continue;
    }
    const classified = classify(fields, row.line);
    if (!classified.ok) return classified;
    result.push(classified.value);
  }
  return { ok: true, value: result };
}
