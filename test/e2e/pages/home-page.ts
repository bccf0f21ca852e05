/** "Il mio lavoro": late, due soon and in progress phases of the user's areas, and the search box. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export class HomePage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.t('home.title'));
    await this.section('home.inProgress').waitFor();
  }

  section(key: 'home.late' | 'home.dueSoon' | 'home.inProgress'): Locator {
    return this.main.getByRole('region', { name: new RegExp(`^${this.t(key)}\\s*\\d+$`) });
  }

  /** The phase cards of a section. */
  phaseCards(key: 'home.late' | 'home.dueSoon' | 'home.inProgress'): Locator {
    return this.section(key).getByRole('article');
  }

  get searchBox(): Locator {
    return this.main.getByRole('searchbox', { name: this.t('search.label') });
  }
}
