/**
 * The area page's progress chart and the dashboard's comparison with a monitoring snapshot, read as a
 * user meets them (roles and names from the chart catalog, src/client/i18n/chart-*.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { chartEn } from '../../../src/client/i18n/chart-en.ts';
import { chartIt, type ChartMessageKey } from '../../../src/client/i18n/chart-it.ts';
import { escapeRegExp, type Lang } from './texts.ts';

const CATALOGS: Record<Lang, Record<ChartMessageKey, string>> = { it: chartIt, en: chartEn };

/** A chart message with its placeholders filled (numbers as plain digits). */
export function chartText(
  lang: Lang,
  key: ChartMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

const percentOf = (cell: string): number | null => {
  const match = /(\d+)\s*%/.exec(cell);
  return match ? Number(match[1]) : null;
};

export class ProgressChart {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'it',
  ) {}

  get region(): Locator {
    return this.page.getByRole('main').getByRole('region', { name: chartText(this.lang, 'chart.title') });
  }

  /** The chart itself: an image whose name is the summary sentence. */
  get image(): Locator {
    return this.region.getByRole('img').and(this.region.locator('svg.chart-svg'));
  }

  async summary(): Promise<string | null> {
    return this.image.getAttribute('aria-label');
  }

  /** Opens "Mostra i dati in tabella" and reads each row: date, progress, expected. */
  async rows(): Promise<{ date: string; progress: number | null; expected: number | null }[]> {
    const details = this.region.locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
      await this.region.getByText(chartText(this.lang, 'chart.showTable'), { exact: true }).click();
    const rows = this.region.getByRole('table').locator('tbody tr');
    const out: { date: string; progress: number | null; expected: number | null }[] = [];
    for (const row of await rows.all()) {
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      out.push({
        date: cells[0] ?? '',
        progress: percentOf(cells[1] ?? ''),
        expected: percentOf(cells[2] ?? ''),
      });
    }
    return out;
  }
}

export class SnapshotComparison {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'it',
  ) {}

  get select(): Locator {
    return this.page.getByRole('main').getByLabel(chartText(this.lang, 'compare.label'), { exact: true });
  }

  async choose(label: string | RegExp): Promise<void> {
    // The select shows once the snapshots are read (its chunk and a live query).
    await this.select.waitFor();
    const options = await this.select.locator('option').allTextContents();
    const wanted = options.find((o) => (typeof label === 'string' ? o === label : label.test(o)));
    if (wanted === undefined)
      throw new Error(`no snapshot option ${String(label)} in ${options.join(' | ')}`);
    await this.select.selectOption({ label: wanted });
  }

  /** The then and now of an area (or of the ente: `compare.plan`), as shown. */
  async figures(name: string): Promise<{ then: number | null; now: number | null; text: string }> {
    const row = this.page
      .getByRole('main')
      .locator('.compare-row')
      .filter({ hasText: new RegExp(`^${escapeRegExp(name)}:`) });
    await row.waitFor();
    const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const then = new RegExp(`\\b${escapeRegExp(chartText(this.lang, 'compare.then'))} (\\d+)\\s*%`).exec(
      text,
    );
    const now = new RegExp(`\\b${escapeRegExp(chartText(this.lang, 'compare.now'))} (\\d+)\\s*%`).exec(text);
    return { then: then ? Number(then[1]) : null, now: now ? Number(now[1]) : null, text };
  }
}
