/**
 * Plan editing on the objective page, the plan's amendment register and its "what changed" view,
 * found by role and label as a person finds them.
 */
import type { Locator, Page } from 'playwright-core';
import { amendText, type AmendMessageKey } from './amend-texts.ts';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export class PlanAmendPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  a(key: AmendMessageKey, params: Record<string, string | number> = {}): string {
    return amendText(this.lang, key, params);
  }

  async gotoObjective(id: string): Promise<void> {
    await this.page.goto(`/obiettivi/${encodeURIComponent(id)}`);
    await this.controls.waitFor();
  }

  /** The objective page's "Modifiche al piano" section (only for who may amend). */
  get controls(): Locator {
    return this.main.getByRole('region', { name: this.a('amend.controlsTitle'), exact: true });
  }

  /** The open editing form, by its title. */
  form(title: AmendMessageKey, params: Record<string, string | number> = {}): Locator {
    return this.main.getByRole('form', { name: this.a(title, params), exact: true });
  }

  async openEditObjective(): Promise<Locator> {
    await this.controls.getByRole('button', { name: this.a('amend.editObjective'), exact: true }).click();
    const form = this.form('amend.editObjective');
    await form.waitFor();
    return form;
  }

  field(form: Locator, label: AmendMessageKey): Locator {
    // The label may carry "(obbligatorio)" after the field's name.
    return form.getByLabel(new RegExp(`^${escape(this.a(label))}(\\s*\\(.*\\))?$`));
  }

  async save(form: Locator): Promise<void> {
    await form.getByRole('button', { name: this.a('amend.save'), exact: true }).click();
  }

  /** The status line after a change is queued (it takes focus). */
  get savedNotice(): Locator {
    return this.controls.getByRole('status');
  }

  /** The objective page's own register section. */
  get objectiveRegister(): Locator {
    return this.main.getByRole('region', { name: this.a('amend.register.objectiveTitle'), exact: true });
  }

  async gotoRegister(planId: string, year: number): Promise<void> {
    await this.page.goto(`/piani/${encodeURIComponent(planId)}/variazioni`);
    await this.waitForTitle(this.a('amend.register.planTitle', { year }));
  }

  async gotoWhatChanged(planId: string): Promise<void> {
    await this.page.goto(`/piani/${encodeURIComponent(planId)}/cosa-cambia`);
    await this.waitForTitle(this.a('amend.changes.title'));
  }

  /** A register entry by the amendment's id. */
  entry(amendmentId: string): Locator {
    return this.main.locator(`[data-amendment-id="${amendmentId}"]`);
  }

  /** The "what changed" item of an entity. */
  change(entityId: string): Locator {
    return this.main.locator(`[data-entity-id="${entityId}"]`);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
