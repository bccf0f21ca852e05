/** The evidence pack of an objective (/obiettivi/<id>/evidenze): its entries, photos, print. */
import type { Locator, Page } from 'playwright-core';
import { evidenceEn } from '../../../src/client/i18n/evidence-en.ts';
import { evidenceIt, type EvidenceMessageKey } from '../../../src/client/i18n/evidence-it.ts';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

const CATALOGS: Record<Lang, Record<EvidenceMessageKey, string>> = { it: evidenceIt, en: evidenceEn };

/** An evidence message with its placeholders filled (numbers as plain digits). */
export function evidenceText(
  lang: Lang,
  key: EvidenceMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface ShownEntry {
  kind: string;
  at: string;
  text: string;
}

export class EvidencePackPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(objectiveId: string): Promise<void> {
    await this.page.goto(`/obiettivi/${encodeURIComponent(objectiveId)}/evidenze`);
    await this.timeline.waitFor();
  }

  /** The objective page's link to the pack. */
  get evidenceLink(): Locator {
    return this.main.getByRole('link', { name: CATALOGS[this.lang]['evidence.link'], exact: true });
  }

  get timeline(): Locator {
    return this.main.getByRole('region', {
      name: new RegExp(`^${CATALOGS[this.lang]['evidence.timeline']}`),
    });
  }

  get entries(): Locator {
    return this.timeline.locator('li.evidence-entry');
  }

  /** Every entry as shown, in the page's order: its kind, its time's datetime, its words. */
  async shownEntries(): Promise<ShownEntry[]> {
    return this.entries.evaluateAll((items) =>
      items.map((li) => ({
        kind: li.getAttribute('data-kind') ?? '',
        at: li.querySelector('time')?.getAttribute('datetime') ?? '',
        text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** The photos of the note whose text holds `text` (their alt text names the author and the time). */
  notePhotos(text: string): Locator {
    return this.entries.filter({ hasText: text }).getByRole('img');
  }
}
