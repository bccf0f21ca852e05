/**
 * Area headings ("PIANO DEGLI OBIETTIVI MODIFICATO PER AREA SERVIZIO SUAP URP E RISORSE UMANE") and
 * the area name derived from them. Headings come in capitals in these documents, so the name is
 * rebuilt in sentence case, keeping short all-capital words (SUAP, URP, CED) as acronyms.
 */

const STOP_WORDS = new Set(
  (
    'a ad al allo alla ai agli alle anche che col con da dal dallo dalla dai dagli dalle dei degli delle ' +
    'del dello della di e ed fra gli i il in l la le lo nei negli nel nella nelle nello o od per sui ' +
    'sugli sul sulla sulle sullo su tra un una uno'
  ).split(' '),
);

const MAX_HEADING = 160;
const MAX_ACRONYM = 4;

function letters(text: string): string {
  return text.replace(/[^\p{L}]/gu, '');
}

function isUpperCase(text: string): boolean {
  const l = letters(text);
  return l.length > 0 && l === l.toLocaleUpperCase('it');
}

/** True for a line that opens an area section. */
export function isAreaHeading(text: string): boolean {
  if (text.length > MAX_HEADING || /^[-–•*✓]/.test(text)) return false;
  if (isUpperCase(text)) return /(^|[^\p{L}])AREA([^\p{L}]|$)/u.test(text);
  return /^(piano|modifica|obiettivi)\b/i.test(text) && /\barea\b/i.test(text) && !/[.;:]$/.test(text);
}

function wordCase(word: string, first: boolean): string {
  const lower = word.toLocaleLowerCase('it');
  const l = letters(word);
  const isStopWord = STOP_WORDS.has(lower) || word.includes("'") || word.includes('’');
  if (!isStopWord && l.length > 0 && l.length <= MAX_ACRONYM && l === l.toLocaleUpperCase('it')) return word;
  if (!first) return lower;
  return lower.charAt(0).toLocaleUpperCase('it') + lower.slice(1);
}

/** The area name: the heading's text after its last "AREA", in sentence case. */
export function areaNameFromHeading(heading: string): string {
  const matches = [...heading.matchAll(/(^|[^\p{L}])area(?=[^\p{L}]|$)/giu)];
  const last = matches.at(-1);
  let tail = heading;
  if (last !== undefined) {
    const after = heading.slice((last.index ?? 0) + last[0].length);
    const before = heading.slice(0, last.index ?? 0);
    tail = /\p{L}/u.test(after) ? after : /\p{L}/u.test(before) ? before : heading;
  }
  const words = tail
    .replace(/^[\s:–—-]+|[\s:.;–—-]+$/g, '')
    .replace(/^["“«]|["”»]$/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  return words.map((w, i) => wordCase(w, i === 0)).join(' ');
}

const ENTE = /^(citt[àa]'?|comune|unione dei comuni)\s+(di|del|della|dei)\s+\S.*$/i;
const LOCAL_AUTHORITY =
  /^(citt[àa]'?|comune|provincia|regione|unione( dei comuni)?|comunit[àa]( montana)?)\s+(di|del|della|dei|delle|degli|dell'|d')\s*[^.;:]{1,50}$/i;
const PAGE_NUMBER = /^(pag(ina|\.)?\s*)?\d+(\s*(di|\/)\s*\d+)?$|^[-–]\s*\d+\s*[-–]$/i;
const MAX_ENTE = 80;
const MAX_REPEATED = 60;

/** The first line that names the comune ("Città di Asola", "Comune di Prova"), if any. */
export function findEnte(lines: readonly string[]): string | null {
  return lines.find((line) => line.length <= MAX_ENTE && ENTE.test(line)) ?? null;
}

/**
 * Page furniture: the letterhead lines, page numbers, and any short line repeated in the text
 * (a header or footer printed on every page). Area headings are never furniture.
 */
export function pageFurniture(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const furniture = new Set<string>();
  for (const [line, count] of counts) {
    if (isAreaHeading(line)) continue;
    // A short line said twice is a page header, unless it introduces something (ends with ':').
    const repeated = count > 1 && line.length <= MAX_REPEATED && !line.endsWith(':');
    if (repeated || LOCAL_AUTHORITY.test(line) || PAGE_NUMBER.test(line)) furniture.add(line);
  }
  return furniture;
}
