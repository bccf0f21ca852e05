/**
 * The plan's files in the browser, both ways: the admin downloads the 2022 plan as CSV and as XLSX
 * from its page and uploads each file in the import page; the preview reads back the plan's areas
 * and, area by area, as many objectives as the server holds. The CSV and XLSX templates read back
 * as their one area, objective and phase; a CSV with a weight no one can read is refused with its row
 * and column named once, and no plan is saved. A head typing the import page's
 * address gets the reserved-page notice and the browser sends no admin request.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { adminText } from './pages/admin-texts.ts';
import { LoginPage } from './pages/login-page.ts';
import { PlanImportPage, PlanPage } from './pages/plan-import-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const THIS_YEAR = new Date().getFullYear();

describe.skipIf(!chromiumAvailable)(
  'the plan’s CSV and XLSX, downloaded and read back in the browser',
  () => {
    const app = useE2eApp();

    it('the import preview of each exported file has the plan’s areas and objectives', async () => {
      const server = await pullAll(await apiLogin(app.server.origin, 'admin'), 2);
      const plan = server.all('plan').find((p) => p.year === 2022);
      if (!plan) throw new Error('no 2022 plan in the demo');
      const areas = server.all('area').filter((a) => a.planId === plan.id);
      expect(areas.length).toBeGreaterThan(0);
      const objectivesPerArea = new Map(
        areas.map((a) => [a.name, server.all('objective').filter((o) => o.areaId === a.id).length]),
      );

      const context = await app.newPhone({ acceptDownloads: true });
      const page = await context.newPage();
      const errors = trackPageErrors(page);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn('admin');
      await login.waitForSynced();

      for (const kind of ['csv', 'xlsx'] as const) {
        await page.goto(app.url(`/piani/${encodeURIComponent(plan.id)}`));
        const view = new PlanPage(page);
        await view.exportButton(kind).waitFor();
        const download = await view.download(kind);
        expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${kind}$`));
        const file = await download.path();

        const importPage = new PlanImportPage(page);
        await importPage.goto();
        await importPage.main.getByLabel(importPage.pt('import.source.file')).check();
        await importPage.main.getByLabel(importPage.pt('import.file')).setInputFiles({
          name: `piano-2022.${kind}`,
          mimeType:
            kind === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: await readFile(file),
        });
        await importPage.main
          .getByText(importPage.pt('import.fileChosen', { name: `piano-2022.${kind}` }))
          .waitFor();
        await importPage.year.fill('2031');
        await importPage.showPreview();
        const sections = importPage.areaSections();
        expect(await sections.count()).toBe(areas.length);
        const read = new Map<string, number>();
        for (let i = 0; i < areas.length; i += 1) {
          const section = sections.nth(i);
          // The heading is the area's name followed by its count ("… 7 obiettivi").
          const heading = (await section.getByRole('heading').first().textContent())?.trim() ?? '';
          const name = areas.map((a) => a.name).find((n) => heading.startsWith(n)) ?? heading;
          read.set(name, await section.locator('.import-objective').count());
        }
        expect(read, kind).toEqual(objectivesPerArea);
      }
      expect(errors).toEqual([]);
    }, 120_000);

    it('the templates read back in the preview; a broken file names its row and column and saves nothing', async () => {
      const context = await app.newPhone({ acceptDownloads: true });
      const page = await context.newPage();
      const errors = trackPageErrors(page);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn('admin');
      await login.waitForSynced();
      const importPage = new PlanImportPage(page);
      const upload = async (name: string, buffer: Buffer, year = THIS_YEAR): Promise<void> => {
        await importPage.main.getByLabel(importPage.pt('import.source.file')).check();
        await importPage.main.getByLabel(importPage.pt('import.file')).setInputFiles({
          name,
          mimeType: name.endsWith('.csv')
            ? 'text/csv'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer,
        });
        await importPage.main.getByText(importPage.pt('import.fileChosen', { name })).waitFor();
        await importPage.year.fill(String(year));
      };
      let csvTemplate = '';
      for (const kind of ['csv', 'xlsx'] as const) {
        await importPage.goto();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          importPage.main
            .getByRole('button', {
              name: importPage.pt(kind === 'csv' ? 'import.templateCsv' : 'import.templateXlsx'),
            })
            .click(),
        ]);
        expect(download.suggestedFilename()).toBe(`modello-piano.${kind}`);
        const buffer = await readFile(await download.path());
        if (kind === 'csv') csvTemplate = buffer.toString('utf8');
        await upload(`modello.${kind}`, buffer);
        await importPage.showPreview();
        // The template's one area and objective, with its two phases, and nothing to warn of.
        expect(await importPage.areaSections().count(), kind).toBe(1);
        const objective = importPage.preview.locator('.import-objective');
        expect(await objective.count(), kind).toBe(1);
        expect(await objective.textContent(), kind).toContain('Digitalizzazione delle iscrizioni');
        await importPage.preview
          .getByRole('heading', { name: importPage.pt('import.warnings', { count: 0 }) })
          .waitFor();
      }

      // Phase weights that do not add up, and a deadline in another year: warnings, not refusals.
      await importPage.goto();
      const uneven = csvTemplate.replace(/;50;%;/g, (m, offset: number) =>
        offset === csvTemplate.lastIndexOf(';50;%;') ? ';30;%;' : m,
      );
      await upload('pesi.csv', Buffer.from(uneven, 'utf8'), THIS_YEAR + 1);
      await importPage.showPreview();
      const warnings = importPage.preview.getByRole('heading', {
        name: importPage.pt('import.warnings', { count: 3 }),
      });
      await warnings.waitFor();
      const warningText = (await importPage.preview.locator('.import-warnings').textContent()) ?? '';
      expect(warningText).toContain('sommano a 80%');
      expect(warningText).toContain(`fuori dall'anno ${THIS_YEAR + 1}`);
      await expect(importPage.saveButton.count()).resolves.toBe(1);

      // A phase weight no one can read: refused with the row and the column, nothing saved.
      expect(csvTemplate).toContain(';50;%;');
      const plansBefore = (await pullAll(await apiLogin(app.server.origin, 'admin'), 2)).all('plan').length;
      await importPage.goto();
      await upload('rotto.csv', Buffer.from(csvTemplate.replace(';50;%;', ';cinquanta;%;'), 'utf8'), 2032);
      await importPage.previewButton.click();
      const alert = importPage.alert.filter({
        hasText: importPage.pt('import.problem', { message: '' }).trim(),
      });
      await alert.waitFor();
      const message = (await alert.textContent()) ?? '';
      // Named once, the way a spreadsheet names it, not again in brackets.
      expect(message).toContain('riga 2, colonna P (Peso fase)');
      expect(message).not.toContain('(colonna');
      await expect(importPage.preview.count()).resolves.toBe(0);
      await expect(importPage.saveButton.count()).resolves.toBe(0);
      const plansAfter = (await pullAll(await apiLogin(app.server.origin, 'admin'), 2)).all('plan').length;
      expect(plansAfter).toBe(plansBefore);
      expect(errors).toEqual([]);
    }, 90_000);

    it('a head at the import page’s address gets the reserved-page notice and no admin request', async () => {
      const phone = await app.newPhone();
      const page = await phone.newPage();
      const adminRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/admin/')) adminRequests.push(r.url());
      });
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn('resp.persona');
      await login.nav('nav.home').first().waitFor();
      await page.goto('/amministrazione/importa-piano');
      await login.waitForTitle(adminText('it', 'admin.reserved'));
      await expect(page.getByRole('textbox').count()).resolves.toBe(0);
      await expect(page.locator('input[type="file"]').count()).resolves.toBe(0);
      expect(adminRequests).toEqual([]);
    }, 60_000);
  },
);
