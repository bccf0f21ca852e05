/**
 * Tokenising: the pasted text into numbered lines, table rows into cells, and cell text into clean
 * plain text. Word/PDF copies arrive with any line ending, a BOM, non-breaking spaces, `<i>` tags
 * and markdown-style bold markers; none of that is content.
 */

export type SourceLine =
  | { kind: 'blank'; number: number }
  | { kind: 'text'; number: number; text: string }
  | { kind: 'row'; number: number; cells: string[] };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Plain text of a cell or paragraph: tags and bold markers gone, entities decoded, spaces collapsed. */
export function cleanText(raw: string): string {
  return raw
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim();
}

/** Lines regardless of CRLF, LF or lone CR endings, without a leading BOM. */
function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}

/**
 * A line is a table row when it has at least two tabs, or one tab between two non-empty parts: a
 * paragraph indented with a single tab stays prose.
 */
function rowCells(line: string): string[] | null {
  const parts = line.split('\t');
  if (parts.length < 2) return null;
  if (parts.length === 2 && (parts[0]?.trim() === '' || parts[1]?.trim() === '')) return null;
  return parts.map(cleanText);
}

export function tokenise(text: string): SourceLine[] {
  return splitLines(text).map((raw, index): SourceLine => {
    const number = index + 1;
    const cells = rowCells(raw);
    if (cells !== null) {
      return cells.every((c) => c === '') ? { kind: 'blank', number } : { kind: 'row', number, cells };
    }
    const clean = cleanText(raw);
    return clean === '' ? { kind: 'blank', number } : { kind: 'text', number, text: clean };
  });
}
