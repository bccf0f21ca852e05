/**
 * Bringing a plan in, end to end: the admin pastes the sample PIAO text, sees the preview (areas,
 * objectives with the removed and replaced ones and their motivations, the acts), saves it as a
 * draft, approves it; an officer's device then pulls the new plan and can select it. Also: the
 * 2022 plan, whose year is over, is shown as of 31/12/2022 with its notice. Phone-size pictures of
 * the preview and the selector: E2E_SCREENSHOTS=docs/screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phaseCounts } from '../../src/domain/deadlines.ts';
import { objectiveIsCounted } from '../../src/domain/weights.ts';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import { chromiumAvailable, ROOT, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { PlanImportPage, PlanPage, PlanSelector } from './pages/plan-import-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const SAMPLE = readFileSync(join(ROOT, 'test/fixtures/asola-piao-2022-performance.txt'), 'utf8');
const YEAR = 2025;
const TITLE = 'Piano della performance 2025 (prova di importazione)';
/** Phone pictures for docs/screenshots, only when asked (E2E_SCREENSHOTS=docs/screenshots). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

async function picture(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, name) });
}

async function signIn(page: Page, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username);
  await login.waitForSynced();
}

describe.skipIf(!chromiumAvailable)('plan import, approval and the plan selector', () => {
  const app = useE2eApp();

  it('the 2022 plan, its year over, is shown as of 31/12/2022 with the phases not completed', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'resp.persona');
    // The count the notice must give: the domain's buckets as of the year's last day.
    const rows = await pullAll(await apiLogin(app.server.origin, 'resp.persona'));
    const counted = new Set(
      rows
        .all('objective')
        .filter(objectiveIsCounted)
        .map((o) => o.id),
    );
    const counts = phaseCounts(
      rows.all('phase').filter((p) => counted.has(p.objectiveId)),
      '2022-12-31',
    );
    const open = counts.late + counts.inProgress + counts.notStarted + counts.blocked;
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    const notice = dashboard.t(open === 1 ? 'plan.yearClosed.one' : 'plan.yearClosed.other', {
      date: '31/12/2022',
      count: open,
    });
    await dashboard.main.getByText(notice, { exact: true }).waitFor();
    await dashboard.main.getByText(dashboard.t('dashboard.asOf', { date: '31 dic 2022' })).waitFor();
    // One plan on the device: no selector.
    expect(await new PlanSelector(page).select.count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('the admin previews the sample text, saves it as a draft and approves it; an officer selects it', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signIn(page, 'admin');
    const importPage = new PlanImportPage(page);
    await importPage.goto();

    // An unreadable text: the server's message, and the input kept.
    await importPage.fillText('nient’altro che una riga', YEAR, TITLE);
    await importPage.previewButton.click();
    await importPage.alert
      .filter({ hasText: importPage.pt('import.problem', { message: '' }).trim() })
      .waitFor();
    expect(await importPage.text.inputValue()).toBe('nient’altro che una riga');

    await importPage.fillText(SAMPLE, YEAR, TITLE);
    await importPage.showPreview();
    const areas = importPage.areaSections();
    expect(await areas.count()).toBe(3);
    const perArea: number[] = [];
    for (let i = 0; i < 3; i += 1) perArea.push(await areas.nth(i).locator('.import-objective').count());
    expect(perArea).toEqual([7, 7, 8]);
    // The removed and the replaced objective are marked, with their motivations.
    const removed = importPage.preview.locator('.import-objective', {
      has: page.getByText(importPage.pt('import.state.removed'), { exact: true }),
    });
    const replaced = importPage.preview.locator('.import-objective', {
      has: page.getByText(importPage.pt('import.state.replaced'), { exact: true }),
    });
    expect(await removed.count()).toBeGreaterThanOrEqual(1);
    expect(await replaced.count()).toBeGreaterThanOrEqual(1);
    expect(await removed.first().textContent()).toContain('Il Responsabile del Servizio ha proposto');
    expect(await replaced.first().textContent()).toContain('rinviare al prossimo anno');
    expect((await importPage.acts.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      'Giunta comunale n. 5 del 19 gen 2022',
      'Giunta comunale n. 15 del 9 feb 2022',
      'Giunta comunale n. 154 del 28 set 2022',
    ]);
    // The two phases the sample leaves without a deadline: warnings with their lines, not refusals
    // (imported as YEAR, its 2022 deadlines are each warned of too).
    await importPage.preview.locator('.import-warnings').waitFor();
    const undated = (await importPage.preview.locator('.import-warnings li').allTextContents())
      .map((w) => w.replace(/\s+/g, ' ').trim())
      .filter((w) => w.includes('senza scadenza'));
    expect(undated).toHaveLength(2);
    expect(undated[0]).toMatch(/^Riga \d+: .*SUAP.*obiettivo 7, fase 1: senza scadenza/);
    expect(undated[1]).toMatch(/^Riga \d+: .*amministrativi.*obiettivo 8, fase 1: senza scadenza/);
    expect(await importPage.preview.locator('.import-warnings li').count()).toBeGreaterThan(2);
    await expect(importPage.saveButton.count()).resolves.toBe(1);
    await picture(page, 'plan-import-preview.png');
    await importPage.preview.locator('.import-objective-marked').first().scrollIntoViewIfNeeded();
    await picture(page, 'plan-import-preview-marked.png');

    // Saved as a draft: the plan page of the new plan, selected, once the sync has brought it.
    await importPage.saveButton.click();
    const planPage = new PlanPage(page);
    await planPage.waitForTitle(TITLE);
    await planPage.waitForSynced();
    expect(await planPage.status.textContent()).toBe(planPage.t('plan.status.draft'));
    const selector = new PlanSelector(page);
    expect(await selector.selectedText()).toContain(TITLE);

    // Approved offline-first: queued, then synced, then the plan is approved.
    await planPage.approve('giunta', '12', `${YEAR}-01-31`);
    await planPage.main.getByText(planPage.pt('planPage.approveQueued')).waitFor();
    await planPage.waitForSynced();
    await planPage.status.filter({ hasText: planPage.t('plan.status.approved') }).waitFor();
    expect(errors).toEqual([]);

    // An officer's device pulls the new plan and can select it.
    const officer = await app.newPhone();
    const officerPage = await officer.newPage();
    const officerErrors = trackPageErrors(officerPage);
    await signIn(officerPage, 'istruttore.persona');
    const officerSelector = new PlanSelector(officerPage);
    await officerSelector.select.waitFor();
    const options = await officerSelector.options();
    expect(options).toHaveLength(2);
    expect(options[0]).toContain(TITLE);
    await officerSelector.choose('2022');
    const dashboard = new DashboardPage(officerPage);
    await dashboard.goto();
    await dashboard.main.locator('.year-closed', { hasText: '31/12/2022' }).waitFor();
    await officerSelector.choose(TITLE);
    await dashboard.main.locator('.lead', { hasText: TITLE }).waitFor();
    // 2025 is over too (on this machine's clock, or any later one): shown as of its own last day.
    await dashboard.main.locator('.year-closed', { hasText: '31/12/2025' }).waitFor();
    expect(await officerSelector.selectedText()).toContain(TITLE);
    await picture(officerPage, 'plan-selector.png');
    expect(officerErrors).toEqual([]);
  }, 240_000);
});
