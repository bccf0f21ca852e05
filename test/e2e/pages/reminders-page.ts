/**
 * The reminders as a user meets them: the "Promemoria" region of Il mio lavoro, the count on the
 * "Il mio lavoro" navigation item, and the "Promemoria" section of Impostazioni. Found by role,
 * accessible name and the app's catalogs, so it reads the same in both languages.
 */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { remindersEn } from '../../../src/client/i18n/reminders-en.ts';
import { remindersIt, type ReminderSettingsMessageKey } from '../../../src/client/i18n/reminders-it.ts';
import { escapeRegExp, text, type Lang } from './texts.ts';

const SETTINGS_CATALOGS: Record<Lang, Record<ReminderSettingsMessageKey, string>> = {
  it: remindersIt,
  en: remindersEn,
};

/** A message of Impostazioni › Promemoria (its own catalog) with its placeholders filled. */
export function reminderSettingsText(
  lang: Lang,
  key: ReminderSettingsMessageKey,
  params: Record<string, string | number> = {},
): string {
  return SETTINGS_CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export class RemindersPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  /** The region "Promemoria N" on Il mio lavoro. */
  get region(): Locator {
    return this.main.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(this.t('reminders.title'))}\\s*\\d+$`),
    });
  }

  get summary(): Locator {
    return this.region.locator('.reminders-summary');
  }

  /** The phases listed, as links (their titles). */
  get items(): Locator {
    return this.region.getByRole('list', { name: this.t('reminders.listLabel') }).getByRole('listitem');
  }

  async itemTitles(): Promise<string[]> {
    return this.items.getByRole('link').allTextContents();
  }

  /** The count in the region's heading. */
  async count(): Promise<number> {
    const name = (await this.region.getByRole('heading', { level: 2 }).textContent()) ?? '';
    return Number(/(\d+)\s*$/.exec(name)?.[1] ?? NaN);
  }

  /** The "Il mio lavoro" link of the visible navigation, whatever its badge says. */
  get homeLink(): Locator {
    return this.page
      .getByRole('navigation', { name: this.t('nav.label') })
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(this.t('nav.home'))}`) })
      .first();
  }

  /** The link's accessible name, e.g. "Il mio lavoro (3 promemoria)". */
  async homeLinkName(): Promise<string> {
    return (await this.homeLink.evaluate((a) => a.textContent ?? '')).replace(/\s+/g, ' ').trim();
  }

  expectedLinkName(count: number): string {
    if (count === 0) return this.t('nav.home');
    const words = text(this.lang, count === 1 ? 'reminders.badge.one' : 'reminders.badge.other', { count });
    // The digits are aria-hidden; their text is there too, so textContent reads "Il mio lavoro3 (3 …)".
    return `${this.t('nav.home')}${count > 99 ? '99+' : count} (${words})`;
  }

  // Impostazioni › Promemoria

  st(key: ReminderSettingsMessageKey, params: Record<string, string | number> = {}): string {
    return reminderSettingsText(this.lang, key, params);
  }

  get settingsSection(): Locator {
    return this.main.getByRole('region', { name: this.st('settings.reminders'), exact: true });
  }

  get enabledBox(): Locator {
    return this.settingsSection.getByRole('checkbox', { name: this.st('settings.remindersEnabled') });
  }

  get notifyBox(): Locator {
    return this.settingsSection.getByRole('checkbox', { name: this.st('settings.reminderNotify') });
  }

  get daysField(): Locator {
    return this.settingsSection.getByRole('textbox', { name: this.st('settings.reminderDays') });
  }

  get saveDays(): Locator {
    return this.settingsSection.getByRole('button', { name: this.st('settings.reminderDaysSave') });
  }

  async setDays(days: string): Promise<void> {
    await this.daysField.fill(days);
    await this.saveDays.click();
  }
}
