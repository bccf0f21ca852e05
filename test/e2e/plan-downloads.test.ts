/**
 * The plan page's downloads, in Chromium, as the viewer (every role that sees the plan may export it):
 * the plan with its progress as CSV and XLSX, and its open data for Amministrazione Trasparente
 * (docs/open-data.md). Each button hands over a real file named by the server, read back here.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OPEN_DATA_COLUMNS } from '../../src/server/plan-exchange/open-data.ts';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { PlanPage } from './pages/plan-import-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

describe.skipIf(!chromiumAvailable)('the plan page’s downloads', () => {
  const app = useE2eApp();

  it('gives the viewer the plan as CSV and XLSX and its open data as CSV', async () => {
    const viewer = await apiLogin(app.server.origin, 'lettore');
    const server = await pullAll(viewer, 2);
    const plan = server.all('plan').find((p) => p.year === 2022);
    if (!plan) throw new Error('no 2022 plan in the demo');
    const areaIds = new Set(
      server
        .all('area')
        .filter((a) => a.planId === plan.id)
        .map((a) => a.id),
    );
    const objectives = server.all('objective').filter((o) => areaIds.has(o.areaId));

    const context = await app.newPhone({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('lettore');
    await login.waitForSynced();
    await page.goto(app.url(`/piani/${encodeURIComponent(plan.id)}`));
    const view = new PlanPage(page);
    await view.exportButton('openData').waitFor();

    const csv = await view.download('csv');
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = (await readFile(await csv.path())).toString('utf8');
    // Quoted as CSV quotes them: an inner " doubled.
    for (const o of objectives.slice(0, 3))
      expect(csvText).toContain(o.title.replaceAll('"', '""').slice(0, 40));

    const xlsx = await view.download('xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX is a ZIP archive: "PK\x03\x04".
    expect([...(await readFile(await xlsx.path())).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    const open = await view.download('openData');
    expect(open.suggestedFilename()).toBe('dati-aperti-performance-2022.csv');
    const lines = (await readFile(await open.path())).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_COLUMNS.join(','));
    // One row per objective of the plan, removed and replaced ones included.
    expect(lines).toHaveLength(objectives.length + 1);
    await page
      .getByRole('status')
      .filter({ hasText: view.pt('planPage.exported') })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
