/**
 * Rolling a plan over and the CSV upload of the import page, end to end. The admin rolls the 2022
 * plan over to the next year (the form's default) with two objectives of "Servizi alla persona" and
 * one of another area: the new draft is selected and its three objectives have their deadlines moved
 * into the new year. Then a CSV built here is uploaded through the file input, previewed and saved
 * as a draft. Phone picture of the form: E2E_SCREENSHOTS=docs/screenshots.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { objectiveIsCounted } from '../../src/domain/weights.ts';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { ObjectivePage } from './pages/objective-page.ts';
import { PlanImportPage, PlanPage, PlanSelector } from './pages/plan-import-page.ts';
import { RolloverForm } from './pages/plan-rollover-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const PERSONA = 'Servizi alla persona';
/** The app's dates ("31 mar 2023"), as translate.ts formats them. */
const shownDate = new Intl.DateTimeFormat('it', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

async function signIn(page: Page, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username);
  await login.waitForSynced();
}

describe.skipIf(!chromiumAvailable)('plan rollover and the CSV upload', () => {
  const app = useE2eApp();

  it('the admin rolls the 2022 plan over with three chosen objectives; the draft is selected', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'admin');
    const admin = await apiLogin(app.server.origin, 'admin');
    const before = await pullAll(admin, 2);
    const source = before.all('plan').find((p) => p.year === 2022);
    if (!source) throw new Error('no 2022 plan in the demo');
    const areas = before
      .all('area')
      .filter((a) => a.planId === source.id)
      .sort((a, b) => a.position - b.position);
    const persona = areas.find((a) => a.name === PERSONA);
    const other = areas.find((a) => a.name !== PERSONA);
    if (!persona || !other) throw new Error('the 2022 plan lacks its areas');
    const counted = (areaId: string) =>
      before
        .all('objective')
        .filter((o) => o.areaId === areaId && objectiveIsCounted(o))
        .sort((a, b) => a.number.localeCompare(b.number, 'it', { numeric: true }));
    const chosen = [...counted(persona.id).slice(0, 2), ...counted(other.id).slice(0, 1)];
    expect(chosen).toHaveLength(3);

    const form = new RolloverForm(page);
    await form.goto(source.id);
    // Next year, or this year once that is later (the demo's 2022 is long over on this clock).
    const year = Math.max(2023, new Date().getFullYear());
    expect(await form.year.inputValue()).toBe(String(year));
    // The objectives that count start checked; a removed or replaced one is shown, not selectable.
    const personaArea = form.area(PERSONA);
    expect(await personaArea.getByRole('checkbox', { checked: true }).count()).toBe(
      counted(persona.id).length,
    );
    const notCarried = before
      .all('objective')
      .filter((o) => o.areaId === persona.id && !objectiveIsCounted(o));
    for (const o of notCarried)
      expect(await form.objective(PERSONA, o.number, o.title).isDisabled()).toBe(true);
    if (SCREENSHOTS) {
      // An area's checkboxes with a removed objective, disabled, saying why.
      await form.region
        .locator('.rollover-not-carried')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: join(SCREENSHOTS, 'plan-rollover-form.png') });
    }

    for (const area of areas) await form.chooseNone(area.name);
    expect(await form.region.getByRole('checkbox', { checked: true }).count()).toBe(0);
    for (const o of chosen) {
      const area = o.areaId === persona.id ? PERSONA : other.name;
      await form.objective(area, o.number, o.title).check();
    }
    const title = `Piano della performance ${year} (riportato)`;
    await form.title.fill(title);
    await form.submit.click();

    // The new draft's page, selected, once the sync has brought it.
    const planPage = new PlanPage(page);
    await planPage.waitForTitle(title);
    await planPage.waitForSynced();
    expect(await planPage.status.textContent()).toBe(planPage.t('plan.status.draft'));
    expect(await new PlanSelector(page).selectedText()).toContain(title);

    const after = await pullAll(admin, 2);
    const draft = after.all('plan').find((p) => p.title === title);
    if (!draft) throw new Error('the draft is not on the server');
    expect(draft.year).toBe(year);
    const draftAreas = new Set(
      after
        .all('area')
        .filter((a) => a.planId === draft.id)
        .map((a) => a.id),
    );
    const carried = after.all('objective').filter((o) => draftAreas.has(o.areaId));
    expect(carried.map((o) => o.title).sort()).toEqual(chosen.map((o) => o.title).sort());
    // Each carried objective's phases on the device, their deadlines in the new year (moved by the
    // years between: the same day and month as in 2022).
    const objectivePage = new ObjectivePage(page);
    for (const o of carried) {
      const original = chosen.find((c) => c.title === o.title);
      const moved = after.all('phase').filter((p) => p.objectiveId === o.id && p.deadline);
      const was = before.all('phase').filter((p) => p.objectiveId === original?.id && p.deadline);
      expect(moved.length).toBeGreaterThan(0);
      expect(moved.map((p) => p.deadline?.slice(5)).sort()).toEqual(
        was
          .filter((p) => p.status !== 'cancelled')
          .map((p) => p.deadline?.slice(5))
          .sort(),
      );
      await objectivePage.goto(o.id);
      for (const p of moved) {
        expect(p.deadline?.slice(0, 4)).toBe(String(year));
        const label = objectivePage.t('phase.deadlineOn', {
          date: shownDate.format(Date.parse(`${p.deadline ?? ''}T00:00:00Z`)),
        });
        expect(await objectivePage.phasesRegion.getByText(label).count()).toBeGreaterThan(0);
      }
    }
    expect(errors).toEqual([]);
  }, 240_000);

  it('the admin uploads a CSV built here, sees the preview and saves it as a draft', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'admin');
    const importPage = new PlanImportPage(page);
    await importPage.goto();
    const csv = [
      'Area;N. obiettivo;Obiettivo;Fase;Scadenza',
      'Servizi alla persona;1;Sportello unico per le famiglie;Apertura dello sportello;31/03/2027',
      'Servizi alla persona;1;Sportello unico per le famiglie;Prima relazione sugli accessi;30/09/2027',
    ].join('\n');
    await importPage.main.getByLabel(importPage.pt('import.source.file'), { exact: true }).check();
    await importPage.main
      .getByLabel(importPage.pt('import.file'))
      .setInputFiles({ name: 'piano.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await importPage.main.getByText(importPage.pt('import.fileChosen', { name: 'piano.csv' })).waitFor();
    const title = 'Piano della performance 2027 (da CSV)';
    await importPage.year.fill('2027');
    await importPage.title.fill(title);
    await importPage.showPreview();
    const areas = importPage.areaSections();
    expect(await areas.count()).toBe(1);
    const preview = (await importPage.preview.textContent()) ?? '';
    expect(preview).toContain('Sportello unico per le famiglie');
    expect(preview).toContain(importPage.pt('import.summary', { areas: 1, objectives: 1, phases: 2 }));

    await importPage.saveButton.click();
    const planPage = new PlanPage(page);
    await planPage.waitForTitle(title);
    await planPage.waitForSynced();
    expect(await planPage.status.textContent()).toBe(planPage.t('plan.status.draft'));
    expect(await new PlanSelector(page).selectedText()).toContain(title);
    expect(errors).toEqual([]);
  }, 180_000);
});
