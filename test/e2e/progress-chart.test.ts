/**
 * Progress over time and the dashboard compared with a monitoring snapshot, in Chromium on a phone,
 * against the real server and the demo's 2022 plan (seen as of 31/12/2022). The admin takes a
 * snapshot through the server (snapshot.take) and then finishes a phase of one area; the admin's
 * device syncs. The area page shows its chart, with a table alternative whose last row is the area's
 * progress on the dashboard; the dashboard's comparison with that snapshot shows then and now
 * differing for that area. Both pages pass axe (WCAG 2.1 A/AA) in Italian and English, the table open.
 * E2E_SCREENSHOTS saves phone pictures.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { objectiveIsCounted } from '../../src/domain/weights.ts';
import { apiLogin, pullAll, pushAs, pushV2, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { chartText, ProgressChart, SnapshotComparison } from './pages/progress-chart.ts';
import { SettingsPage } from './pages/settings-page.ts';
import type { Lang } from './pages/texts.ts';
import { audit } from './pages/axe-audit.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const LABEL = 'Monitoraggio di giugno';

/** A phone picture of one part of the page (the whole area page is too long to look at). */
async function shot(part: Locator, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await part.screenshot({ path: join(dir, `${name}.png`) });
}

describe.skipIf(!chromiumAvailable)('progress over time and the comparison with a snapshot', () => {
  const app = useE2eApp();
  let area: Row<'area'>;

  beforeAll(async () => {
    const admin = await apiLogin(app.server.origin, 'admin');
    const server = await pullAll(admin, 2);
    const plan = server.all('plan').find((p) => p.year === 2022 || p.years.includes(2022));
    if (!plan) throw new Error('no 2022 plan in the demo');
    const areas = server
      .all('area')
      .filter((a) => a.planId === plan.id)
      .sort((a, b) => a.position - b.position);
    const counted = new Set(
      server
        .all('objective')
        .filter(objectiveIsCounted)
        .map((o) => o.id),
    );
    // The first area with an open phase of a counting objective: finishing it moves the area.
    const open = server
      .all('phase')
      .filter((p) => counted.has(p.objectiveId) && (p.status === 'not_started' || p.status === 'in_progress'))
      .filter((p) => p.weight === null || p.weight > 0)
      .sort((a, b) => a.id.localeCompare(b.id));
    const found = areas
      .map((a) => ({ a, phase: open.find((p) => p.areaId === a.id) }))
      .find((x) => x.phase !== undefined);
    if (!found?.phase) throw new Error('no open phase in the 2022 plan');
    area = found.a;
    const taken = await pushV2(admin, [
      {
        name: 'snapshot.take',
        args: { snapshotId: randomUUID(), planId: plan.id, asOf: '2022-06-30', label: LABEL },
      },
    ]);
    expect(taken).toEqual(['applied']);
    const phase = found.phase;
    const pushed = await pushAs(admin, [
      { name: 'phase.setStatus', args: { phaseId: phase.id, from: phase.status, to: 'done' } },
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied']);
  });

  async function check(page: Page, lang: Lang): Promise<string[]> {
    const dashboard = new DashboardPage(page, lang);
    await dashboard.goto();
    const shown = await dashboard.areaFigures(area.name);
    expect(shown.actual).not.toBeNull();

    // The comparison: then (the snapshot, before the phase was finished) and now differ.
    const comparison = new SnapshotComparison(page, lang);
    await comparison.choose(new RegExp(`${LABEL}$`));
    const { then, now, text } = await comparison.figures(area.name);
    expect(now, text).toBe(shown.actual);
    expect(then, text).not.toBeNull();
    expect(then, text).not.toBe(now);
    expect(text).toContain(
      chartText(lang, (now ?? 0) > (then ?? 0) ? 'compare.up' : 'compare.down', {
        value: Math.abs((now ?? 0) - (then ?? 0)),
      }),
    );
    await shot(page.locator('.snapshot-compare'), `compare-${lang}`);
    const problems = [await audit(page, `dashboard with comparison (${lang})`)];

    // The area page's chart: a year of month ends, the last one the dashboard's figure.
    const areaPage = await dashboard.openArea(area.name);
    const chart = new ProgressChart(page, lang);
    await chart.image.waitFor();
    const rows = await chart.rows();
    expect(rows).toHaveLength(12);
    expect(rows.at(-1)?.progress).toBe(shown.actual);
    expect(rows.at(-1)?.expected).toBe((await areaPage.figures()).expected);
    expect(await chart.summary()).toContain(`${shown.actual}`);
    await shot(chart.region, `chart-${lang}`);
    problems.push(await audit(page, `area page with the chart's table (${lang})`));
    return problems;
  }

  it('shows the chart with its table and the comparison, axe-clean in it and en', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin');
    await login.waitForSynced();
    const problems = await check(page, 'it');
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.setLanguage('en');
    problems.push(...(await check(page, 'en')));
    expect(problems.filter(Boolean)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
