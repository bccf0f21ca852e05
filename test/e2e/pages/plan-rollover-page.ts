/** The rollover form on an approved or closed plan's page ("Riporta al nuovo anno"). */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { planText, type PlanMessageKey } from './plan-texts.ts';
import type { Lang } from './texts.ts';

export class RolloverForm extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  pt(key: PlanMessageKey, params: Record<string, string | number> = {}): string {
    return planText(this.lang, key, params);
  }

  async goto(planId: string): Promise<void> {
    await this.page.goto(`/piani/${encodeURIComponent(planId)}`);
    await this.region.getByRole('button', { name: this.pt('rollover.submit') }).waitFor();
    // The objectives come from the device's own live query, a moment after the form: until then the
    // form says it is loading and has no area to count.
    await this.region.getByRole('group').first().waitFor();
  }

  get region(): Locator {
    return this.main.getByRole('region', { name: this.pt('rollover.title'), exact: true });
  }

  get year(): Locator {
    return this.region.getByLabel(this.pt('rollover.year'), { exact: true });
  }

  get title(): Locator {
    return this.region.getByLabel(this.pt('rollover.titleField'), { exact: true });
  }

  /** The fieldset of an area, named by its legend. */
  area(name: string): Locator {
    return this.region.getByRole('group', { name, exact: true });
  }

  async chooseNone(area: string): Promise<void> {
    await this.area(area)
      .getByRole('button', { name: this.pt('rollover.noneLabel', { area }), exact: true })
      .click();
  }

  objective(area: string, number: string, title: string): Locator {
    return this.area(area).getByRole('checkbox', {
      name: this.pt('rollover.objective', { number, title }),
      exact: true,
    });
  }

  get submit(): Locator {
    return this.region.getByRole('button', { name: this.pt('rollover.submit') });
  }
}
