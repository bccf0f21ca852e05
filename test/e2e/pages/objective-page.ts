/** An objective: its progress, weights, phases (with quick controls) and notes. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { readFigures, type ShownFigures } from './figures.ts';
import { escapeRegExp, type Lang } from './texts.ts';

export class ObjectivePage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/obiettivi/${encodeURIComponent(id)}`);
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.phasesRegion.waitFor();
  }

  get phasesRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('objective.phases'), exact: true });
  }

  get notesRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('notes.title'), exact: true });
  }

  /** The phase cards, in order. */
  get phaseCards(): Locator {
    return this.phasesRegion.getByRole('article');
  }

  async figures(): Promise<ShownFigures> {
    // The objective's own progress paragraph comes before the phases; no counts list of its own.
    const prefix = escapeRegExp(this.t('progress.actual', { value: '' }).trim());
    return readFigures(
      this.main
        .getByRole('paragraph')
        .filter({ hasText: new RegExp(`^${prefix}`) })
        .first(),
      this.lang,
    );
  }

  async openPhase(title: string): Promise<void> {
    await this.phasesRegion.getByRole('link', { name: title, exact: true }).click();
  }
}
