/**
 * The acts a PIAO's premessa names ("deliberazione di Giunta Comunale n. 5 del 19/01/2022 e n. 15
 * del 09/02/2022, come recepite nella delibera di giunta comunale n. 154 del 28/09/2022") read into
 * the plan's `acts`, in the order the text names them, each once.
 *
 * A number without a body of its own ("e n. 15 del …") belongs to the body named last before it, the
 * way the sentence reads. Bodies are the codes of protocol Part 2 (`giunta`, `consiglio`, `sindaco`,
 * `dirigente`, `altro`), so an amendment's act and an approving act compare equal.
 */
import type { ApprovingAct } from '../plan.ts';
import { parseItalianDate } from './cell-values.ts';

export const ACT_BODIES = ['giunta', 'consiglio', 'sindaco', 'dirigente', 'altro'] as const;
export type ActBody = (typeof ACT_BODIES)[number];

const BODY_WORDS: readonly [RegExp, ActBody][] = [
  [/\bgiunta\b/giu, 'giunta'],
  [/\bconsiglio\b/giu, 'consiglio'],
  [/\b(?:decreto\s+(?:del\s+)?)?sindaco\b|\bsindacale\b/giu, 'sindaco'],
  [/\bdetermin\w*|\bdirigent\w*|\bresponsabile\b/giu, 'dirigente'],
];

// "n. 154 del 28/09/2022", "n.5 del 19.01.2022", "nr. 12/A in data 3/2/22", "numero 7 del …".
const NUMBER_AND_DATE =
  /\b(?:n\.|nr\.|n°|num\.|numero)\s*([0-9]+(?:[/-]?[A-Za-z0-9]+)?)\s+(?:del|in\s+data)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/giu;

interface BodyMention {
  at: number;
  body: ActBody;
}

function bodyMentions(text: string): BodyMention[] {
  const mentions: BodyMention[] = [];
  for (const [pattern, body] of BODY_WORDS) {
    for (const match of text.matchAll(pattern)) mentions.push({ at: match.index, body });
  }
  return mentions.sort((a, b) => a.at - b.at);
}

/** The acts named in the premessa's text lines; [] when it names none. */
export function actsInPremessa(lines: readonly string[]): ApprovingAct[] {
  // Joined with spaces: a sentence naming an act is often wrapped over two lines.
  const text = lines.join(' ');
  const bodies = bodyMentions(text);
  const acts: ApprovingAct[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(NUMBER_AND_DATE)) {
    const [, number = '', rawDate = ''] = match;
    const date = parseItalianDate(rawDate);
    if (date === null) continue;
    const before = bodies.filter((m) => m.at < match.index);
    const body = before.at(-1)?.body ?? 'altro';
    const key = `${body}|${number}|${date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    acts.push({ body, number, date });
  }
  return acts;
}
