/**
 * Error construction and the Italian/English message catalogue. Messages are single-line by
 * construction (quoted values are whitespace-collapsed and shortened) so a CLI can print them as is.
 */
import type { PlanParseErrorCode, PlanParseErrorOf, PlanParseErrorParamsByCode } from './parsed-plan.ts';

export type PlanParseLanguage = 'it' | 'en';

type Catalogue = { [C in PlanParseErrorCode]: (params: PlanParseErrorParamsByCode[C]) => string };

const MAX_QUOTED = 60;

function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat}"`;
}

const ITALIAN: Catalogue = {
  empty_input: () => 'il testo è vuoto',
  no_table: () =>
    'nessuna tabella degli obiettivi trovata (manca una riga di intestazione con colonne come "N.", "Obiettivo", "Fase", "Scadenza")',
  table_without_area: () =>
    'tabella degli obiettivi senza titolo d\'area prima (atteso un titolo come "PIANO DEGLI OBIETTIVI AREA …")',
  table_without_header: () => 'riga di tabella prima dell\'intestazione della tabella ("N.", "Obiettivo", …)',
  area_without_objectives: (p) => `nessun obiettivo trovato per l'area ${quote(p.area)}`,
  objective_without_title: (p) => `obiettivo ${quote(p.number)} senza titolo`,
  objective_without_number: (p) => `riga con il titolo ${quote(p.title)} ma senza numero di obiettivo`,
  phase_before_objective: () => 'fase prima di qualsiasi obiettivo',
  invalid_date: (p) => `data non valida ${quote(p.value)}`,
  invalid_deadline: (p) => `scadenza non riconosciuta ${quote(p.value)} (attesa una data gg/mm/aaaa)`,
  invalid_weight: (p) => `peso non valido ${quote(p.value)}`,
  invalid_phase_number: (p) => `numero di fase non valido ${quote(p.value)}`,
  too_many_cells: (p) => `la riga ha ${p.cells} celle compilate ma la tabella ha ${p.columns} colonne`,
};

const ENGLISH: Catalogue = {
  empty_input: () => 'the text is empty',
  no_table: () =>
    'no objectives table found (missing a header row with columns such as "N.", "Obiettivo", "Fase", "Scadenza")',
  table_without_area: () =>
    'objectives table without an area heading before it (expected a heading like "PIANO DEGLI OBIETTIVI AREA …")',
  table_without_header: () => 'table row before the table header ("N.", "Obiettivo", …)',
  area_without_objectives: (p) => `no objectives found for area ${quote(p.area)}`,
  objective_without_title: (p) => `objective ${quote(p.number)} has no title`,
  objective_without_number: (p) => `row with title ${quote(p.title)} but no objective number`,
  phase_before_objective: () => 'phase before any objective',
  invalid_date: (p) => `invalid date ${quote(p.value)}`,
  invalid_deadline: (p) => `unrecognised deadline ${quote(p.value)} (expected a dd/mm/yyyy date)`,
  invalid_weight: (p) => `invalid weight ${quote(p.value)}`,
  invalid_phase_number: (p) => `invalid phase number ${quote(p.value)}`,
  too_many_cells: (p) => `the row has ${p.cells} filled cells but the table has ${p.columns} columns`,
};

const CATALOGUES: Record<PlanParseLanguage, Catalogue> = { it: ITALIAN, en: ENGLISH };
const LINE_WORD: Record<PlanParseLanguage, string> = { it: 'riga', en: 'line' };

/** The message for an error code in a language, with the "riga N: " / "line N: " prefix when known. */
export function describePlanParseError<C extends PlanParseErrorCode>(
  code: C,
  params: PlanParseErrorParamsByCode[C],
  line: number | null,
  language: PlanParseLanguage,
): string {
  const format: (p: PlanParseErrorParamsByCode[C]) => string = CATALOGUES[language][code];
  const text = format(params);
  return line === null ? text : `${LINE_WORD[language]} ${line}: ${text}`;
}

export function planParseError<C extends PlanParseErrorCode>(
  code: C,
  line: number | null,
  params: PlanParseErrorParamsByCode[C],
): PlanParseErrorOf<C> {
  return {
    code,
    line,
    params,
    message: describePlanParseError(code, params, line, 'it'),
    messageEn: describePlanParseError(code, params, line, 'en'),
  };
}
