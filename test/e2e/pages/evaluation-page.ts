/**
 * The Nucleo's evaluation on the objective page, the close of the year on the plan page and the
 * scores on the dashboard, found by role and label as a person finds them.
 */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import { evalText, type EvalMessageKey } from './eval-texts.ts';
import { escapeRegExp, type Lang } from './texts.ts';

export class EvaluationPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  e(key: EvalMessageKey, params: Record<string, string | number> = {}): string {
    return evalText(this.lang, key, params);
  }

  async gotoObjective(id: string): Promise<void> {
    await this.page.goto(`/obiettivi/${encodeURIComponent(id)}`);
    await this.section.waitFor();
  }

  async gotoPlan(id: string): Promise<void> {
    await this.page.goto(`/piani/${encodeURIComponent(id)}`);
    await this.cycle.waitFor();
  }

  /** The objective page's "Valutazione del Nucleo". */
  get section(): Locator {
    return this.main.getByRole('region', { name: this.e('eval.title'), exact: true });
  }

  /** The plan page's "Chiusura dell'anno". */
  get cycle(): Locator {
    return this.main.getByRole('region', { name: this.e('close.title'), exact: true });
  }

  /** The dashboard's or area page's "Punteggi del Nucleo". */
  get scores(): Locator {
    return this.main.getByRole('region', { name: this.e('scores.title'), exact: true });
  }

  /** "Piano chiuso" wherever a change could be made. */
  get lockedNotice(): Locator {
    return this.main.getByRole('note').filter({ hasText: this.e('locked.title') });
  }

  button(key: EvalMessageKey, params: Record<string, string | number> = {}): Locator {
    return this.main.getByRole('button', { name: this.e(key, params), exact: true });
  }

  form(title: EvalMessageKey, params: Record<string, string | number> = {}): Locator {
    return this.main.getByRole('form', { name: this.e(title, params), exact: true });
  }

  field(form: Locator, label: EvalMessageKey): Locator {
    // The label may carry "(obbligatorio)" after the field's name.
    return form.getByLabel(new RegExp(`^${escapeRegExp(this.e(label))}(\\s*\\(.*\\))?$`));
  }

  async save(form: Locator, label: EvalMessageKey = 'eval.save'): Promise<void> {
    await form.getByRole('button', { name: this.e(label), exact: true }).click();
  }

  /** The status line after a change is queued (it takes focus). */
  get savedNotice(): Locator {
    return this.section.getByRole('status');
  }

  /** The Nucleo's evaluation: opens the form, fills it (null: "non valutato"), saves. */
  async evaluate(percent: number | null, comment: string): Promise<void> {
    const edit = this.section.getByRole('button', {
      name: new RegExp(`^(${escapeRegExp(this.e('eval.edit'))}|${escapeRegExp(this.e('eval.editAgain'))})$`),
    });
    await edit.click();
    const form = this.form('eval.formTitle');
    await form.waitFor();
    const nv = form.getByLabel(this.e('eval.field.notEvaluated'));
    if (percent === null) await nv.check();
    else await this.field(form, 'eval.field.percent').fill(String(percent));
    await this.field(form, 'eval.field.comment').fill(comment);
    await this.save(form);
    await form.waitFor({ state: 'detached' });
  }

  /** The verdict line of a phase ("Fase 2 …"). */
  verdictItem(phaseNumber: number): Locator {
    return this.section.getByRole('listitem').filter({
      hasText: new RegExp(`^${escapeRegExp(this.e('eval.phaseLabel', { number: phaseNumber }))}\\b`),
    });
  }
}
