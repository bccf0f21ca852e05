/**
 * The plan's Monitoraggio page and a snapshot's monitoring report, found by role and label as a
 * person finds them, with the monitoring catalog's words (src/client/i18n/mon-*.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { monEn } from '../../../src/client/i18n/mon-en.ts';
import { monIt, type MonMessageKey } from '../../../src/client/i18n/mon-it.ts';
import { AppShell } from './app-shell.ts';
import { escapeRegExp, type Lang } from './texts.ts';

const CATALOGS: Record<Lang, Record<MonMessageKey, string>> = { it: monIt, en: monEn };

export class MonitoringPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  m(key: MonMessageKey, params: Record<string, string | number> = {}): string {
    return CATALOGS[this.lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }

  async goto(planId: string): Promise<void> {
    await this.page.goto(`/piani/${encodeURIComponent(planId)}/monitoraggio`);
    await this.snapshotList.waitFor();
  }

  async gotoSnapshot(planId: string, snapshotId: string): Promise<void> {
    await this.page.goto(
      `/piani/${encodeURIComponent(planId)}/monitoraggio/${encodeURIComponent(snapshotId)}`,
    );
    await this.main.getByRole('heading', { level: 1 }).waitFor();
  }

  /** The region "Rilevazioni". */
  get snapshotList(): Locator {
    return this.main.getByRole('region', { name: this.m('mon.list.title'), exact: true });
  }

  snapshotItem(label: string): Locator {
    return this.snapshotList
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: label, exact: true }) });
  }

  form(title: string): Locator {
    return this.main.getByRole('form', { name: title, exact: true });
  }

  field(form: Locator, label: MonMessageKey): Locator {
    // The label may carry "(obbligatorio)" after the field's name.
    return form.getByLabel(new RegExp(`^${escapeRegExp(this.m(label))}(\\s*\\(.*\\))?$`));
  }

  button(key: MonMessageKey, params: Record<string, string | number> = {}): Locator {
    return this.main.getByRole('button', { name: this.m(key, params), exact: true });
  }

  /** The "Ente" row of the figures table, as its cells read. */
  async enteRow(): Promise<string[]> {
    // Its caption ends with the snapshot's date.
    const caption = new RegExp(`^${escapeRegExp(this.m('mon.report.summary', { date: '' }))}`);
    const table = this.main.getByRole('table', { name: caption });
    const row = table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: this.m('mon.report.ente'), exact: true }) });
    return (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
  }

  /** An objective's block in the report (its heading "Obiettivo n · title"). */
  objective(number: string, title: string): Locator {
    return this.main.getByRole('article').filter({
      has: this.page.getByRole('heading', {
        level: 3,
        name: this.m('mon.report.objective', { number, title }),
        exact: true,
      }),
    });
  }
}
