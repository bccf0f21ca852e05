/** Search over objectives, phases and notes, on the device (works offline). */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { pattern, type Lang } from './texts.ts';

export class SearchPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(query ? `/cerca?q=${encodeURIComponent(query)}` : '/cerca');
    await this.waitForTitle(this.t('search.title'));
    await this.searchBox.waitFor();
  }

  get searchBox(): Locator {
    return this.main.getByRole('searchbox', { name: this.t('search.label') });
  }

  /** "N risultati" / "Nessun risultato per «…»". */
  get resultCount(): Locator {
    return this.main.getByRole('status').filter({ hasText: /\S/ });
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.main
      .getByRole('status')
      .filter({
        hasText: new RegExp(
          `${pattern(this.lang, 'search.results.one').source}|${pattern(this.lang, 'search.results.other').source}|${pattern(this.lang, 'search.none').source}`,
        ),
      })
      .waitFor();
  }

  get resultLinks(): Locator {
    return this.main.getByRole('listitem').getByRole('link');
  }
}
