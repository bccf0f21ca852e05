/**
 * Monitoraggio intermedio in Chromium, on the demo plan of "Servizi alla persona". The admin takes a
 * snapshot at 30 June on the plan's Monitoraggio page (a blank title refused at the field first); the
 * area's head, offline on a phone, writes the monitoring report of one objective right on the
 * snapshot's page; back online it syncs, and the admin's device shows it. An officer then completes a
 * phase of that objective: the live area page's figure for the objective changes, the snapshot's
 * figures stay exactly what they were (the issue's proof). The admin closes the round after a
 * confirmation; the head's page is then read-only and says so. axe-core (WCAG 2.1 A/AA) finds nothing
 * on both pages in Italian and English. E2E_SCREENSHOTS saves phone pictures of both pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, pullAll, pushV2, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { shot } from '../helpers/e2e-screenshots.ts';
import { AreaPage } from './pages/dashboard-page.ts';
import { evalText } from './pages/eval-texts.ts';
import { LoginPage } from './pages/login-page.ts';
import { MonitoringPage } from './pages/monitoring-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import type { Lang } from './pages/texts.ts';
import { audit } from './pages/axe-audit.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const HEAD = 'resp.persona';
const OFFICER = 'istruttore.persona';
const LABEL = 'Monitoraggio al 30 giugno';

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const pdftotextAvailable = spawnSync('pdftotext', ['-v']).error === undefined;

/** The page as printed on A4 (print CSS), as a picture, under E2E_SCREENSHOTS. */
async function printShot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  const viewport = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(dir, name) });
  await page.emulateMedia({ media: 'screen' });
  if (viewport) await page.setViewportSize(viewport);
}

