/** The admin's audit trail (/amministrazione/registro). */
import type { Download, Locator, Page } from 'playwright-core';
import { adminText, type AdminMessageKey } from './admin-texts.ts';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export class AdminAuditPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  a(key: AdminMessageKey, params: Record<string, string | number> = {}): string {
    return adminText(this.lang, key, params);
  }

  async goto(): Promise<void> {
    await this.page.goto('/amministrazione/registro');
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.a('admin.audit.pageTitle'));
    await this.table.waitFor();
  }

  get table(): Locator {
    return this.main.getByRole('table');
  }

  /** The rows of the table body whose text matches. */
  rows(hasText: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText });
  }

  async filterByUser(name: string): Promise<void> {
    await this.main.getByLabel(this.a('admin.audit.user')).selectOption({ label: name });
    await this.main.getByRole('button', { name: this.a('admin.audit.apply'), exact: true }).click();
  }

  /** Clicks "Esporta CSV" and resolves with the download. */
  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.main.getByRole('button', { name: this.a('admin.audit.export') }).click(),
    ]);
    return download;
  }
}
