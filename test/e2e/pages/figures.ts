/**
 * Reads the figures a progress block shows — "Avanzamento 19% · atteso 100% (indietro di 81 punti)"
 * and the phase counts "2 completate · 0 in corso · 12 in ritardo · …" — back into numbers, in either
 * language, so tests compare them with the domain calculations.
 */
import type { Locator } from 'playwright-core';
import type { PhaseCounts } from '../../../src/domain/deadlines.ts';
import { source, text, type Lang } from './texts.ts';

export interface ShownFigures {
  /** The actual progress as shown (an integer percent), or null when "non valutato". */
  actual: number | null;
  /** The expected progress as shown, or null when not shown. */
  expected: number | null;
  /** The gap in points as said in words: negative behind, positive ahead, 0 on track; null if absent. */
  gap: number | null;
  /** The phase counts shown, by bucket (blocked only when shown; cancelled is never shown). */
  counts: Partial<PhaseCounts>;
  /** The block's whole text, for failure messages. */
  text: string;
}

const COUNT_KEYS = ['done', 'inProgress', 'late', 'notStarted', 'blocked', 'cancelled'] as const;

function normalise(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

function percentIn(lang: Lang, key: 'progress.actual' | 'progress.expected', block: string): number | null {
  const match = new RegExp(source(lang, key, { value: '(\\d+)\\s*%' })).exec(block);
  return match ? Number(match[1]) : null;
}

function gapIn(lang: Lang, block: string): number | null {
  const behind = new RegExp(source(lang, 'progress.behind', { value: '(\\d+)' })).exec(block);
  if (behind) return -Number(behind[1]);
  const ahead = new RegExp(source(lang, 'progress.ahead', { value: '(\\d+)' })).exec(block);
  if (ahead) return Number(ahead[1]);
  return block.includes(text(lang, 'progress.onTrack')) ? 0 : null;
}

/**
 * The figures of one block: `container` holds one progress text and one counts list (a dashboard
 * area card, the plan summary, an objective card).
 */
export async function readFigures(container: Locator, lang: Lang): Promise<ShownFigures> {
  const block = normalise(await container.textContent());
  const counts: Partial<PhaseCounts> = {};
  const items = await container.getByRole('list').last().getByRole('listitem').allTextContents();
  for (const item of items) {
    const match = /^(\d+)\s+(.+)$/.exec(normalise(item));
    const key = match && COUNT_KEYS.find((k) => text(lang, `dashboard.count.${k}`) === match[2]);
    if (!match || !key) throw new Error(`unexpected count item "${item}" in: ${block}`);
    counts[key] = Number(match[1]);
  }
  const actual = percentIn(lang, 'progress.actual', block);
  return {
    actual,
    expected: percentIn(lang, 'progress.expected', block),
    gap: gapIn(lang, block),
    counts,
    text: block,
  };
}
