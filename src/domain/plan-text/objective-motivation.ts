/**
 * Where an objective's state and motivation come from: a marker in its title cell
 * ("(progetto sostituito)", "(progetto modificato)", with the reason possibly written after it),
 * a bullet of the area's motivation that starts "obiettivo N", and for a changed objective with no
 * reason of its own, the area's motivation as a whole.
 */
import type { ObjectiveState } from '../plan.ts';

const MARKER =
  /\(\s*(?:progetto|obiettivo)?\s*(sostituit[oa]|modificat[oa]|stralciat[oa]|eliminat[oa]|soppress[oa]|rimoss[oa])\s*\)/i;
const BULLET = /^(?:[-–—•*·✓✔]\s*)+/u;
const OBJECTIVE_REFERENCE = /^obiettivo\s+(?:n\.?\s*)?(\d+[a-z]?)\b/i;

export interface TitleReading {
  title: string;
  state: ObjectiveState | null;
  motivation: string | null;
}

function stateOf(word: string): ObjectiveState {
  const w = word.toLowerCase();
  if (w.startsWith('sostituit')) return 'replaced';
  if (w.startsWith('modificat')) return 'modified';
  return 'removed';
}

/** The title without its state marker, the state the marker gives, and the text after the marker. */
export function readTitle(cell: string): TitleReading {
  const match = MARKER.exec(cell);
  if (!match) return { title: cell, state: null, motivation: null };
  const before = cell.slice(0, match.index).replace(/[\s:,;–—-]+$/, '');
  const after = cell
    .slice(match.index + match[0].length)
    .replace(/^[\s:,;.–—-]+/, '')
    .trim();
  return { title: before, state: stateOf(match[1] ?? ''), motivation: after === '' ? null : after };
}

/** Bullets of the area's motivation that name an objective, by objective number. */
export function motivationsByObjective(paragraphs: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const paragraph of paragraphs) {
    const text = paragraph.replace(BULLET, '').trim();
    const number = OBJECTIVE_REFERENCE.exec(text)?.[1];
    if (number === undefined) continue;
    const reason = text.replace(/;$/, '').trim();
    const earlier = found.get(number);
    found.set(number, earlier === undefined ? reason : `${earlier}\n${reason}`);
  }
  return found;
}

/** Specific reasons first (title cell, then bullet); a changed objective falls back to the area's. */
export function objectiveMotivation(
  state: ObjectiveState,
  fromTitle: string | null,
  fromBullet: string | undefined,
  areaMotivation: string | null,
): string | null {
  const specific = [fromTitle, fromBullet].filter((m): m is string => m !== null && m !== undefined);
  if (specific.length > 0) return specific.join('\n');
  return state === 'active' ? null : areaMotivation;
}
