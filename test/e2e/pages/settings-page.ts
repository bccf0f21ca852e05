/** Settings: language, storage, account, version. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { text, type Lang } from './texts.ts';

export class SettingsPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/impostazioni');
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.t('settings.title'));
  }

  get languageSelect(): Locator {
    return this.main.getByLabel(this.t('settings.languageLabel'));
  }

  get storageState(): Locator {
    return this.main.getByRole('region', { name: this.t('settings.storage') }).getByRole('status');
  }

  /** Switches the app's language; returns the page object in the new language once the page shows it. */
  async setLanguage(lang: Lang): Promise<SettingsPage> {
    await this.languageSelect.selectOption(lang);
    const next = new SettingsPage(this.page, lang);
    await next.main.getByRole('heading', { level: 1, name: text(lang, 'settings.title') }).waitFor();
    return next;
  }
}
