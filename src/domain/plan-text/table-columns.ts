/**
 * Recognising a table header row and mapping each column to what it holds, by header text rather
 * than by position: every area of a PIAO brings its own table with 9, 10 or 11 columns.
 */

export type ColumnKind =
  | 'number'
  | 'title'
  | 'indicator'
  | 'subjects'
  | 'phaseNumber'
  | 'phaseWeight'
  | 'description'
  | 'deadline'
  | 'weightHead'
  | 'weightGiunta'
  | 'weightNucleo'
  | 'other';
export type FieldKind = Exclude<ColumnKind, 'other'>;

function normalise(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

function weightKind(h: string): ColumnKind {
  if (/nucleo|\boiv\b|\bndv\b/.test(h)) return 'weightNucleo';
  if (/giunta/.test(h)) return 'weightGiunta';
  if (/\bfas[ei]\b/.test(h)) return 'phaseWeight';
  return 'weightHead';
}

/** The kind of one header cell; 'other' for columns the importer has no use for. */
export function columnKind(header: string): ColumnKind {
  const h = normalise(header);
  if (/^(n|nr|num|numero|no|n°)$/.test(h) || /^n[.°]? ?(obiettivo|ob)$/.test(h)) return 'number';
  if (/\bpeso\b|\bpesi\b|\bpesatura\b/.test(h)) return weightKind(h);
  if (/^(n[.°]? ?)?fas[ei]$/.test(h)) return 'phaseNumber';
  if (/obiettiv/.test(h) && !/\bfas[ei]\b/.test(h)) return 'title';
  if (/parametr|indicator/.test(h)) return 'indicator';
  if (/soggett|coinvolt|uffici|struttur/.test(h)) return 'subjects';
  if (/descrizion|attivita/.test(h)) return 'description';
  if (/scadenz|termine|tempistic|entro/.test(h)) return 'deadline';
  return 'other';
}

/** Header cells are labels; a longer cell is data that happens to contain a label word. */
const MAX_HEADER_CELL = 60;
const STRUCTURE_KINDS: readonly ColumnKind[] = ['number', 'phaseNumber', 'description', 'deadline'];

/**
 * The columns of a header row, or null when the row is not a header. A header names the objective
 * column and at least three more known columns, one of which gives the table its structure; a later
 * duplicate of a kind is ignored so each field reads from one column.
 */
export function recogniseHeader(cells: readonly string[]): ColumnKind[] | null {
  const seen = new Set<ColumnKind>();
  const kinds = cells.map((cell): ColumnKind => {
    const kind = cell === '' || cell.length > MAX_HEADER_CELL ? 'other' : columnKind(cell);
    if (kind === 'other' || seen.has(kind)) return 'other';
    seen.add(kind);
    return kind;
  });
  if (!seen.has('title') || seen.size < 4) return null;
  if (!STRUCTURE_KINDS.some((k) => seen.has(k))) return null;
  return kinds;
}
