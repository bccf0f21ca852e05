/**
 * An import's content, whatever its format, read into a ParsedPlan with the preview's warnings, or
 * the one problem that makes it unreadable with where it is (line for text, row and column for
 * CSV/XLSX) in Italian and English. Pure but for the lazy loading of the spreadsheet libraries.
 */
import { readPlanTable } from '../../domain/plan-table/read-plan-table.ts';
import { parsePlanText, unplacedLines } from '../../domain/plan-text/parse-plan-text.ts';
import type { ParsedPlan } from '../../domain/plan-text/parsed-plan.ts';
import { planWarnings, type PlanWarning } from '../../domain/plan-warnings.ts';
import { rowsFromCsv, rowsFromXlsx } from './plan-files.ts';

export type ImportFormat = 'text' | 'csv' | 'xlsx';

export interface ContentProblem {
  message: string;
  messageEn: string;
  line?: number;
  row?: number;
  column?: string;
}

export type ContentRead =
  { ok: true; plan: ParsedPlan; warnings: PlanWarning[] } | { ok: false; problem: ContentProblem };

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** `year`: the plan's year, so the warnings name deadlines of other years. */
export async function readPlanContent(
  format: ImportFormat,
  content: string,
  year?: number,
): Promise<ContentRead> {
  if (format === 'text') {
    const result = parsePlanText(content);
    if (!result.ok) {
      const { message, messageEn, line } = result.error;
      return { ok: false, problem: { message, messageEn, ...(line === null ? {} : { line }) } };
    }
    const unplaced: PlanWarning[] = unplacedLines(content).map(({ line, text }) => ({
      code: 'line_not_placed',
      line,
      message: `riga ${line}: non collocata in nessun obiettivo o fase, ignorata: «${clip(text)}»`,
      messageEn: `line ${line}: not placed in any objective or phase, left out: “${clip(text)}”`,
    }));
    const warnings = [...planWarnings(result.plan, year), ...unplaced].sort((a, b) => a.line - b.line);
    return { ok: true, plan: result.plan, warnings };
  }
  let file;
  if (format === 'csv') file = await rowsFromCsv(content);
  else if (!BASE64.test(content))
    file = {
      ok: false as const,
      row: null,
      message: 'il contenuto XLSX deve essere il file in base64',
      messageEn: 'the XLSX content must be the file in base64',
    };
  else file = await rowsFromXlsx(Buffer.from(content, 'base64'));
  if (!file.ok) {
    const { message, messageEn, row } = file;
    return { ok: false, problem: { message, messageEn, ...(row === null ? {} : { row }) } };
  }
  const table = readPlanTable(file.rows);
  if (!table.ok) {
    const { message, messageEn, row, column } = table.error;
    return {
      ok: false,
      problem: {
        message,
        messageEn,
        ...(row === null ? {} : { row }),
        ...(column === null ? {} : { column }),
      },
    };
  }
  return { ok: true, plan: table.plan, warnings: planWarnings(table.plan, year) };
}
