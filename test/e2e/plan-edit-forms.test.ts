/**
 * The admin's plan-editing forms that plan-amend.test.ts does not cover, on the approved 2022 demo
 * plan in the app: add an area (with a motivation) and find it on the dashboard; add a phase with a
 * deadline (one outside the plan's year refused at the field); replace an objective (new number and
 * title) with motivation and act; remove (stralcio) another. After the sync the server holds each
 * change once with its amendment row, and the plan's register lists them; "what changed" over a range
 * before today shows none of them, reversed dates get the form's message. The removed and the replaced
 * objective stay readable — for the admin and for an officer of the area on another phone — with
 * their state and motivation, their phases' progress, notes and register, and take no more progress.
 * axe-core on the area, phase and replace forms with an error shown, in Italian and English.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, isoDateIn, pullAll, pushAs, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { shot } from '../helpers/e2e-screenshots.ts';
import { audit } from './pages/axe-audit.ts';
import { AreaPage, DashboardPage } from './pages/dashboard-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ObjectivePage } from './pages/objective-page.ts';
import { PhasePage } from './pages/phase-page.ts';
import { PlanAmendPage } from './pages/plan-amend-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { text, type Lang } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const ADMIN = 'admin';
const OFFICER = 'istruttore.persona';
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

describe.skipIf(!chromiumAvailable)('editing the approved plan: area, phase, replace, remove', () => {
  const app = useE2eApp();
  let adminApi: ApiSession;
  let officerApi: ApiSession;
  let plan: Row<'plan'>;
  let area: Row<'area'>;
  let toRemove: Row<'objective'>;
  let toReplace: Row<'objective'>;
  let phaseTarget: Row<'objective'>;
  let a11yTarget: Row<'objective'>;
  /** The phase of each of toRemove/toReplace given progress and a note before the change. */
  const worked = new Map<string, { phase: Row<'phase'>; note: string }>();

  beforeAll(async () => {
    [adminApi, officerApi] = await Promise.all([
      apiLogin(app.server.origin, ADMIN),
      apiLogin(app.server.origin, OFFICER),
    ]);
    const server = await pullAll(officerApi);
    const areaId = officerApi.user.areaIds[0];
    const found = server.all('area').find((a) => a.id === areaId);
    const planRow = server.all('plan').find((p) => p.id === found?.planId);
    if (!found || !planRow) throw new Error('the officer has no area in the demo plan');
    expect(planRow.status).toBe('approved');
    expect(planRow.year).toBe(2022);
    area = found;
    plan = planRow;
    const openPhases = (o: Row<'objective'>) =>
      server
        .all('phase')
        .filter(
          (p) => p.objectiveId === o.id && !p.removed && p.status !== 'done' && p.status !== 'cancelled',
        )
        .sort((a, b) => a.number - b.number);
    const active = server
      .all('objective')
      .filter((o) => o.areaId === areaId && o.state === 'active' && openPhases(o).length > 0)
      .sort((a, b) => a.number.localeCompare(b.number, 'it', { numeric: true }));
    const [r1, r2, r3, r4] = active;
    if (!r1 || !r2 || !r3 || !r4) throw new Error('the demo area has fewer than four active objectives');
    [toRemove, toReplace, phaseTarget, a11yTarget] = [r1, r2, r3, r4];

    // The officer works on both objectives first: progress on a phase and a note each.
    const mutations: Parameters<typeof pushAs>[1][number][] = [];
    for (const o of [toRemove, toReplace]) {
      const phase = openPhases(o)[0];
      if (!phase) throw new Error('no open phase');
      const note = `Nota sul lavoro dell’obiettivo ${o.number} prima della variazione`;
      worked.set(o.id, { phase, note });
      if (phase.status === 'not_started')
        mutations.push({
          name: 'phase.setStatus',
          args: { phaseId: phase.id, from: 'not_started', to: 'in_progress' },
        });
      mutations.push({ name: 'phase.setProgress', args: { phaseId: phase.id, percent: 40 } });
      mutations.push({ name: 'note.add', args: { noteId: randomUUID(), objectiveId: o.id, text: note } });
    }
    const pushed = await pushAs(officerApi, mutations);
    expect(pushed.results.map((r) => r.reason?.code ?? r.status)).toEqual(mutations.map(() => 'applied'));
  });

  async function adminPhone(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(ADMIN);
    await login.waitForSynced();
    return { context, page, errors };
  }

  async function errorOf(page: Page, field: Locator): Promise<string> {
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    return flat(await page.locator(`[id="${describedBy.split(' ').pop() ?? ''}"]`).textContent());
  }

  it('axe finds nothing on the area, phase and replace forms with an error shown, in it and en', async () => {
    const { page, errors } = await adminPhone();
    const report: string[] = [];
    for (const lang of ['it', 'en'] as Lang[]) {
      if (lang === 'en') {
        const settings = new SettingsPage(page, 'it');
        await settings.goto();
        await settings.setLanguage('en');
      }
      const amend = new PlanAmendPage(page, lang);
      // The area form, the name left empty.
      await new AreaPage(page, lang).goto(area.id, area.name);
      await amend.controls.getByRole('button', { name: amend.a('amend.addArea'), exact: true }).click();
      const areaForm = amend.form('amend.addArea');
      await amend.save(areaForm);
      expect(await errorOf(page, amend.field(areaForm, 'amend.field.name'))).toBe(
        amend.a('amend.error.required'),
      );
      report.push(await audit(page, `area form (${lang})`));
      // The phase form, a deadline outside 2022.
      await amend.gotoObjective(a11yTarget.id);
      await amend.controls.getByRole('button', { name: amend.a('amend.addPhase'), exact: true }).click();
      const phaseForm = amend.form('amend.addPhase');
      await amend.field(phaseForm, 'amend.field.description').fill('Fase di prova');
      await amend.field(phaseForm, 'amend.field.deadline').fill('2023-02-15');
      await amend.save(phaseForm);
      expect(await errorOf(page, amend.field(phaseForm, 'amend.field.deadline'))).toContain(
        amend.a('amend.error.deadlineYear', { year: 2022 }),
      );
      report.push(await audit(page, `phase form (${lang})`));
      await phaseForm.getByRole('button', { name: amend.a('amend.cancel'), exact: true }).click();
      // The replace form, its title (empty at first) missing.
      await amend.controls
        .getByRole('button', { name: amend.a('amend.replaceObjective'), exact: true })
        .click();
      const replaceForm = amend.form('amend.replaceObjective');
      await amend.save(replaceForm);
      expect(await errorOf(page, amend.field(replaceForm, 'amend.field.title'))).toBe(
        amend.a('amend.error.required'),
      );
      report.push(await audit(page, `replace form (${lang})`));
      // Nothing was queued by a refused form.
      await amend.waitForSynced();
    }
    expect(report.filter(Boolean).join('\n')).toBe('');
    expect(errors).toEqual([]);
  }, 240_000);

  it('adds an area and a phase, replaces and removes objectives; server, register, what changed; the old objectives stay readable', async () => {
    const { page, errors } = await adminPhone();
    const amend = new PlanAmendPage(page);

    // 1. An area, with its motivation; a blank motivation is stopped at the field first.
    const areaName = 'Transizione digitale';
    const areaMotivation = 'Nuova area per il piano triennale per l’informatica';
    await new AreaPage(page).goto(area.id, area.name);
    await amend.controls.getByRole('button', { name: amend.a('amend.addArea'), exact: true }).click();
    const areaForm = amend.form('amend.addArea');
    await amend.field(areaForm, 'amend.field.name').fill(areaName);
    await amend.save(areaForm);
    expect(await errorOf(page, amend.field(areaForm, 'amend.field.motivation'))).toBe(
      amend.a('amend.error.motivationRequired'),
    );
    await shot(page, 'plan-area-add.png', areaForm);
    await amend.field(areaForm, 'amend.field.motivation').fill(areaMotivation);
    await amend.save(areaForm);
    await amend.savedNotice.waitFor();
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.areaCard(areaName).waitFor();
    expect(await dashboard.areaNames()).toContain(areaName);

    // 2. A phase with a deadline: 2023 is refused at the field, naming the plan's year.
    const phaseDescription = 'Verifica finale con gli utenti dei servizi';
    const phaseMotivation = 'Fase aggiunta dopo il monitoraggio di metà anno';
    await amend.gotoObjective(phaseTarget.id);
    await amend.controls.getByRole('button', { name: amend.a('amend.addPhase'), exact: true }).click();
    const phaseForm = amend.form('amend.addPhase');
    await amend.field(phaseForm, 'amend.field.description').fill(phaseDescription);
    const deadline = amend.field(phaseForm, 'amend.field.deadline');
    await deadline.fill('2023-03-31');
    await amend.field(phaseForm, 'amend.field.motivation').fill(phaseMotivation);
    await amend.save(phaseForm);
    expect(await errorOf(page, deadline)).toContain(amend.a('amend.error.deadlineYear', { year: 2022 }));
    expect(await deadline.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'plan-phase-add.png', deadline);
    await deadline.fill('2022-11-30');
    await amend.save(phaseForm);
    await amend.savedNotice.waitFor();
    await new ObjectivePage(page).phasesRegion.getByText(phaseDescription).first().waitFor();

    // 3. Replace an objective: a new number and title, a motivation and the act.
    const replacementTitle = `${toReplace.title} — riformulato`;
    const replacementNumber = `${toReplace.number}-bis`;
    const replaceMotivation = 'Obiettivo superato dalla nuova normativa regionale';
    await amend.gotoObjective(toReplace.id);
    await amend.controls
      .getByRole('button', { name: amend.a('amend.replaceObjective'), exact: true })
      .click();
    const replaceForm = amend.form('amend.replaceObjective');
    await amend.save(replaceForm);
    expect(await errorOf(page, amend.field(replaceForm, 'amend.field.title'))).toBe(
      amend.a('amend.error.required'),
    );
    await shot(page, 'plan-objective-replace.png', replaceForm);
    await amend.field(replaceForm, 'amend.field.number').fill(replacementNumber);
    await amend.field(replaceForm, 'amend.field.title').fill(replacementTitle);
    await amend.field(replaceForm, 'amend.field.motivation').fill(replaceMotivation);
    await replaceForm.getByLabel(amend.a('amend.act.body'), { exact: true }).selectOption('giunta');
    await amend.field(replaceForm, 'amend.act.number').fill('231');
    await amend.field(replaceForm, 'amend.act.date').fill('2022-11-10');
    await amend.save(replaceForm);
    await amend.main
      .getByText(new RegExp(`^${text('it', 'objectiveState.replaced')}\\.`))
      .first()
      .waitFor();

    // 4. Remove (stralcio) another, with its motivation.
    const removeMotivation = 'Stralciato per mancanza di copertura finanziaria';
    await amend.gotoObjective(toRemove.id);
    await amend.controls.getByRole('button', { name: amend.a('amend.removeObjective'), exact: true }).click();
    const removeForm = amend.form('amend.removeObjective');
    await amend.field(removeForm, 'amend.field.motivation').fill(removeMotivation);
    await removeForm.getByRole('button', { name: amend.a('amend.confirmRemove'), exact: true }).click();
    await amend.main
      .getByText(new RegExp(`^${text('it', 'objectiveState.removed')}\\.`))
      .first()
      .waitFor();

    // 5. Synced: the server holds each change once, with its amendment row.
    await amend.waitForSynced();
    const server = await pullAll(adminApi, 2);
    const amendmentsOf = (id: string) => server.all('amendment').filter((a) => a.entityId === id);
    const areas = server.all('area').filter((a) => a.name === areaName);
    expect(areas).toHaveLength(1);
    const newArea = areas[0];
    if (!newArea) return;
    expect(newArea.planId).toBe(plan.id);
    expect(amendmentsOf(newArea.id)).toMatchObject([
      { entity: 'area', kind: 'add', motivation: areaMotivation, act: null },
    ]);
    const phases = server.all('phase').filter((p) => p.description === phaseDescription);
    expect(phases).toHaveLength(1);
    const newPhase = phases[0];
    if (!newPhase) return;
    expect(newPhase).toMatchObject({ objectiveId: phaseTarget.id, deadline: '2022-11-30' });
    expect(amendmentsOf(newPhase.id)).toMatchObject([
      { entity: 'phase', kind: 'add', motivation: phaseMotivation },
    ]);
    expect(server.get('objective', toReplace.id).state).toBe('replaced');
    const replacements = server.all('objective').filter((o) => o.title === replacementTitle);
    expect(replacements).toHaveLength(1);
    expect(replacements[0]).toMatchObject({ number: replacementNumber, areaId: toReplace.areaId });
    expect(amendmentsOf(toReplace.id)).toMatchObject([
      {
        entity: 'objective',
        kind: 'replace',
        motivation: replaceMotivation,
        act: { body: 'giunta', number: '231', date: '2022-11-10' },
      },
    ]);
    expect(server.get('objective', toRemove.id).state).toBe('removed');
    expect(amendmentsOf(toRemove.id)).toMatchObject([
      { entity: 'objective', kind: 'remove', motivation: removeMotivation, act: null },
    ]);
    const ours = [newArea.id, newPhase.id, toReplace.id, toRemove.id].map((id) => {
      const row = amendmentsOf(id)[0];
      if (!row) throw new Error(`no amendment for ${id}`);
      return row;
    });

    // The plan's register lists each one, with its motivation.
    await amend.gotoRegister(plan.id, 2022);
    for (const row of ours) {
      const entry = amend.entry(row.id);
      await entry.waitFor();
      const entryText = flat(await entry.textContent());
      expect(entryText).toContain(row.motivation);
      expect(entryText).not.toContain(amend.a('amend.register.pending'));
    }
    expect(flat(await amend.entry(ours[2]?.id ?? '').textContent())).toContain(
      'Delibera di Giunta n. 231 del 10/11/2022',
    );

    // 6. What changed: since approval all four; a range before today none; reversed dates refused.
    await amend.gotoWhatChanged(plan.id);
    const entityIds = [newArea.id, newPhase.id, toReplace.id, toRemove.id];
    for (const id of entityIds) await amend.change(id).waitFor();
    expect(await amend.change(toRemove.id).getAttribute('data-change')).toBe('removed');
    expect(await amend.change(toReplace.id).getAttribute('data-change')).toBe('replaced');
    const from = amend.main.getByLabel(amend.a('amend.changes.from'), { exact: true });
    const to = amend.main.getByLabel(amend.a('amend.changes.to'), { exact: true });
    const show = amend.main.getByRole('button', { name: amend.a('amend.changes.show'), exact: true });
    const yesterday = isoDateIn('Europe/Rome', new Date(Date.now() - 86_400_000));
    await from.fill('2022-01-01');
    await to.fill(yesterday);
    await show.click();
    await expect.poll(() => amend.change(toRemove.id).count()).toBe(0);
    for (const id of entityIds) expect(await amend.change(id).count()).toBe(0);
    const today = isoDateIn('Europe/Rome');
    await from.fill(today);
    await to.fill('2022-01-01');
    await show.click();
    const alert = amend.main.getByRole('alert');
    await alert.waitFor();
    expect(flat(await alert.textContent())).toBe(amend.a('amend.changes.rangeError'));
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await from.evaluate((el) => el === document.activeElement)).toBe(true);

    // 7. The removed and the replaced objective stay readable, for the admin and for the officer.
    const officerContext = await app.newPhone();
    const officerPage = await officerContext.newPage();
    const officerErrors = trackPageErrors(officerPage);
    const officerLogin = new LoginPage(officerPage);
    await officerLogin.goto();
    await officerLogin.signIn(OFFICER);
    await officerLogin.waitForSynced();
    const cases = [
      { objective: toRemove, state: 'removed' as const, motivation: removeMotivation },
      { objective: toReplace, state: 'replaced' as const, motivation: replaceMotivation },
    ];
    for (const [who, p] of [
      ['admin', page],
      ['officer', officerPage],
    ] as const) {
      for (const c of cases) {
        const objective = new ObjectivePage(p);
        await objective.goto(c.objective.id);
        const stateWord = text('it', `objectiveState.${c.state}`);
        const notice = objective.main
          .getByRole('paragraph')
          .filter({ has: p.locator('strong', { hasText: `${stateWord}.` }) })
          .first();
        await notice.waitFor();
        const noticeText = flat(await notice.textContent());
        expect(noticeText, who).toContain(`${text('it', 'objective.motivation')}: ${c.motivation}`);
        const work = worked.get(c.objective.id);
        if (!work) throw new Error('no worked phase');
        const card = objective.phaseCards.filter({ hasText: work.phase.description }).first();
        expect(flat(await card.textContent()), who).toContain('40');
        // No quick controls: a sentence says why, no button in any phase card.
        expect(flat(await card.textContent()), who).toContain(
          text('it', 'phase.frozen', { state: stateWord.toLowerCase() }),
        );
        expect(await objective.phasesRegion.getByRole('button').count(), who).toBe(0);
        expect(await new PlanAmendPage(p).controls.count(), who).toBe(0);
        await objective.notesRegion.getByText(work.note).waitFor();
        const register = new PlanAmendPage(p).objectiveRegister;
        await register.getByText(c.motivation).waitFor();
        if (c.state === 'replaced') {
          await objective.main
            .getByRole('link', { name: amend.a('amend.replacedBy', { title: '' }).trim(), exact: false })
            .first()
            .waitFor();
        }
        if (who === 'admin' && c.state === 'removed') await shot(page, 'objective-removed.png');
        // The phase page: its history there, no status buttons.
        const phasePage = new PhasePage(p);
        await phasePage.goto(work.phase.id);
        expect(await phasePage.statusButtons.count(), who).toBe(0);
        expect(flat(await phasePage.statusRegion.textContent()), who).toContain(
          text('it', 'phase.frozen', { state: stateWord.toLowerCase() }),
        );
        const history = phasePage.main.getByRole('region', { name: text('it', 'phase.history') });
        await history.getByText('40').first().waitFor();
      }
    }

    expect(errors).toEqual([]);
    expect(officerErrors).toEqual([]);
  }, 300_000);
});
