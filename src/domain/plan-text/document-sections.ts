/**
 * Cutting the document into area sections: heading, motivation paragraphs, then the table rows up
 * to the next heading. Page furniture is skipped wherever it falls; prose between table rows (a
 * page footer the furniture rules missed) does not end the table; a repeated table header (Word
 * repeats header rows on each page) re-maps the columns and continues the same area.
 */
import { findEnte, isAreaHeading, pageFurniture } from './area-heading.ts';
import { planParseError } from './parse-errors.ts';
import type { Step } from './parsed-plan.ts';
import type { SourceLine } from './source-lines.ts';
import type { ColumnKind } from './table-columns.ts';
import { recogniseHeader } from './table-columns.ts';

export interface SectionRow {
  line: number;
  cells: string[];
  columns: ColumnKind[];
}

export interface AreaSection {
  heading: string;
  line: number;
  motivation: string[];
  rows: SectionRow[];
  hasHeader: boolean;
}

export interface DocumentSections {
  ente: string | null;
  /** The text lines before the first area heading (the premessa), page furniture left out. */
  premessa: string[];
  /**
   * Lines read but placed nowhere: prose between an area's table rows (a footer the furniture rules
   * missed, a note) and table rows before the first area. The preview lists them.
   */
  unplaced: { line: number; text: string }[];
  areas: AreaSection[];
}

function closeArea(area: AreaSection | null): Step<null> {
  if (area === null || area.rows.length > 0) return { ok: true, value: null };
  const error = area.hasHeader
    ? planParseError('area_without_objectives', area.line, { area: area.heading })
    : planParseError('no_table', area.line, {});
  return { ok: false, error };
}

export function splitSections(lines: readonly SourceLine[]): Step<DocumentSections> {
  const texts = lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
  const furniture = pageFurniture(texts);
  const areas: AreaSection[] = [];
  const premessa: string[] = [];
  const unplaced: { line: number; text: string }[] = [];
  let current: AreaSection | null = null;
  let columns: ColumnKind[] | null = null;

  for (const line of lines) {
    if (line.kind === 'blank') continue;
    if (line.kind === 'text') {
      if (furniture.has(line.text)) continue;
      if (isAreaHeading(line.text)) {
        // The same heading again inside its own table is a running page header.
        if (current !== null && columns !== null && line.text === current.heading) continue;
        const closed = closeArea(current);
        if (!closed.ok) return closed;
        current = { heading: line.text, line: line.number, motivation: [], rows: [], hasHeader: false };
        areas.push(current);
        columns = null;
      } else if (current === null) {
        premessa.push(line.text);
      } else if (columns === null) {
        current.motivation.push(line.text);
      } else {
        unplaced.push({ line: line.number, text: line.text });
      }
      continue;
    }
    const header = recogniseHeader(line.cells);
    if (header !== null) {
      if (current === null)
        return { ok: false, error: planParseError('table_without_area', line.number, {}) };
      columns = header;
      current.hasHeader = true;
      continue;
    }
    // Tabbed lines before the first area belong to the premessa (e.g. a table of approving acts).
    if (current === null) {
      premessa.push(line.cells.join(' '));
      unplaced.push({ line: line.number, text: line.cells.join(' ') });
      continue;
    }
    if (columns === null)
      return { ok: false, error: planParseError('table_without_header', line.number, {}) };
    current.rows.push({ line: line.number, cells: line.cells, columns });
  }

  if (areas.length === 0) {
    const empty = texts.length === 0 && !lines.some((l) => l.kind === 'row');
    const error = empty ? planParseError('empty_input', null, {}) : planParseError('no_table', null, {});
    return { ok: false, error };
  }
  const closed = closeArea(current);
  if (!closed.ok) return closed;
  return { ok: true, value: { ente: findEnte(texts), premessa, unplaced, areas } };
}
