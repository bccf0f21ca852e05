/**
 * The admin's plan import (text or file, preview, save as draft), a plan's page (export, approval)
 * and the plan selector at the top of every page.
 */
import type { Download, Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { planText, type PlanMessageKey } from './plan-texts.ts';
import { escapeRegExp, type Lang } from './texts.ts';

abstract class PlanShell extends AppShell {
  pt(key: PlanMessageKey, params: Record<string, string | number> = {}): string {
    return planText(this.lang, key, params);
  }
}

/** The labelled select of the plans the user may see (absent with one plan). */
export class PlanSelector extends AppShell {
  get select(): Locator {
    return this.main.getByLabel(this.t('plan.selectorLabel'), { exact: true });
  }

  /** The options' texts, in order. */
  async options(): Promise<string[]> {
    return (await this.select.locator('option').allTextContents()).map((s) => s.trim());
  }

  async selectedText(): Promise<string> {
    return (await this.select.locator('option:checked').textContent())?.trim() ?? '';
  }

  /** Chooses the plan whose option contains `title`. */
  async choose(title: string): Promise<void> {
    const option = (await this.options()).find((o) => o.includes(title));
    if (!option) throw new Error(`no plan option with "${title}"`);
    await this.select.selectOption({ label: option });
  }
}

export class PlanImportPage extends PlanShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/amministrazione/importa-piano');
    await this.waitForTitle(this.t('plan.importTab'));
  }

  get text(): Locator {
    return this.main.getByLabel(this.pt('import.text'));
  }

  get year(): Locator {
    return this.main.getByLabel(this.pt('import.year'));
  }

  get title(): Locator {
    return this.main.getByLabel(this.pt('import.title'));
  }

  get previewButton(): Locator {
    return this.main.getByRole('button', { name: this.pt('import.preview'), exact: true });
  }

  get saveButton(): Locator {
    return this.main.getByRole('button', { name: this.pt('import.save') });
  }

  get alert(): Locator {
    return this.main.getByRole('alert');
  }

  /** The preview's region ("Anteprima: <title> (<year>)"). */
  get preview(): Locator {
    const prefix = this.pt('import.previewTitle').split('{title}')[0] ?? '';
    return this.main.getByRole('region', { name: new RegExp(`^${escapeRegExp(prefix)}`) });
  }

  /** Each area of the preview: its name and its objectives' cards. */
  areaSections(): Locator {
    return this.preview.getByRole('region', { name: this.pt('import.areas') }).getByRole('region');
  }

  get acts(): Locator {
    return this.preview.getByRole('region', { name: this.pt('import.acts') }).getByRole('listitem');
  }

  async fillText(content: string, year: number, title?: string): Promise<void> {
    await this.text.fill(content);
    await this.year.fill(String(year));
    if (title !== undefined) await this.title.fill(title);
  }

  async showPreview(): Promise<void> {
    await this.previewButton.click();
    await this.preview.waitFor();
  }
}

export class PlanPage extends PlanShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  get status(): Locator {
    return this.main.locator('.plan-facts .badge');
  }

  get approveRegion(): Locator {
    return this.main.getByRole('region', { name: this.pt('planPage.approveTitle') });
  }

  async approve(body: string, number: string, date: string): Promise<void> {
    await this.approveRegion.getByLabel(this.pt('planPage.actBody')).selectOption(body);
    await this.approveRegion.getByLabel(this.pt('planPage.actNumber')).fill(number);
    await this.approveRegion.getByLabel(this.pt('planPage.actDate')).fill(date);
    await this.approveRegion.getByRole('button', { name: this.pt('planPage.approve') }).click();
  }

  exportButton(file: 'csv' | 'xlsx' | 'openData'): Locator {
    const key = {
      csv: 'planPage.exportCsv',
      xlsx: 'planPage.exportXlsx',
      openData: 'planPage.openDataCsv',
    } as const;
    return this.main.getByRole('button', { name: this.pt(key[file]) });
  }

  /** Clicks one of the plan's downloads and resolves with it. */
  async download(file: 'csv' | 'xlsx' | 'openData'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportButton(file).click(),
    ]);
    return download;
  }
}
