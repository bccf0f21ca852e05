/**
 * Amending the approved 2022 plan in the app. The admin, offline, edits an objective of the persona
 * area: sending without a motivation is stopped at the field; with the motivation and the act the
 * change is saved on the device, marked as waiting in the register; back online it syncs. A second
 * device (the area's head, another context) then finds the amendment in the plan's register — before
 * → after in words, the motivation, the act as the plan names it — and in "what changed" since
 * approval, marked modified with the new value in bold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, pullAll, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { shot } from '../helpers/e2e-screenshots.ts';
import { LoginPage } from './pages/login-page.ts';
import { PlanAmendPage } from './pages/plan-amend-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const ADMIN = 'admin';
const HEAD = 'resp.persona';

describe.skipIf(!chromiumAvailable)('amending the approved plan', () => {
  const app = useE2eApp();
  let headApi: ApiSession;
  let adminApi: ApiSession;
  let objective: Row<'objective'>;
  let plan: Row<'plan'>;

  beforeAll(async () => {
    [adminApi, headApi] = await Promise.all([
      apiLogin(app.server.origin, ADMIN),
      apiLogin(app.server.origin, HEAD),
    ]);
    const server = await pullAll(headApi);
    const areaId = headApi.user.areaIds[0];
    const area = server.all('area').find((a) => a.id === areaId);
    const found = server
      .all('objective')
      .filter((o) => o.areaId === areaId && o.state === 'active')
      .sort((a, b) => a.number.localeCompare(b.number, 'it', { numeric: true }))[0];
    const planRow = server.all('plan').find((p) => p.id === area?.planId);
    if (!found || !planRow) throw new Error('the demo has no active objective in the head’s area');
    expect(planRow.status).toBe('approved');
    objective = found;
    plan = planRow;
  });

  it('queues the amendment offline, syncs it, and another device shows it in the register and in what changed', async () => {
    const adminContext = await app.newPhone();
    const adminPage = await adminContext.newPage();
    const errors = trackPageErrors(adminPage);
    const login = new LoginPage(adminPage);
    await login.goto();
    await login.signIn(ADMIN);
    await login.waitForSynced();
    const amend = new PlanAmendPage(adminPage);
    await amend.gotoObjective(objective.id);

    await adminContext.setOffline(true);
    await amend.waitForOffline();
    const form = await amend.openEditObjective();
    const newTitle = `${objective.title} (rivisto)`;
    await amend.field(form, 'amend.field.title').fill(newTitle);
    await amend.field(form, 'amend.field.weight.giunta').fill('12,5');

    // Without a motivation nothing is sent: the field says why and has the focus.
    await amend.save(form);
    const motivation = amend.field(form, 'amend.field.motivation');
    await expect.poll(() => motivation.getAttribute('aria-invalid')).toBe('true');
    expect(await motivation.evaluate((el) => el === document.activeElement)).toBe(true);
    const describedBy = (await motivation.getAttribute('aria-describedby')) ?? '';
    const errorText = await adminPage.locator(`[id="${describedBy.split(' ').pop() ?? ''}"]`).textContent();
    expect(errorText).toBe(amend.a('amend.error.motivationRequired'));
    await shot(adminPage, 'plan-amend-form.png', motivation.locator('xpath=ancestor::fieldset[last()]'));
    expect(await adminPage.evaluate(() => navigator.onLine)).toBe(false);

    await motivation.fill('Obiettivo ridefinito con la Giunta dopo la verifica di metà anno');
    await form.getByLabel(amend.a('amend.act.body'), { exact: true }).selectOption('giunta');
    await amend.field(form, 'amend.act.number').fill('200');
    await amend.field(form, 'amend.act.date').fill('2022-10-15');
    await amend.save(form);
    await amend.savedNotice.waitFor();
    expect(await amend.savedNotice.evaluate((el) => el === document.activeElement)).toBe(true);
    await amend.waitForPending(1);
    // The page follows the optimistic change, and the register marks it as waiting.
    await amend.main.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(newTitle)) }).waitFor();
    await amend.objectiveRegister.getByText(amend.a('amend.register.pending'), { exact: true }).waitFor();

    await adminContext.setOffline(false);
    await amend.waitForSynced();
    const server = await pullAll(adminApi, 2);
    expect(server.get('objective', objective.id)).toMatchObject({
      title: newTitle,
      state: 'modified',
      weights: { ...objective.weights, giunta: 12.5 },
    });
    const amendment = server.all('amendment').find((a) => a.entityId === objective.id && a.kind === 'update');
    expect(amendment).toMatchObject({
      motivation: 'Obiettivo ridefinito con la Giunta dopo la verifica di metà anno',
      act: { body: 'giunta', number: '200', date: '2022-10-15' },
      before: { title: objective.title },
      after: { title: newTitle },
    });
    if (!amendment) return;
    // Synced: the waiting mark is gone from the admin's register.
    await expect
      .poll(() =>
        amend.objectiveRegister.getByText(amend.a('amend.register.pending'), { exact: true }).count(),
      )
      .toBe(0);

    // The head's device.
    const headContext = await app.newPhone();
    const headPage = await headContext.newPage();
    const headErrors = trackPageErrors(headPage);
    const headLogin = new LoginPage(headPage);
    await headLogin.goto();
    await headLogin.signIn(HEAD);
    await headLogin.waitForSynced();
    const head = new PlanAmendPage(headPage);
    await head.gotoRegister(plan.id, plan.year ?? 2022);
    const entry = head.entry(amendment.id);
    await entry.waitFor();
    const entryText = (await entry.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(entryText).toContain(`${head.a('amend.field.title')}: «${objective.title}» → «${newTitle}»`);
    expect(entryText).toContain(`${head.a('amend.field.weight.giunta')}: `);
    expect(entryText).toContain('12,5');
    expect(entryText).toContain('Obiettivo ridefinito con la Giunta dopo la verifica di metà anno');
    expect(entryText).toContain('Delibera di Giunta n. 200 del 15/10/2022');
    expect(entryText).toContain(adminApi.user.displayName);
    expect(entryText).not.toContain(head.a('amend.register.pending'));
    await shot(headPage, 'plan-amend-register.png');
    // A head without headsMayAmend gets no edit controls, nor the admin's "set the act".
    expect(await head.main.getByRole('button', { name: head.a('amend.setAct') }).count()).toBe(0);

    await head.gotoWhatChanged(plan.id);
    const change = head.change(objective.id);
    await change.waitFor();
    expect(await change.getAttribute('data-change')).toBe('modified');
    const changeText = (await change.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(changeText).toContain(head.a('amend.mark.modified'));
    expect(changeText).toContain(`«${objective.title}» → «${newTitle}»`);
    expect(await change.locator('strong').allTextContents()).toContain(`«${newTitle}»`);
    await shot(headPage, 'plan-amend-changes.png');

    expect(errors).toEqual([]);
    expect(headErrors).toEqual([]);
  }, 240_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
