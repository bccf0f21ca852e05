/**
 * How text becomes search terms, on both sides of the index (what is indexed and what is typed):
 * accents and case folded as the device's search always did ("attivita" finds "attività",
 * "SUAP" finds "suap"), words split at anything that is not a letter or a digit ("dell’atto" is
 * "dell" and "atto"), words of one character dropped (articles and conjunctions: "e", "a", "è").
 * Pure.
 */

/** Lower case without accents, so "attivita" finds "attività". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The distinct terms of a text, in order of first appearance. */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of foldForSearch(text).split(SEPARATORS)) if (word.length > 1) terms.add(word);
  return [...terms];
}
