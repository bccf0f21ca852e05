/**
 * What can make a plan table unreadable, with its row (1-based, as a spreadsheet numbers it) and
 * column (its letter) and the message in Italian and English, single-line so a CLI or an HTTP answer
 * can carry it as is.
 */
export type TableErrorCode =
  | 'empty_table'
  | 'no_header'
  | 'missing_column'
  | 'area_without_name'
  | 'objective_without_number'
  | 'objective_without_title'
  | 'invalid_state'
  | 'invalid_weight'
  | 'invalid_weight_unit'
  | 'invalid_phase_number'
  | 'invalid_deadline'
  | 'duplicate_phase_number';

export interface TableReadError {
  code: TableErrorCode;
  row: number | null;
  /** The column's letter ("F"), null when the problem is the whole row or table. */
  column: string | null;
  message: string;
  messageEn: string;
}

const MAX_QUOTED = 60;
function quote(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return `"${flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat}"`;
}

type Params = { value?: string; label?: string };
const TEXTS: Record<TableErrorCode, { it: (p: Params) => string; en: (p: Params) => string }> = {
  empty_table: { it: () => 'il file non contiene righe', en: () => 'the file has no rows' },
  no_header: {
    it: () =>
      'manca la riga di intestazione (colonne "Area", "N. obiettivo", "Obiettivo", …: vedi il modello)',
    en: () => 'the header row is missing (columns "Area", "N. obiettivo", "Obiettivo", …: see the template)',
  },
  missing_column: {
    it: (p) => `manca la colonna ${quote(p.label ?? '')}`,
    en: (p) => `the column ${quote(p.label ?? '')} is missing`,
  },
  area_without_name: { it: () => "manca il nome dell'area", en: () => 'the area name is missing' },
  objective_without_number: {
    it: () => 'obiettivo senza numero',
    en: () => 'objective without a number',
  },
  objective_without_title: {
    it: (p) => `obiettivo ${quote(p.value ?? '')} senza titolo`,
    en: (p) => `objective ${quote(p.value ?? '')} has no title`,
  },
  invalid_state: {
    it: (p) => `stato non valido ${quote(p.value ?? '')} (attivo, modificato, sostituito o stralciato)`,
    en: (p) => `invalid state ${quote(p.value ?? '')} (attivo, modificato, sostituito or stralciato)`,
  },
  invalid_weight: {
    it: (p) => `peso non valido ${quote(p.value ?? '')}`,
    en: (p) => `invalid weight ${quote(p.value ?? '')}`,
  },
  invalid_weight_unit: {
    it: (p) => `unità di peso non valida ${quote(p.value ?? '')} (% o punti)`,
    en: (p) => `invalid weight unit ${quote(p.value ?? '')} (% or punti)`,
  },
  invalid_phase_number: {
    it: (p) => `numero di fase non valido ${quote(p.value ?? '')}`,
    en: (p) => `invalid phase number ${quote(p.value ?? '')}`,
  },
  invalid_deadline: {
    it: (p) => `scadenza non valida ${quote(p.value ?? '')} (attesa una data gg/mm/aaaa)`,
    en: (p) => `invalid deadline ${quote(p.value ?? '')} (expected a dd/mm/yyyy date)`,
  },
  duplicate_phase_number: {
    it: (p) => `la fase ${quote(p.value ?? '')} compare due volte nello stesso obiettivo`,
    en: (p) => `phase ${quote(p.value ?? '')} appears twice in the same objective`,
  },
};

/** "A" for column 0, "Z" for 25, "AA" for 26, as spreadsheets name them. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function tableError(
  code: TableErrorCode,
  row: number | null,
  column: { index: number; label: string } | null,
  params: Params = {},
): TableReadError {
  const where = (rowWord: string, columnWord: string) =>
    [
      row === null ? null : `${rowWord} ${row}`,
      column === null ? null : `${columnWord} ${columnLetter(column.index)} (${column.label})`,
    ]
      .filter((part) => part !== null)
      .join(', ');
  const prefix = (text: string) => (text === '' ? '' : `${text}: `);
  return {
    code,
    row,
    column: column === null ? null : columnLetter(column.index),
    message: prefix(where('riga', 'colonna')) + TEXTS[code].it(params),
    messageEn: prefix(where('row', 'column')) + TEXTS[code].en(params),
  };
}
