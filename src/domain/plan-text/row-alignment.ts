/**
 * Putting a row's cells under the right columns. Copies from Word/PDF drop an empty cell here and add
 * one there, so a row may have fewer or more cells than its header. The alignment is a small
 * dynamic programme over (cells, columns): a cell either sits under a column, scored by how well
 * its content fits that column, or (only if empty) is dropped; a column may be left without a cell.
 * Every skip costs a little, so the fewest shifts that make the contents fit win.
 */
import { isDash, looksLikeDate, looksLikeObjectiveNumber, looksLikeWeight } from './cell-values.ts';
import type { ColumnKind, FieldKind } from './table-columns.ts';

export type RowFields = Record<FieldKind, string>;

const SKIP_COST = 0.5;
const MISFIT = -5;
const SHORT_TEXT = 12;

type CellShape = 'empty' | 'dash' | 'date' | 'integer' | 'weight' | 'text';

function shape(cell: string): CellShape {
  if (cell === '') return 'empty';
  if (isDash(cell)) return 'dash';
  if (/^\d+$/.test(cell)) return 'integer';
  if (looksLikeWeight(cell)) return 'weight';
  if (looksLikeDate(cell)) return 'date';
  return 'text';
}

/** How well a cell's content fits a column: positive fits, negative misfits, 0 neutral. */
function fit(column: ColumnKind, cell: string): number {
  const s = shape(cell);
  if (s === 'empty' || s === 'dash' || column === 'other') return 0;
  switch (column) {
    case 'number':
      if (looksLikeObjectiveNumber(cell)) return 2;
      return s === 'text' && cell.length <= SHORT_TEXT ? -1 : MISFIT;
    case 'phaseNumber':
      return s === 'integer' ? 2 : MISFIT;
    case 'phaseWeight':
    case 'weightHead':
    case 'weightGiunta':
    case 'weightNucleo':
      return s === 'integer' || s === 'weight' ? 2 : MISFIT;
    case 'deadline':
      return s === 'date' ? 3 : MISFIT;
    case 'title':
    case 'indicator':
    case 'subjects':
    case 'description':
      if (s === 'text') return 1;
      return s === 'date' ? MISFIT : -3;
  }
}

const EMPTY_FIELDS: RowFields = {
  number: '',
  title: '',
  indicator: '',
  subjects: '',
  phaseNumber: '',
  phaseWeight: '',
  description: '',
  deadline: '',
  weightHead: '',
  weightGiunta: '',
  weightNucleo: '',
};

function direct(cells: readonly string[], columns: readonly ColumnKind[]): RowFields {
  const fields: RowFields = { ...EMPTY_FIELDS };
  columns.forEach((column, index) => {
    if (column !== 'other') fields[column] = cells[index] ?? '';
  });
  return fields;
}

type Move = 'match' | 'skipColumn' | 'skipCell';

/**
 * The row's fields under the best alignment, or null when the row has more non-empty cells than
 * the header has columns (nothing may be dropped silently).
 */
export function alignRow(cells: readonly string[], columns: readonly ColumnKind[]): RowFields | null {
  const n = cells.length;
  const m = columns.length;
  // A row as long as its header is taken as written: moving cells by content alone could turn a
  // bad value (a weight written in words) into a plausible one in the wrong field.
  if (n === m) return direct(cells, columns);
  const width = m + 1;
  const score = new Array<number>((n + 1) * width).fill(-Infinity);
  const move = new Array<Move | null>((n + 1) * width).fill(null);
  const at = (i: number, j: number): number => score[i * width + j] ?? -Infinity;
  score[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const cell = cells[i - 1] ?? '';
      const column = columns[j - 1] ?? 'other';
      // Skips first: on a tie the backtrack then skips as far right as possible, so cells stay under
      // the leftmost fitting columns (copies lose trailing cells far more often than leading ones).
      const options: [Move, number][] = [];
      if (j > 0) options.push(['skipColumn', at(i, j - 1) - SKIP_COST]);
      if (i > 0 && cell === '') options.push(['skipCell', at(i - 1, j) - SKIP_COST]);
      if (i > 0 && j > 0) options.push(['match', at(i - 1, j - 1) + fit(column, cell)]);
      for (const [candidate, value] of options) {
        if (value > at(i, j)) {
          score[i * width + j] = value;
          move[i * width + j] = candidate;
        }
      }
    }
  }
  if (at(n, m) === -Infinity) return null;
  const fields: RowFields = { ...EMPTY_FIELDS };
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const step = move[i * width + j];
    if (step === 'match') {
      const column = columns[j - 1] ?? 'other';
      const cell = cells[i - 1] ?? '';
      if (column !== 'other') fields[column] = cell;
      i--;
      j--;
    } else if (step === 'skipColumn') {
      j--;
    } else if (step === 'skipCell') {
      i--;
    } else {
      return null;
    }
  }
  return fields;
}
