/** The dashboard (every area beside the whole plan) and an area's page (its objectives). */
import type { Locator, Page } from 'playwright-core';
import type { WeightSet } from '../../../src/domain/plan.ts';
import { AppShell } from './app-shell.ts';
import { readFigures, type ShownFigures } from './figures.ts';
import type { Lang } from './texts.ts';

abstract class WeightedPage extends AppShell {
  get weightSets(): Locator {
    return this.main.getByRole('group', { name: this.t('dashboard.weightSet') });
  }

  weightSetRadio(set: WeightSet): Locator {
    // Exact: the check mark drawn on the chosen option is not part of its name.
    return this.weightSets.getByRole('radio', { name: this.t(`dashboard.weightSet.${set}`), exact: true });
  }

  async chooseWeightSet(set: WeightSet): Promise<void> {
    await this.weightSetRadio(set).check();
  }

  async checkedWeightSet(): Promise<WeightSet | null> {
    for (const set of ['nucleo', 'giunta', 'head', 'equal'] as const) {
      if (await this.weightSetRadio(set).isChecked()) return set;
    }
    return null;
  }
}

export class DashboardPage extends WeightedPage {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/cruscotto');
    await this.waitForLoaded();
  }

  /** Opens the dashboard from the bottom navigation. */
  async open(): Promise<void> {
    await this.nav('nav.dashboard').click();
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.t('dashboard.title'));
    await this.areasRegion.waitFor();
  }

  get planSummary(): Locator {
    return this.main.getByRole('region', { name: this.t('dashboard.plan') });
  }

  get areasRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('dashboard.areas'), exact: true });
  }

  /** The card of an area (its listitem in "Aree"). */
  areaCard(name: string): Locator {
    return this.areasRegion
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  async areaNames(): Promise<string[]> {
    return this.areasRegion.getByRole('heading', { level: 3 }).allTextContents();
  }

  async planFigures(): Promise<ShownFigures> {
    return readFigures(this.planSummary, this.lang);
  }

  async areaFigures(name: string): Promise<ShownFigures> {
    return readFigures(this.areaCard(name), this.lang);
  }

  async openArea(name: string): Promise<AreaPage> {
    await this.areaCard(name).getByRole('link', { name, exact: true }).click();
    const area = new AreaPage(this.page, this.lang);
    await area.waitForLoaded(name);
    return area;
  }
}

export class AreaPage extends WeightedPage {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(id: string, name: string | RegExp): Promise<void> {
    await this.page.goto(`/cruscotto/aree/${encodeURIComponent(id)}`);
    await this.waitForLoaded(name);
  }

  async waitForLoaded(name: string | RegExp): Promise<void> {
    await this.waitForTitle(name);
    await this.objectivesRegion.waitFor();
  }

  /** The area's own progress block: the region "Avanzamento dell’area" / "Area progress". */
  get summary(): Locator {
    return this.main.getByRole('region', { name: this.t('dashboard.areaProgress'), exact: true });
  }

  get objectivesRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('dashboard.objectives'), exact: true });
  }

  get setAsideRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('dashboard.removed') });
  }

  objectiveCard(title: string): Locator {
    return this.objectivesRegion
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  setAsideCard(title: string): Locator {
    return this.setAsideRegion
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  async figures(): Promise<ShownFigures> {
    return readFigures(this.summary, this.lang);
  }

  async objectiveFigures(title: string): Promise<ShownFigures> {
    return readFigures(this.objectiveCard(title), this.lang);
  }

  async objectiveTitles(): Promise<string[]> {
    return this.objectivesRegion.getByRole('heading', { level: 3 }).allTextContents();
  }

  async setAsideTitles(): Promise<string[]> {
    if ((await this.setAsideRegion.count()) === 0) return [];
    return this.setAsideRegion.getByRole('heading', { level: 3 }).allTextContents();
  }

  async openObjective(title: string): Promise<void> {
    await this.objectiveCard(title).getByRole('link', { name: title, exact: true }).click();
  }
}
