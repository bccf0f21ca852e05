/**
 * The admin's users, sessions and audit trail in the browser: the admin creates an officer of
 * "Servizi alla persona", who signs in on another phone and sees the area's phases; the admin
 * deactivates them and their open session ends (the next sync answers 401 and the app asks to sign
 * in again); a head typing the admin address sees the reserved-page notice and sends no admin
 * request; the audit page lists user.create and auth.login and its CSV downloads.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { AdminAuditPage } from './pages/admin-audit-page.ts';
import { adminText } from './pages/admin-texts.ts';
import { AdminUsersPage } from './pages/admin-users-page.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { text } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

/**
 * E2E_SCREENSHOTS=docs/screenshots saves the phone-size pictures of docs/screenshots/README.md on
 * the way (the viewport, with `at` scrolled to its top); unset, nothing is written.
 */
async function shot(page: Page, name: string, at?: Locator): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

const NEW_USER = {
  username: 'e2e.istruttore',
  displayName: 'Istruttrice di prova',
  password: 'una-password-lunga',
};

describe.skipIf(!chromiumAvailable)('admin: users, sessions, audit', () => {
  const app = useE2eApp();

  it('creates an officer who works on their area, deactivates them, and the audit shows it all', async () => {
    const adminApi = await apiLogin(app.server.origin, 'admin');
    const snapshot = await pullAll(adminApi);
    const area = snapshot.all('area').find((a) => a.name.toLowerCase().includes('servizi alla persona'));
    if (!area) throw new Error('no area "Servizi alla persona" in the demo');
    const areaPhases = snapshot.all('phase').filter((p) => p.areaId === area.id);

    const adminPhone = await app.newPhone();
    const adminPage = await adminPhone.newPage();
    const adminErrors = trackPageErrors(adminPage);
    await new LoginPage(adminPage).goto();
    await new LoginPage(adminPage).signIn('admin');
    const users = new AdminUsersPage(adminPage);
    await users.nav('nav.adminShort').click();
    await users.waitForLoaded();
    // The form says what is wrong before sending anything.
    await users.main.getByRole('button', { name: users.a('admin.users.new'), exact: true }).click();
    const form = users.main.getByRole('form', { name: users.a('admin.users.newTitle') });
    await form.getByLabel(users.a('admin.users.initialPassword')).fill('corta');
    await form.getByRole('button', { name: users.a('admin.users.create') }).click();
    const passwordField = form.getByLabel(users.a('admin.users.initialPassword'));
    await expect(passwordField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(passwordField.evaluate((el) => el.getAttribute('aria-describedby'))).resolves.toMatch(
      /error/,
    );
    await shot(adminPage, 'admin-user-new', form.getByLabel(users.a('admin.users.role')));
    await form.getByRole('button', { name: users.a('admin.cancel') }).click();
    await users.createUser({ ...NEW_USER, roleLabel: text('it', 'role.officer'), areaNames: [area.name] });
    const card = users.userCard(NEW_USER.displayName);
    await expect(card.textContent()).resolves.toContain(area.name);

    // The new officer, on their own phone, sees the phases of their area (and only those).
    const officerPhone = await app.newPhone();
    const officerPage = await officerPhone.newPage();
    const officerLogin = new LoginPage(officerPage);
    await officerLogin.goto();
    await officerLogin.signIn(NEW_USER.username, NEW_USER.password);
    const home = new HomePage(officerPage);
    await home.waitForSynced();
    await home.goto();
    const cards = await home.main.getByRole('article').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    const prefixes = areaPhases.map((p) => p.description.slice(0, 30));
    for (const c of cards)
      expect(
        prefixes.some((prefix) => c.includes(prefix)),
        c,
      ).toBe(true);

    // Their session shows to the admin; deactivating them ends it: the next sync is refused (401)
    // and the officer's app asks them to sign in again.
    await users.goto();
    await users.sessionsTable.getByRole('rowheader', { name: new RegExp(NEW_USER.displayName) }).waitFor();
    await shot(
      adminPage,
      'admin-sessions',
      users.main.getByRole('heading', { name: users.a('admin.sessions.title') }),
    );
    await users.deactivate(NEW_USER.displayName);
    await shot(adminPage, 'admin-users', card);
    await expect(users.sessionsTable.textContent()).resolves.not.toContain(NEW_USER.displayName);
    await home.syncNowButton.click();
    await officerPage.getByRole('button', { name: text('it', 'session.signInAgain') }).waitFor();
    await expect(home.syncText()).resolves.toContain(text('it', 'sync.error.unauthorized'));

    // The audit page lists the creation and the officer's sign-in, and downloads the CSV.
    const audit = new AdminAuditPage(adminPage);
    await audit.nav('nav.adminShort').click();
    await adminPage.getByRole('link', { name: adminText('it', 'admin.tabAudit') }).click();
    await audit.waitForLoaded();
    await audit
      .rows(adminText('it', 'admin.audit.action.userCreate'))
      .filter({ hasText: NEW_USER.displayName })
      .first()
      .waitFor();
    await audit.filterByUser(NEW_USER.displayName);
    await audit.rows(adminText('it', 'admin.audit.action.login')).first().waitFor();
    await shot(
      adminPage,
      'admin-audit',
      audit.main.getByRole('heading', { name: audit.a('admin.audit.entries') }),
    );
    const download = await audit.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^registro-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid;at;userId;action;entity;entityId;before;after;clientId');
    expect(csv).toContain(';auth.login;');
    expect(adminErrors).toEqual([]);
  }, 180_000);

  it('shows a head no admin entry, and the reserved-page notice at an admin address, with no admin request', async () => {
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
    await expect(login.nav('nav.adminShort').count()).resolves.toBe(0);
    await expect(login.nav('nav.admin').count()).resolves.toBe(0);
    for (const path of ['/amministrazione/utenti', '/amministrazione/registro']) {
      await page.goto(path);
      await login.waitForTitle(adminText('it', 'admin.reserved'));
      await expect(page.getByRole('table').count()).resolves.toBe(0);
    }
    await shot(page, 'admin-reserved');
    expect(adminRequests).toEqual([]);

    // Their own password: a wrong current one is refused (403) under its field, the session stays.
    await page.goto('/impostazioni');
    const section = page.getByRole('region', { name: adminText('it', 'password.section') });
    await section.getByLabel(adminText('it', 'password.current')).fill('sbagliata');
    await section.getByLabel(adminText('it', 'password.next'), { exact: true }).fill('nuova-password-lunga');
    await section.getByLabel(adminText('it', 'password.repeat')).fill('nuova-password-lunga');
    await section.getByRole('button', { name: adminText('it', 'password.submit') }).click();
    await section.getByText(adminText('it', 'password.error.wrongCurrent')).waitFor();
    await shot(page, 'settings-password', section);
    await expect(login.syncText()).resolves.not.toContain(text('it', 'sync.error.unauthorized'));
  }, 60_000);
});
