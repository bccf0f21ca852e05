/**
 * The admin's everyday work on people, in the browser, each step checked on the server: change a
 * user's role and areas (the server's user row and what the user may change follow); reset a
 * password (the old one is refused, the new one signs in); end one of a user's two sessions from
 * the sessions table (that phone is asked to sign in again, the other keeps syncing); offline, the
 * admin pages say they need the network and send nothing; a page whose chunk the device never
 * fetched says it is not downloaded yet and opens by itself back online; the audit trail filters
 * by object and by day.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, isoDateIn, pullAll, pushAs, type ApiSession } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { AdminAuditPage } from './pages/admin-audit-page.ts';
import { adminText } from './pages/admin-texts.ts';
import { AdminUsersPage } from './pages/admin-users-page.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { text } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

interface ServerUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  areaIds: string[];
  active: boolean;
}

async function serverUsers(admin: ApiSession): Promise<ServerUser[]> {
  const res = await fetch(`${admin.origin}/api/admin/users`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { users: ServerUser[] }).users;
}

async function loginStatus(origin: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

function adminTab(page: Page, tab: 'admin.tabAudit' | 'admin.tabUsers') {
  return page
    .getByRole('navigation', { name: adminText('it', 'admin.navLabel') })
    .getByRole('link', { name: adminText('it', tab) });
}

async function signedIn(page: Page, username: string, password?: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
}

describe.skipIf(!chromiumAvailable)('admin: managing users, sessions and the audit', () => {
  const app = useE2eApp();

  it('changes a user’s role and areas, resets a password and ends one session', async () => {
    const adminApi = await apiLogin(app.server.origin, 'admin');
    const snapshot = await pullAll(adminApi);
    const areas = snapshot.all('area');
    const persona = areas.find((a) => a.name.toLowerCase().includes('servizi alla persona'));
    const other = areas.find((a) => a.planId === persona?.planId && a.id !== persona?.id);
    if (!persona || !other) throw new Error('the demo has no two areas in one plan');
    const username = `e2e.${randomUUID().slice(0, 6)}`;
    const displayName = `Utente ${username.slice(4)}`;
    const firstPassword = 'prima-password-lunga';

    const adminPage = await (await app.newPhone()).newPage();
    const errors = trackPageErrors(adminPage);
    await signedIn(adminPage, 'admin');
    const users = new AdminUsersPage(adminPage);
    await users.goto();
    await users.createUser({
      username,
      displayName,
      password: firstPassword,
      roleLabel: text('it', 'role.officer'),
      areaNames: [persona.name],
    });

    // The user signs in on two phones.
    const phoneA = await (await app.newPhone()).newPage();
    const phoneB = await (await app.newPhone()).newPage();
    await signedIn(phoneA, username, firstPassword);
    await signedIn(phoneB, username, firstPassword);
    const homeA = new HomePage(phoneA);
    const homeB = new HomePage(phoneB);
    await homeA.waitForSynced();
    await homeB.waitForSynced();

    // End one of the two phones' sessions (the user has no other yet): that phone is asked to sign in
    // again, the other keeps syncing.
    await users.goto();
    const sessions = await sessionIdsOf(adminApi, username);
    expect(sessions).toHaveLength(2);
    const rowsBefore = await users.sessionsTable
      .getByRole('rowheader', { name: new RegExp(displayName) })
      .count();
    expect(rowsBefore).toBe(sessions.length);
    await users.sessionsTable
      .getByRole('rowheader', { name: new RegExp(displayName) })
      .first()
      .getByRole('button', { name: new RegExp(`^${users.a('admin.sessions.end')}`) })
      .click();
    await users.main.getByText(users.a('admin.sessions.ended', { name: displayName })).waitFor();
    await expect
      .poll(async () => (await sessionIdsOf(adminApi, username)).length, { timeout: 10_000 })
      .toBe(sessions.length - 1);
    const left = await sessionIdsOf(adminApi, username);
    // One of the two phones lost its session: the one whose sync is now refused.
    await homeA.syncNowButton.click();
    await homeB.syncNowButton.click();
    const refused = async (page: Page) =>
      page
        .getByRole('button', { name: text('it', 'session.signInAgain') })
        .waitFor({ timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
    const [aRefused, bRefused] = await Promise.all([refused(phoneA), refused(phoneB)]);
    expect([aRefused, bRefused].filter(Boolean)).toHaveLength(1);
    expect(left).toHaveLength(1);
    expect(sessions).toContain(left[0]);
    await (aRefused ? homeB : homeA).waitForSynced();
    await users.waitForLoaded();

    // Role and areas: officer of "persona" → head of the other area.
    const card = users.userCard(displayName);
    await card.getByRole('button', { name: new RegExp(`^${users.a('admin.users.edit')}`) }).click();
    const edit = card.getByRole('form', { name: users.a('admin.users.editOf', { name: displayName }) });
    await edit.getByLabel(users.a('admin.users.role')).selectOption({ label: text('it', 'role.head') });
    await edit.getByRole('checkbox', { name: persona.name }).uncheck();
    await edit.getByRole('checkbox', { name: other.name }).check();
    await edit.getByRole('button', { name: users.a('admin.save'), exact: true }).click();
    await card.getByText(users.a('admin.users.saved')).waitFor();
    await expect(card.textContent()).resolves.toContain(other.name);
    await expect(card.textContent()).resolves.toContain(text('it', 'role.head'));
    const changed = (await serverUsers(adminApi)).find((u) => u.username === username);
    expect(changed).toMatchObject({ role: 'head', areaIds: [other.id], active: true });
    // The server follows at once: the user, signed in again, is the other area's head, may change its
    // phases and no longer those of "persona".
    const theirs = await apiLogin(app.server.origin, username, firstPassword);
    expect(theirs.user).toMatchObject({ role: 'head', areaIds: [other.id] });
    const open = (areaId: string) => {
      const objectives = new Set(
        snapshot
          .all('objective')
          .filter((o) => o.areaId === areaId && (o.state === 'active' || o.state === 'modified'))
          .map((o) => o.id),
      );
      const phase = snapshot
        .all('phase')
        .find(
          (p) =>
            objectives.has(p.objectiveId) && p.status !== 'done' && p.status !== 'cancelled' && !p.removed,
        );
      if (!phase) throw new Error(`no open phase in ${areaId}`);
      return phase;
    };
    const pushed = await pushAs(theirs, [
      { name: 'phase.setProgress', args: { phaseId: open(other.id).id, percent: 40 } },
      { name: 'phase.setProgress', args: { phaseId: open(persona.id).id, percent: 40 } },
    ]);
    expect(pushed.results.map((r) => r.reason?.code ?? r.status)).toEqual(['applied', 'forbidden']);

    // Password reset: too short is refused in the form, then the new one works and the old does not.
    await card.getByRole('button', { name: new RegExp(`^${users.a('admin.users.resetPassword')}`) }).click();
    const reset = card.getByRole('form', { name: users.a('admin.users.passwordOf', { name: displayName }) });
    const field = reset.getByLabel(users.a('admin.users.newPassword'));
    await field.fill('corta');
    await reset.getByRole('button', { name: users.a('admin.users.setPassword') }).click();
    await reset.getByText(users.a('admin.passwordTooShort', { min: 10 })).waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    const nextPassword = 'seconda-password-lunga';
    await field.fill(nextPassword);
    await reset.getByRole('button', { name: users.a('admin.users.setPassword') }).click();
    await card.getByText(users.a('admin.users.passwordReset')).waitFor();
    expect(await loginStatus(app.server.origin, username, firstPassword)).toBe(401);
    expect(await loginStatus(app.server.origin, username, nextPassword)).toBe(200);

    expect(errors).toEqual([]);
  }, 240_000);

  it('offline, the admin pages say they need the network and ask the server nothing', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signedIn(page, 'admin');
    const users = new AdminUsersPage(page);
    await users.goto();
    // The app as it is once installed: every page's chunk held by the service worker.
    await waitForServiceWorkerControl(page);
    await users.waitForLoaded();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/admin/')) requests.push(r.url());
    });
    await context.setOffline(true);
    await users.waitForOffline();
    // The page open when the network goes, then each tab followed offline.
    await page.getByText(adminText('it', 'admin.offline')).waitFor();
    for (const tab of ['admin.tabAudit', 'admin.tabUsers', 'admin.tabAudit'] as const) {
      await adminTab(page, tab).click();
      await page.waitForURL(
        tab === 'admin.tabAudit' ? /\/amministrazione\/registro$/ : /\/amministrazione\/utenti$/,
      );
      await page.getByText(adminText('it', 'admin.offline')).waitFor();
      await expect(page.getByRole('table').count()).resolves.toBe(0);
    }
    expect(requests).toEqual([]);
    // Back online the page comes back by itself.
    await context.setOffline(false);
    await new AdminAuditPage(page).waitForLoaded();
    expect(errors).toEqual([]);
  }, 90_000);

  it('a page not yet downloaded says so offline and opens by itself back online', async () => {
    // No service worker: the audit page's chunk can come only from the network.
    const context = await app.newPhone({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    await signedIn(page, 'admin');
    const users = new AdminUsersPage(page);
    await users.goto();
    await context.setOffline(true);
    await users.waitForOffline();
    const chunkRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/assets/admin-audit-page')) chunkRequests.push(r.url());
    });
    await adminTab(page, 'admin.tabAudit').click();
    await page.getByText(text('it', 'app.pageNotDownloaded')).waitFor();
    await expect(page.getByText(text('it', 'app.error')).count()).resolves.toBe(0);
    // Tried once or twice (React renders a failed page again once), not in a loop.
    expect(chunkRequests.length).toBeLessThanOrEqual(3);
    await context.setOffline(false);
    // The page and its entries: the admin's data is asked for once the device is online again.
    await new AdminAuditPage(page).waitForLoaded();
    await expect(page.getByText(text('it', 'app.pageNotDownloaded')).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  it('filters the audit trail by object and by day', async () => {
    const adminApi = await apiLogin(app.server.origin, 'admin');
    const snapshot = await pullAll(adminApi);
    const reader = (await serverUsers(adminApi)).find((u) => u.username === 'lettore');
    const someoneElse = (await serverUsers(adminApi)).find((u) => u.username === 'nucleo');
    if (!reader || !someoneElse) throw new Error('no demo users lettore/nucleo');
    // Two user.update entries of today, on two users.
    for (const [u, name] of [
      [reader, 'Lettore filtrato'],
      [someoneElse, 'Nucleo filtrato'],
    ] as const) {
      const res = await fetch(`${app.server.origin}/api/admin/users/${u.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${adminApi.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: name }),
      });
      expect(res.status).toBe(200);
    }
    expect(snapshot.all('plan').length).toBeGreaterThan(0);

    const page = await (await app.newPhone()).newPage();
    await signedIn(page, 'admin');
    const audit = new AdminAuditPage(page);
    await audit.goto();
    const form = audit.main.getByRole('form', { name: audit.a('admin.audit.filters') });
    const apply = () => form.getByRole('button', { name: audit.a('admin.audit.apply'), exact: true }).click();
    const allRows = () => audit.table.locator('tbody tr');

    // By object: the user entity and the reader's id → only the reader's entries.
    await form.getByLabel(audit.a('admin.audit.entity'), { exact: true }).selectOption({
      label: audit.a('admin.audit.entity.user'),
    });
    await form.getByLabel(audit.a('admin.audit.entityId')).fill(reader.id);
    await apply();
    await audit.rows('Lettore filtrato').first().waitFor();
    await expect
      .poll(async () => (await allRows().allTextContents()).join('\n'))
      .not.toContain('Nucleo filtrato');
    const shownTexts = await allRows().allTextContents();
    expect(shownTexts.length).toBeGreaterThan(0);
    for (const row of shownTexts) expect(row).not.toContain('Nucleo filtrato');

    // By day: from tomorrow → nothing; today only → the entries again; reversed dates → a message.
    await form.getByRole('button', { name: audit.a('admin.audit.clear') }).click();
    const today = isoDateIn('Europe/Rome');
    const tomorrow = isoDateIn('Europe/Rome', new Date(Date.now() + 36 * 3600_000));
    await form.getByLabel(audit.a('admin.audit.from')).fill(tomorrow);
    await apply();
    await audit.main.getByText(audit.a('admin.audit.none')).waitFor();
    await form.getByLabel(audit.a('admin.audit.from')).fill(today);
    await apply();
    await audit.rows('Nucleo filtrato').first().waitFor();
    await form
      .getByLabel(audit.a('admin.audit.to'))
      .fill(isoDateIn('Europe/Rome', new Date(Date.now() - 36 * 3600_000)));
    await apply();
    await form.getByText(audit.a('admin.audit.datesReversed')).waitFor();
  }, 120_000);
});

async function sessionIdsOf(admin: ApiSession, username: string): Promise<string[]> {
  const res = await fetch(`${admin.origin}/api/admin/sessions`, {
    headers: { authorization: `Bearer ${admin.token}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { sessions: { id: string; username: string }[] };
  return body.sessions.filter((s) => s.username === username).map((s) => s.id);
}
