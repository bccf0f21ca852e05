/**
 * The Nucleo's evaluation and the close of the year, in the app. The evaluator, offline on a phone,
 * evaluates two objectives of "Servizi alla persona" (one 80 %, one not evaluated: NV) and contests a
 * phase with its reason; the form refuses a percent out of range and a contested phase without a
 * reason at the field first. Back online it syncs; the area's head then sees the verdict and its
 * reason on their own device, and the scores on the dashboard. The evaluator closes the plan (after a
 * confirmation); an officer's status change made offline before the close reaches the server after it
 * and is shown on the sync page as rejected, `locked`, with the reason. axe-core (WCAG 2.1 A/AA) finds
 * nothing on every new section in Italian and in English.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, pullAll, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { shot } from '../helpers/e2e-screenshots.ts';
import { EvaluationPage } from './pages/evaluation-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { HomePage } from './pages/home-page.ts';
import { PhasePage } from './pages/phase-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import type { Lang } from './pages/texts.ts';
import { audit } from './pages/axe-audit.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const EVALUATOR = 'nucleo';
const HEAD = 'resp.persona';
const OFFICER = 'istruttore.persona';

const byNumber = (a: { number: string }, b: { number: string }) =>
  a.number.localeCompare(b.number, 'it', { numeric: true });

describe.skipIf(!chromiumAvailable)('the Nucleo’s evaluation and the close of the year', () => {
  const app = useE2eApp();
  let evaluatorApi: ApiSession;
  let officerApi: ApiSession;
  let plan: Row<'plan'>;
  let areaId: string;
  let first: Row<'objective'>;
  let second: Row<'objective'>;
  let contested: Row<'phase'>;
  let officerPhase: Row<'phase'>;

  beforeAll(async () => {
    [evaluatorApi, officerApi] = await Promise.all([
      apiLogin(app.server.origin, EVALUATOR),
      apiLogin(app.server.origin, OFFICER),
    ]);
    const server = await pullAll(evaluatorApi, 2);
    const officerArea = officerApi.user.areaIds[0];
    if (!officerArea) throw new Error('the officer has no area');
    areaId = officerArea;
    const area = server.get('area', areaId);
    plan = server.get('plan', area.planId);
    expect(plan.status).toBe('approved');
    const phases = server.all('phase').filter((p) => !p.removed);
    const objectives = server
      .all('objective')
      .filter((o) => o.areaId === areaId && (o.state === 'active' || o.state === 'modified'))
      .filter((o) => phases.some((p) => p.objectiveId === o.id))
      .sort(byNumber);
    const [a, b, c] = objectives;
    if (!a || !b || !c) throw new Error('the demo area has fewer than three objectives with phases');
    first = a;
    second = b;
    const phaseOf = (o: Row<'objective'>) =>
      phases.filter((p) => p.objectiveId === o.id).sort((x, y) => x.number - y.number)[0];
    const contestedPhase = phaseOf(a);
    const open = phases.find(
      (p) => p.objectiveId === c.id && (p.status === 'not_started' || p.status === 'in_progress'),
    );
    if (!contestedPhase || !open) throw new Error('no phase to contest or to change in the demo area');
    contested = contestedPhase;
    officerPhase = open;
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
    return { context, page, errors, view: new EvaluationPage(page, lang) };
  }

  it('evaluates offline, syncs, shows the verdict to the head, closes, and rejects a late offline change as locked', async () => {
    const violations: string[] = [];
    const check = async (page: Page, where: string) => {
      const found = await audit(page, where);
      if (found) violations.push(found);
    };

    // The officer changes a phase offline and stays offline until after the close.
    const officer = await signedIn(OFFICER);
    await waitForServiceWorkerControl(officer.page);
    const officerPhasePage = new PhasePage(officer.page);
    await officerPhasePage.goto(officerPhase.id);
    await officer.context.setOffline(true);
    await officerPhasePage.waitForOffline();
    const to = officerPhase.status === 'not_started' ? 'in_progress' : 'blocked';
    await officerPhasePage.setStatus(to);
    await officerPhasePage.waitForPending(1);

    // The evaluator, offline (the app in control of the service worker, as on a site visit).
    const evaluator = await signedIn(EVALUATOR);
    await waitForServiceWorkerControl(evaluator.page);
    const nucleo = evaluator.view;
    await nucleo.gotoObjective(first.id);
    await evaluator.context.setOffline(true);
    await nucleo.waitForOffline();

    // A percent out of range is refused at the field, with the focus on it; nothing is queued.
    await nucleo.section.getByRole('button', { name: nucleo.e('eval.edit'), exact: true }).click();
    const form = nucleo.form('eval.formTitle');
    const percent = nucleo.field(form, 'eval.field.percent');
    await percent.fill('120');
    await nucleo.save(form);
    await expect.poll(() => percent.getAttribute('aria-invalid')).toBe('true');
    expect(await percent.evaluate((el) => el === document.activeElement)).toBe(true);
    const errorId = ((await percent.getAttribute('aria-describedby')) ?? '').split(' ').pop() ?? '';
    expect(await evaluator.page.locator(`[id="${errorId}"]`).textContent()).toBe(
      nucleo.e('eval.error.percent'),
    );
    await shot(evaluator.page, 'evaluation-form-error.png', form);
    await check(evaluator.page, 'objective page, evaluation form with an error (it)');
    await nucleo
      .form('eval.formTitle')
      .getByRole('button', { name: nucleo.e('eval.cancel') })
      .click();

    await nucleo.evaluate(80, 'Obiettivo raggiunto salvo la rendicontazione finale');
    await nucleo.savedNotice.waitFor();
    await nucleo.section.getByText('80%', { exact: true }).waitFor();

    // The phase contested: without a reason first (refused at the field), then with it.
    await nucleo.button('eval.verdictEdit', { number: contested.number }).click();
    const verdictForm = nucleo.form('eval.verdictFormTitle', { number: contested.number });
    await verdictForm.getByLabel(nucleo.e('eval.verdict.contested'), { exact: true }).check();
    await nucleo.save(verdictForm);
    const reason = nucleo.field(verdictForm, 'eval.field.reason');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await check(evaluator.page, 'objective page, verdict form with an error (it)');
    await reason.fill('Manca il verbale di collaudo');
    await nucleo.save(verdictForm);
    await verdictForm.waitFor({ state: 'detached' });
    const verdict = nucleo.verdictItem(contested.number);
    await verdict.getByText(nucleo.e('eval.verdict.contested'), { exact: true }).waitFor();
    expect(await verdict.textContent()).toContain('Manca il verbale di collaudo');
    await shot(evaluator.page, 'evaluation-objective.png', nucleo.section);
    await shot(evaluator.page, 'evaluation-verdicts.png', verdict);
    await check(evaluator.page, 'objective page, evaluated (it)');

    // The second objective: not evaluated (NV), never 0.
    await nucleo.gotoObjective(second.id);
    await nucleo.evaluate(null, 'Dati non forniti entro il termine');
    await nucleo.section.getByText(nucleo.e('eval.notEvaluated'), { exact: false }).first().waitFor();
    await nucleo.waitForPending(3);
    expect(await evaluator.page.evaluate(() => navigator.onLine)).toBe(false);

    // Back online: applied once on the server.
    await evaluator.context.setOffline(false);
    await nucleo.waitForSynced();
    const afterSync = await pullAll(evaluatorApi, 2);
    expect(afterSync.get('evaluation', first.id)).toMatchObject({
      percent: 80,
      comment: 'Obiettivo raggiunto salvo la rendicontazione finale',
      userId: evaluatorApi.user.id,
    });
    expect(afterSync.get('evaluation', second.id)).toMatchObject({ percent: null });
    expect(afterSync.get('phaseVerdict', contested.id)).toMatchObject({
      verdict: 'contested',
      reason: 'Manca il verbale di collaudo',
    });

    // The scores on the evaluator's dashboard: the area's is the first objective's (NV leaves it).
    await evaluator.page.goto('/cruscotto');
    await nucleo.scores.waitFor();
    const row = nucleo.scores.getByRole('row').filter({ hasText: afterSync.get('area', areaId).name });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('80');
    await shot(evaluator.page, 'evaluation-scores.png', nucleo.scores);
    await check(evaluator.page, 'dashboard with scores (it)');
    await evaluator.page.goto(`/cruscotto/aree/${encodeURIComponent(areaId)}`);
    await nucleo.scores.waitFor();
    expect(await nucleo.scores.textContent()).toContain(nucleo.e('eval.notEvaluated'));
    await check(evaluator.page, 'area page with scores (it)');

    // The head sees the verdict and its reason on their own device, and may write their own assessment.
    const head = await signedIn(HEAD);
    await head.view.gotoObjective(first.id);
    const headVerdict = head.view.verdictItem(contested.number);
    await headVerdict.getByText(head.view.e('eval.verdict.contested'), { exact: true }).waitFor();
    expect(await headVerdict.textContent()).toContain('Manca il verbale di collaudo');
    await head.view.section.getByText('80%', { exact: true }).waitFor();
    expect(await head.view.button('eval.edit').count()).toBe(0);
    await head.view.button('self.edit').click();
    await check(head.page, 'objective page, the head’s own assessment form (it)');
    await shot(head.page, 'evaluation-head.png', head.view.section);
    // And on the phase's own page.
    await head.page.goto(`/fasi/${encodeURIComponent(contested.id)}`);
    const phaseVerdict = head.page.getByRole('region', { name: head.view.e('eval.phaseVerdictTitle') });
    await phaseVerdict.getByText(head.view.e('eval.verdict.contested'), { exact: true }).waitFor();
    expect(await phaseVerdict.textContent()).toContain('Manca il verbale di collaudo');
    await check(head.page, 'phase page with the Nucleo’s verdict (it)');

    // The same sections in English, on another evaluator device, while the plan is open.
    const english = await signedIn(EVALUATOR, 'en');
    await english.view.gotoObjective(first.id);
    await english.view.button('eval.editAgain').click();
    const enForm = english.view.form('eval.formTitle');
    await english.view.field(enForm, 'eval.field.percent').fill('');
    await english.view.save(enForm);
    await english.page.getByText(english.view.e('eval.error.percentRequired')).waitFor();
    await check(english.page, 'objective page, evaluation form with an error (en)');
    await english.page.goto('/cruscotto');
    await english.view.scores.waitFor();
    await check(english.page, 'dashboard with scores (en)');
    await english.view.gotoPlan(plan.id);
    await english.view.button('close.button').click();
    await english.view.cycle
      .getByRole('heading', { name: english.view.e('close.confirmTitle', { plan: plan.title }) })
      .waitFor();
    await check(english.page, 'plan page, close confirmation (en)');
    await english.view.button('close.cancel').click();

    // The evaluator closes the plan, after the confirmation.
    await nucleo.gotoPlan(plan.id);
    await nucleo.button('close.button').click();
    await shot(evaluator.page, 'evaluation-close-confirm.png', nucleo.cycle);
    await check(evaluator.page, 'plan page, close confirmation (it)');
    await nucleo.button('close.confirm').click();
    await nucleo.lockedNotice.first().waitFor();
    await nucleo.waitForSynced();
    expect((await pullAll(evaluatorApi, 2)).get('plan', plan.id)).toMatchObject({ status: 'closed' });
    await nucleo.gotoObjective(first.id);
    await nucleo.lockedNotice.waitFor();
    expect(await nucleo.section.getByRole('button').count()).toBe(0);
    await shot(evaluator.page, 'evaluation-closed-objective.png');
    await check(evaluator.page, 'objective page, closed plan (it)');

    // The officer comes back online: the change made before the close is rejected, locked, for review.
    await officer.context.setOffline(false);
    const sync = new SyncPage(officer.page);
    await sync.goto();
    await sync.rejectedItems.first().waitFor({ timeout: 60_000 });
    const rejected = (await sync.rejectedItems.first().textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(rejected).toContain(sync.t(`status.${to}`));
    expect(rejected).toContain(sync.t('error.locked'));
    // Said once: the server's message repeats the device's words.
    expect(rejected.split(sync.t('error.locked'))).toHaveLength(2);
    const server = await pullAll(officerApi, 2);
    expect(server.get('phase', officerPhase.id).status).toBe(officerPhase.status);
    // Once the close is on the officer's device the phase takes no more changes, and says why.
    await officerPhasePage.goto(officerPhase.id);
    await new EvaluationPage(officer.page).lockedNotice.waitFor();
    expect(await officerPhasePage.statusButtons.count()).toBe(0);
    // Nor do the quick controls of Il mio lavoro, once the closed plan is the one chosen.
    const home = new HomePage(officer.page);
    await home.goto();
    // The selector is drawn only for a user with more than one plan.
    const selector = officer.page.getByLabel(home.t('plan.selectorLabel'), { exact: true });
    if ((await selector.count()) > 0) await selector.selectOption(plan.id);
    const cards = home.main.getByRole('article');
    await expect
      .poll(async () => [(await cards.count()) > 0, await cards.getByRole('button').count()])
      .toEqual([true, 0]);
    await sync.goto();
    await shot(officer.page, 'evaluation-locked-rejection.png', sync.rejectedRegion);
    await check(officer.page, 'sync page with a locked rejection (it)');

    expect(violations.join('\n\n')).toBe('');
    for (const who of [officer, evaluator, head, english]) expect(who.errors).toEqual([]);
  }, 420_000);

  it('the admin reopens the closed plan with a reason (refused without one), in Italian and English', async () => {
    const violations: string[] = [];
    for (const lang of ['it', 'en'] as const) {
      const admin = await signedIn('admin', lang);
      const view = admin.view;
      await view.gotoPlan(plan.id);
      await view.lockedNotice.waitFor();
      await view.button('reopen.button').click();
      const form = view.form('reopen.formTitle');
      await view.save(form, 'reopen.confirm');
      const reason = view.field(form, 'reopen.field.reason');
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
      const found = await audit(admin.page, `plan page, reopen form with an error (${lang})`);
      if (found) violations.push(found);
      if (lang === 'it') await shot(admin.page, 'evaluation-reopen.png', form);
      await view.gotoObjective(first.id);
      const objective = await audit(admin.page, `objective page, closed plan (${lang})`);
      if (objective) violations.push(objective);
      if (lang === 'en') {
        await view.gotoPlan(plan.id);
        await view.button('reopen.button').click();
        await view
          .field(view.form('reopen.formTitle'), 'reopen.field.reason')
          .fill('Score of area 2 to be checked');
        await view.save(view.form('reopen.formTitle'), 'reopen.confirm');
        await view.cycle.getByRole('status').waitFor();
        await view.waitForSynced();
      }
      expect(admin.errors).toEqual([]);
    }
    // The device may show "synced" a moment before its outbox holds the reopen: wait on the server.
    await expect
      .poll(async () => (await pullAll(evaluatorApi, 2)).get('plan', plan.id).status, { timeout: 30_000 })
      .toBe('approved');
    const server = await pullAll(evaluatorApi, 2);
    expect(server.get('plan', plan.id).events?.at(-1)).toMatchObject({
      kind: 'reopened',
      reason: 'Score of area 2 to be checked',
    });
    expect(violations.join('\n\n')).toBe('');
  }, 240_000);
});