/** The page printed by Chromium (A4, print CSS) as text; null without pdftotext. */
async function printedText(page: Page): Promise<string | null> {
  if (!pdftotextAvailable) return null;
  const dir = await mkdtemp(join(tmpdir(), 'monitoring-'));
  try {
    const pdf = join(dir, 'monitoring.pdf');
    await page.emulateMedia({ media: 'print' });
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    return squash(out.stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!chromiumAvailable)('Monitoraggio intermedio', () => {
  const app = useE2eApp();
  let adminApi: ApiSession;
  let officerApi: ApiSession;
  let plan: Row<'plan'>;
  let area: Row<'area'>;
  let objective: Row<'objective'>;
  let phase: Row<'phase'>;

  beforeAll(async () => {
    [adminApi, officerApi] = await Promise.all([
      apiLogin(app.server.origin, 'admin'),
      apiLogin(app.server.origin, OFFICER),
    ]);
    const server = await pullAll(adminApi, 2);
    const areaId = officerApi.user.areaIds[0];
    if (!areaId) throw new Error('the officer has no area');
    area = server.get('area', areaId);
    plan = server.get('plan', area.planId);
    expect(plan.status).toBe('approved');
    const phases = server.all('phase').filter((p) => !p.removed);
    const open = (p: Row<'phase'>) => p.status === 'not_started' || p.status === 'in_progress';
    const found = server
      .all('objective')
      .filter((o) => o.areaId === areaId && (o.state === 'active' || o.state === 'modified'))
      .sort((a, b) => a.number.localeCompare(b.number, 'it', { numeric: true }))
      .find((o) => phases.some((p) => p.objectiveId === o.id && open(p)));
    const foundPhase = found && phases.find((p) => p.objectiveId === found.id && open(p));
    if (!found || !foundPhase) throw new Error('no objective with an open phase in the demo area');
    objective = found;
    phase = foundPhase;
  });

  async function signedIn(username: string, lang: Lang = 'it') {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(username);
    await login.waitForSynced();
    if (lang !== 'it') {
      const settings = new SettingsPage(page);
      await settings.goto();
      await settings.setLanguage(lang);
    }
    return { context, page, errors, view: new MonitoringPage(page, lang) };
  }

  it('snapshot, the head’s offline report, frozen figures, the close of the round; axe in it and en', async () => {
    const violations: string[] = [];
    const check = async (page: Page, where: string) => {
      const found = await audit(page, where);
      if (found) violations.push(found);
    };
    const year = plan.year ?? plan.years[0] ?? 2022;
    const asOf = `${year}-06-30`;

    // The admin takes the snapshot from the plan page's link; a blank title is refused at the field.
    const admin = await signedIn('admin');
    const mon = admin.view;
    await admin.page.goto(`/piani/${encodeURIComponent(plan.id)}`);
    await admin.page.getByRole('link', { name: /Monitoraggio intermedio/ }).click();
    await mon.snapshotList.waitFor();
    const take = mon.form(mon.m('mon.take.title'));
    const label = mon.field(take, 'mon.take.field.label');
    await take.getByRole('button', { name: mon.m('mon.take.submit') }).click();
    await expect.poll(() => label.getAttribute('aria-invalid')).toBe('true');
    expect(await label.evaluate((el) => el === document.activeElement)).toBe(true);
    await check(admin.page, 'monitoring page, the form with an error (it)');
    await mon.field(take, 'mon.take.field.asOf').fill(asOf);
    await label.fill(LABEL);
    await take.getByRole('button', { name: mon.m('mon.take.submit') }).click();
    await mon.snapshotItem(LABEL).waitFor();
    await mon.waitForSynced();
    const taken = (await pullAll(adminApi, 2)).all('snapshot').find((s) => s.label === LABEL);
    if (!taken) throw new Error('the snapshot did not reach the server');
    expect(taken).toMatchObject({ planId: plan.id, asOf, takenBy: adminApi.user.id });
    expect(taken.phases.length).toBeGreaterThan(0);
    // The server's row, pulled back, replaces the pending one.
    await expect
      .poll(async () => squash(await mon.snapshotItem(LABEL).textContent()))
      .not.toContain(mon.m('mon.list.pending'));
    await shot(admin.page, 'monitoring-list.png', mon.snapshotList);
    await check(admin.page, 'monitoring page (it)');

    await mon.snapshotItem(LABEL).getByRole('link', { name: LABEL }).click();
    const block = mon.objective(objective.number, objective.title);
    await block.waitFor();
    const enteBefore = await mon.enteRow();
    const figuresBefore = squash(await block.locator('.mon-figures').textContent());
    expect(enteBefore).toHaveLength(3);
    await shot(admin.page, 'monitoring-summary.png', mon.main.getByRole('heading', { level: 2 }).first());

    // The area's head, offline, writes the report of the objective on the snapshot's page.
    const head = await signedIn(HEAD);
    await waitForServiceWorkerControl(head.page);
    await head.view.gotoSnapshot(plan.id, taken.id);
    const headBlock = head.view.objective(objective.number, objective.title);
    await headBlock.waitFor();
    await head.context.setOffline(true);
    await head.view.waitForOffline();
    await headBlock.getByRole('button', { name: head.view.m('mon.report.write') }).click();
    const form = head.view.form(head.view.m('mon.report.formTitle', { number: objective.number }));
    await head.view.field(form, 'mon.report.field.done').fill('Avviata la procedura di gara');
    await head.view.field(form, 'mon.report.field.issues').fill('Ritardo del fornitore nella consegna');
    await form.getByLabel(head.view.m('mon.report.reachable.no'), { exact: true }).check();
    await head.view.field(form, 'mon.report.field.action').fill('Proposta di variazione della scadenza');
    await check(head.page, 'snapshot page, the head’s report form (it)');
    await shot(head.page, 'monitoring-report-form.png', form);
    await form.getByRole('button', { name: evalText('it', 'eval.save'), exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await headBlock.getByText('Ritardo del fornitore nella consegna').waitFor();
    await head.view.waitForPending(1);
    await headBlock.getByText(head.view.m('mon.report.pendingSync'), { exact: false }).waitFor();
    await head.context.setOffline(false);
    await head.view.waitForSynced();
    await expect
      .poll(async () => squash(await headBlock.textContent()))
      .not.toContain(head.view.m('mon.report.pendingSync'));
    const report = (await pullAll(adminApi, 2)).get('monitoringReport', `${taken.id}:${objective.id}`);
    expect(report).toMatchObject({
      done: 'Avviata la procedura di gara',
      issues: 'Ritardo del fornitore nella consegna',
      reachable: false,
      action: 'Proposta di variazione della scadenza',
    });

    // The admin's device shows it once synced.
    await mon.syncNow();
    await block.getByText('Ritardo del fornitore nella consegna').waitFor();
    expect(squash(await block.textContent())).toContain('Proposta di variazione della scadenza');
    await shot(admin.page, 'monitoring-report-objective.png', block);

    // An officer completes a phase of the objective: the live figure changes, the snapshot's do not.
    const areaPage = new AreaPage(admin.page);
    await areaPage.goto(area.id, area.name);
    const liveBefore = await areaPage.objectiveFigures(objective.title);
    expect(
      await pushV2(officerApi, [
        { name: 'phase.setStatus', args: { phaseId: phase.id, from: phase.status, to: 'done' } },
      ]),
    ).toEqual(['applied']);
    await areaPage.syncNow();
    await expect
      .poll(async () => (await areaPage.objectiveFigures(objective.title)).actual)
      .not.toBe(liveBefore.actual);
    await mon.gotoSnapshot(plan.id, taken.id);
    await block.waitFor();
    expect(await mon.enteRow()).toEqual(enteBefore);
    expect(squash(await block.locator('.mon-figures').textContent())).toBe(figuresBefore);
    await shot(admin.page, 'monitoring-report.png');
    await check(admin.page, 'snapshot page with a report (it)');

    // The admin closes the round, after a confirmation.
    await mon.button('mon.close.button').click();
    await mon.main
      .getByRole('heading', { name: mon.m('mon.close.confirmTitle', { label: LABEL }) })
      .waitFor();
    await check(admin.page, 'snapshot page, close confirmation (it)');
    await shot(admin.page, 'monitoring-close-confirm.png', mon.main.getByRole('group'));
    await mon.button('mon.close.confirm').click();
    await mon.main
      .getByRole('note')
      .filter({ hasText: /sola lettura/ })
      .waitFor();
    await mon.waitForSynced();
    await expect
      .poll(async () => (await pullAll(adminApi, 2)).get('snapshot', taken.id).roundClosedAt)
      .not.toBeNull();

    // Printed (the PDF): the report and the head's words, no app chrome, no buttons.
    const printed = await printedText(admin.page);
    await printShot(admin.page, 'monitoring-a4.png');
    if (printed !== null) {
      expect(printed).toContain(mon.m('mon.report.title', { label: LABEL }));
      expect(printed).toContain(
        squash(mon.m('mon.report.objective', { number: objective.number, title: objective.title })),
      );
      expect(printed).toContain('Ritardo del fornitore nella consegna');
      expect(printed).not.toContain('Stampa o salva come PDF');
      expect(printed).not.toContain('Sincronizza ora');
    }

    // The head's page: read-only, and it says so.
    await head.view.syncNow();
    await head.view.gotoSnapshot(plan.id, taken.id);
    await head.view.main
      .getByRole('note')
      .filter({ hasText: /sola lettura/ })
      .waitFor();
    await headBlock.getByText('Ritardo del fornitore nella consegna').waitFor();
    expect(await headBlock.getByRole('button').count()).toBe(0);
    await shot(head.page, 'monitoring-closed.png');
    await check(head.page, 'snapshot page, round closed (it)');

    // Both pages in English.
    const english = await signedIn('admin', 'en');
    await english.view.goto(plan.id);
    await check(english.page, 'monitoring page (en)');
    await english.view.gotoSnapshot(plan.id, taken.id);
    await english.view.objective(objective.number, objective.title).waitFor();
    expect(squash(await english.view.main.textContent())).toContain('the reports are read-only');
    await check(english.page, 'snapshot page (en)');

    expect(violations.join('\n\n')).toBe('');
    for (const who of [admin, head, english]) expect(who.errors).toEqual([]);
  }, 420_000);
});
