/**
 * The columns of a plan as a table (CSV or XLSX): the template a comune fills in, what the import
 * reads and what the export writes. One row per phase, and one per objective without phases; the
 * objective's own columns are read from its first row and may be left blank on the rows after it.
 *
 * A header cell is recognised by its Italian label, its English label or its key, whatever the case,
 * accents and spacing, so a sheet edited by hand still reads. Columns the import does not know are
 * ignored (an export's ids, status and percent among them).
 */
export const TABLE_COLUMNS = [
  { key: 'area', it: 'Area', en: 'Area', required: true },
  { key: 'area_motivation', it: 'Motivazione area', en: 'Area motivation', required: false },
  { key: 'objective_number', it: 'N. obiettivo', en: 'Objective no.', required: true },
  { key: 'objective_title', it: 'Obiettivo', en: 'Objective', required: true },
  { key: 'objective_indicator', it: 'Parametro di valutazione', en: 'Evaluation parameter', required: false },
  { key: 'objective_subjects', it: 'Soggetti coinvolti obiettivo', en: 'Objective offices', required: false },
  { key: 'state', it: 'Stato obiettivo', en: 'Objective state', required: false },
  { key: 'motivation', it: 'Motivazione', en: 'Motivation', required: false },
  { key: 'weight_head', it: 'Peso responsabile', en: 'Weight (head)', required: false },
  { key: 'weight_giunta', it: 'Peso Giunta', en: 'Weight (Giunta)', required: false },
  { key: 'weight_nucleo', it: 'Peso Nucleo', en: 'Weight (Nucleo)', required: false },
  { key: 'phase_number', it: 'N. fase', en: 'Phase no.', required: false },
  { key: 'phase_description', it: 'Fase', en: 'Phase', required: false },
  { key: 'phase_indicator', it: 'Indicatore fase', en: 'Phase indicator', required: false },
  { key: 'phase_subjects', it: 'Uffici coinvolti', en: 'Offices involved', required: false },
  { key: 'phase_weight', it: 'Peso fase', en: 'Phase weight', required: false },
  { key: 'phase_weight_unit', it: 'Unità peso fase', en: 'Phase weight unit', required: false },
  { key: 'deadline', it: 'Scadenza', en: 'Deadline', required: false },
] as const;

/** Written by the export after the columns above, ignored by the import. */
export const EXPORT_ONLY_COLUMNS = [
  { key: 'area_id', it: 'Id area', en: 'Area id' },
  { key: 'objective_id', it: 'Id obiettivo', en: 'Objective id' },
  { key: 'phase_id', it: 'Id fase', en: 'Phase id' },
  { key: 'status', it: 'Stato fase', en: 'Phase status' },
  { key: 'percent', it: 'Avanzamento %', en: 'Progress %' },
] as const;

export type TableColumnKey = (typeof TABLE_COLUMNS)[number]['key'];
export type ExportColumnKey = TableColumnKey | (typeof EXPORT_ONLY_COLUMNS)[number]['key'];

/** Lower case, no accents, one space: "  N.  Obiettivo " and "n. obiettivo" compare equal. */
export function foldHeader(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
}

const BY_FOLDED = new Map<string, TableColumnKey>(
  TABLE_COLUMNS.flatMap((c) => [c.it, c.en, c.key].map((label) => [foldHeader(label), c.key] as const)),
);

export function columnForHeader(cell: string): TableColumnKey | null {
  return BY_FOLDED.get(foldHeader(cell)) ?? null;
}

export function columnLabel(key: TableColumnKey, language: 'it' | 'en'): string {
  const column = TABLE_COLUMNS.find((c) => c.key === key);
  return column ? column[language] : key;
}

/** Objective states as the sheet writes them (Italian), and the codes they stand for. */
export const STATE_WORDS = {
  active: 'attivo',
  modified: 'modificato',
  replaced: 'sostituito',
  removed: 'stralciato',
} as const;
