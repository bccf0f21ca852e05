/**
 * Reminders on a phone, end to end, on the demo's current-year plan (deadlines relative to today).
 * Before the head signs in, the admin moves a phase of "Servizi alla persona" to three days from now,
 * another to two days ago, a third to ten days from now (due at 14 days ahead, not at 7), and a
 * fourth to three days from now before removing it (a removed phase is no reminder). The head,
 * offline after the first sync, finds in Il mio lavoro exactly the late and due phases that
 * src/domain computes from the rows the server gives them, the count on the "Il mio lavoro" item (in
 * words for screen readers) and on the app icon (navigator.setAppBadge). With the notification
 * permission granted by the browser, none is shown until the head ticks "Una notifica di sistema al
 * giorno"; then one, through the service worker (registration.getNotifications), with the day's
 * summary. Turning reminders off takes it away; on again the same day, and after reopening the app
 * with 14 days ahead (more to say), no second one. A bad number of days is refused at its field.
 * Off: no region, no count on the item or the icon. axe-core (WCAG 2.1 A/AA) on Il mio lavoro and
 * Impostazioni in Italian and English. Phone pictures: E2E_SCREENSHOTS=docs/screenshots.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from '../../src/domain/dates.ts';
import { phaseReminders, type Reminders } from '../../src/domain/reminders.ts';
import { pushResponseSchema } from '../../src/shared/push.ts';
import { apiLogin, isoDateIn, pullAll, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  ensureBuilt,
  launchChromium,
  PHONE,
  SKIP_MESSAGE,
  startE2eServer,
  trackPageErrors,
  waitForServiceWorkerControl,
  type E2eServer,
} from '../helpers/e2e-app.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { reminderSettingsText, RemindersPage } from './pages/reminders-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { text } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const HEAD = 'resp.persona';
const PERSONA = 'Servizi alla persona';
const TIME_ZONE = PHONE.timezoneId ?? 'Europe/Rome';
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
const TAG = 'traguardi-reminders';

/** A v2 push of plan mutations as a new client (pushAs speaks v1). */
async function pushPlanChanges(session: ApiSession, mutations: { name: string; args: unknown }[]) {
  const res = await fetch(`${session.origin}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUUID(),
      schemaVersion: 2,
      mutations: mutations.map((m, i) => ({
        id: randomUUID(),
        seq: i + 1,
        ...m,
        clientTime: new Date().toISOString(),
      })),
    }),
  });
  if (res.status !== 200) throw new Error(`push: HTTP ${res.status} ${await res.text()}`);
  return pushResponseSchema.parse(await res.json());
}

/** The title a phase is listed under (reminders-section.tsx): description, else indicator, else "Fase N". */
function phaseTitle(phase: Row<'phase'>): string {
  return phase.description || phase.indicator || text('it', 'phase.label', { number: phase.number });
}

async function audit(page: Page, where: string): Promise<string> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .map(
      (v) =>
        `${where}: [${v.impact ?? '?'}] ${v.id} — ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
          .join('\n')}`,
    )
    .join('\n');
}

/** The reminders' notifications the service worker registration holds, as the page sees them. */
async function shownNotifications(page: Page): Promise<{ title: string; body: string; timestamp: number }[]> {
  return page.evaluate(async (tag) => {
    const registration = await navigator.serviceWorker.ready;
    const list = await registration.getNotifications({ tag });
    // `timestamp` is when it was shown: a second showNotification with the same tag would replace
    // the first under a new one.
    return list.map((n) => ({
      title: n.title,
      body: n.body,
      timestamp: (n as Notification & { timestamp: number }).timestamp,
    }));
  }, TAG);
}

/** What the app sent to navigator.setAppBadge / clearAppBadge (0), in order. */
async function appBadges(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __appBadges: number[] }).__appBadges);
}

describe.skipIf(!chromiumAvailable)('reminders on the device', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let expected7: Reminders<Row<'phase'>>;
  let expected14: Reminders<Row<'phase'>>;
  let removedTitle: string;
  let badgeNative = false;

  beforeAll(async () => {
    await ensureBuilt();
    [server, browser] = await Promise.all([startE2eServer({ currentYearPlan: true }), launchChromium()]);
    const today = isoDateIn(TIME_ZONE);
    const year = Number(today.slice(0, 4));
    const admin = await apiLogin(server.origin, 'admin');
    const before = await pullAll(admin, 2);
    const plan = before.all('plan').find((p) => p.year === year && p.status === 'approved');
    if (!plan) throw new Error(`the demo has no approved plan of ${year}`);
    const area = before.all('area').find((a) => a.planId === plan.id && a.name === PERSONA);
    if (!area) throw new Error(`the ${year} plan has no area ${PERSONA}`);
    const counting = new Set(
      before
        .all('objective')
        .filter((o) => o.areaId === area.id && (o.state === 'active' || o.state === 'modified'))
        .map((o) => o.id),
    );
    const open = before
      .all('phase')
      .filter((p) => counting.has(p.objectiveId) && p.status !== 'done' && p.status !== 'cancelled')
      .sort((a, b) => a.id.localeCompare(b.id));
    const [due, late, removed, later] = open;
    if (!due || !late || !removed || !later) throw new Error('fewer than four open phases in the area');
    // Deadlines stay inside the plan's year (the server refuses others): near 1 January or 31
    // December one of them may fall on the same day as another reminder, which changes nothing here.
    const clamp = (d: string) =>
      compareIsoDates(d, `${year}-01-01`) < 0
        ? `${year}-01-01`
        : compareIsoDates(d, `${year}-12-31`) > 0
          ? `${year}-12-31`
          : d;
    const amendment = { motivation: 'Prova end-to-end dei promemoria: scadenza spostata.' };
    const pushed = await pushPlanChanges(admin, [
      {
        name: 'phase.update',
        args: { phaseId: due.id, changes: { deadline: clamp(addDays(today, 3)) }, amendment },
      },
      {
        name: 'phase.update',
        args: { phaseId: late.id, changes: { deadline: clamp(addDays(today, -2)) }, amendment },
      },
      {
        name: 'phase.update',
        args: { phaseId: removed.id, changes: { deadline: clamp(addDays(today, 3)) }, amendment },
      },
      {
        name: 'phase.update',
        args: { phaseId: later.id, changes: { deadline: clamp(addDays(today, 10)) }, amendment },
      },
      { name: 'phase.remove', args: { phaseId: removed.id, amendment } },
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    removedTitle = phaseTitle(removed);

    // What the domain says the head should be reminded of, from the rows the server gives the head.
    const head = await apiLogin(server.origin, HEAD);
    const rows = await pullAll(head, 2);
    const input = {
      plans: rows.all('plan'),
      areas: rows.all('area'),
      objectives: rows.all('objective'),
      phases: rows.all('phase'),
    };
    expected7 = phaseReminders(input, head.user.areaIds, today, 7);
    expected14 = phaseReminders(input, head.user.areaIds, today, 14);
    expect(expected7.dueSoon.map((p) => p.id)).toContain(due.id);
    // Ten days ahead is due at 14 days, not at 7 (unless 31 December pulled it nearer).
    if (clamp(addDays(today, 10)) === addDays(today, 10)) {
      expect(expected7.dueSoon.map((p) => p.id)).not.toContain(later.id);
      expect(expected14.dueSoon.map((p) => p.id)).toContain(later.id);
    }
    expect(rows.all('phase').find((p) => p.id === removed.id)?.removed).toBe(true);

    context = await browser.newContext({ ...PHONE, baseURL: server.origin });
    // The browser's own permission, as a user who allowed notifications for the site has it.
    await context.grantPermissions(['notifications'], { origin: server.origin });
    // Record what the app asks of the icon badge. Where the browser has the API (an installed app
    // on Chromium) the calls go through; this headless Linux Chromium has none, so a recorder stands
    // in for the platform, and the test says which (badgeNative).
    await context.addInitScript(() => {
      const log: number[] = [];
      Object.assign(window, { __appBadges: log, __appBadgeNative: 'setAppBadge' in navigator });
      const nav = navigator as Navigator & {
        setAppBadge?: (n?: number) => Promise<void>;
        clearAppBadge?: () => Promise<void>;
      };
      const set = nav.setAppBadge?.bind(navigator);
      const clear = nav.clearAppBadge?.bind(navigator);
      Object.assign(navigator, {
        setAppBadge: (n?: number) => {
          log.push(n ?? -1);
          return set ? set(n) : Promise.resolve();
        },
        clearAppBadge: () => {
          log.push(0);
          return clear ? clear() : Promise.resolve();
        },
      });
    });
  }, 240_000);

  // On failure, what the phone showed (as useE2eApp does for the other files).
  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !context) return;
    const dir = process.env.E2E_ARTIFACTS ?? join(tmpdir(), 'traguardi-e2e');
    mkdirSync(dir, { recursive: true });
    for (const [i, page] of context.pages().entries()) {
      const path = join(dir, `reminders-${i + 1}.png`);
      await page.screenshot({ path }).then(
        () => console.error(`screenshot of ${page.url()}: ${path}`),
        () => undefined,
      );
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('shows the late and due phases offline, the badge, one notification a day, and turns off', async () => {
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(HEAD);
    await login.waitForSynced();
    await waitForServiceWorkerControl(page);
    await login.waitForSynced();
    badgeNative = await page.evaluate(
      () => (window as unknown as { __appBadgeNative: boolean }).__appBadgeNative,
    );

    // Offline from here on: everything below is worked out on the device.
    await context.setOffline(true);
    await page.reload();
    const home = new HomePage(page);
    await home.waitForLoaded();
    await home.waitForOffline();
    const reminders = new RemindersPage(page);
    const count7 = expected7.late.length + expected7.dueSoon.length;
    await reminders.region.waitFor();
    expect(await reminders.count()).toBe(count7);
    const late = expected7.late.length;
    const due = expected7.dueSoon.length;
    const lateText = text('it', late === 1 ? 'reminders.late.one' : 'reminders.late.other', { count: late });
    const window7 = text('it', 'reminders.window.other', { count: 7 });
    const dueText = text('it', due === 1 ? 'reminders.due.one' : 'reminders.due.other', {
      count: due,
      window: window7,
    });
    const summary7 =
      late > 0 && due > 0
        ? text('it', 'reminders.and', { first: lateText, second: dueText })
        : late > 0
          ? lateText
          : dueText;
    expect(await reminders.summary.textContent()).toBe(summary7);
    // Late first, then due; the first five, then "Mostra altre".
    const titles7 = [...expected7.late, ...expected7.dueSoon].map(phaseTitle);
    expect(await reminders.itemTitles()).toEqual(titles7.slice(0, 5));
    expect(await reminders.itemTitles()).not.toContain(removedTitle);
    expect(await reminders.homeLinkName()).toBe(reminders.expectedLinkName(count7));
    await expect.poll(() => appBadges(page)).toContain(count7);
    expect((await appBadges(page)).at(-1)).toBe(count7);
    // Nobody ticked the notification box yet: none, though the browser would allow it.
    expect(await shownNotifications(page)).toEqual([]);
    expect(await audit(page, 'Il mio lavoro (it)')).toBe('');
    if (SCREENSHOTS) {
      await page.screenshot({ path: join(SCREENSHOTS, 'home-reminders.png') });
      // Wider than a tablet the navigation moves to the header, its count with it.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: join(SCREENSHOTS, 'home-reminders-wide.png') });
      await page.setViewportSize(PHONE.viewport ?? { width: 390, height: 844 });
    }

    // Impostazioni › Promemoria, still offline.
    await reminders.nav('nav.settings').click();
    const settings = new SettingsPage(page);
    await settings.waitForLoaded();
    await reminders.settingsSection.waitFor();
    expect(await reminders.enabledBox.isChecked()).toBe(true);
    expect(await reminders.daysField.inputValue()).toBe('7');
    expect(await reminders.notifyBox.isChecked()).toBe(false);
    await reminders.notifyBox.check();
    await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toHaveLength(1);
    const [notification] = await shownNotifications(page);
    expect(notification).toMatchObject({ title: text('it', 'reminders.notificationTitle'), body: summary7 });
    // Headless Chromium drops a notification by itself some 20 s after showing it (it has no
    // notification tray), so what needs one on screen comes right away: turning reminders off
    // takes it away.
    await reminders.enabledBox.uncheck();
    expect(await reminders.notifyBox.isDisabled()).toBe(true);
    await expect.poll(() => shownNotifications(page)).toEqual([]);
    await expect.poll(async () => (await appBadges(page)).at(-1)).toBe(0);
    // On again the same day: the reminders come back, today's notification does not (once a day).
    await reminders.enabledBox.check();
    await expect.poll(async () => (await appBadges(page)).at(-1)).toBe(count7);
    await page.waitForTimeout(1000);
    expect(await shownNotifications(page)).toEqual([]);

    // A bad number of days: refused at its field, nothing changes.
    await reminders.setDays('sette');
    const error = reminderSettingsText('it', 'settings.reminderDaysError.not_whole_number', {
      min: 0,
      max: 60,
    });
    await reminders.settingsSection.getByText(error).waitFor();
    expect(await reminders.daysField.getAttribute('aria-invalid')).toBe('true');
    expect(await audit(page, 'Impostazioni, days refused (it)')).toBe('');
    if (SCREENSHOTS) {
      // The section's heading just under the sticky header.
      await reminders.settingsSection.evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -(document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0) - 8);
      });
      await page.screenshot({ path: join(SCREENSHOTS, 'settings-reminders.png') });
    }
    await reminders.setDays('14');
    await reminders.settingsSection
      .getByText(
        reminderSettingsText('it', 'settings.reminderDaysSaved', {
          window: text('it', 'reminders.window.other', { count: 14 }),
        }),
      )
      .waitFor();

    // Opening the app again the same day, with more to say (14 days ahead): no second notification.
    await home.goto();
    const count14 = expected14.late.length + expected14.dueSoon.length;
    await expect.poll(() => reminders.count()).toBe(count14);
    expect(await reminders.itemTitles()).toEqual(
      [...expected14.late, ...expected14.dueSoon].map(phaseTitle).slice(0, 5),
    );
    await expect.poll(() => appBadges(page)).toContain(count14);
    await page.waitForTimeout(1000);
    expect(await shownNotifications(page)).toEqual([]);

    // In English, as a user switching the language in Settings would.
    await reminders.nav('nav.settings').click();
    await settings.waitForLoaded();
    const settingsEn = await settings.setLanguage('en');
    const remindersEn = new RemindersPage(page, 'en');
    await remindersEn.settingsSection.waitFor();
    expect(await audit(page, 'Settings (en)')).toBe('');
    await remindersEn.homeLink.click();
    await new HomePage(page, 'en').waitForLoaded();
    await remindersEn.region.waitFor();
    expect(await remindersEn.homeLinkName()).toBe(remindersEn.expectedLinkName(count14));
    expect(await audit(page, 'My work (en)')).toBe('');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'home-reminders-en.png') });

    // Off: no region, no count on the item nor on the icon.
    await remindersEn.nav('nav.settings').click();
    await settingsEn.waitForLoaded();
    expect(await remindersEn.notifyBox.isChecked()).toBe(true);
    await remindersEn.enabledBox.uncheck();
    expect(await remindersEn.notifyBox.isDisabled()).toBe(true);
    await remindersEn.homeLink.click();
    await new HomePage(page, 'en').waitForLoaded();
    expect(await remindersEn.region.count()).toBe(0);
    expect(await remindersEn.homeLinkName()).toBe(text('en', 'nav.home'));
    expect((await appBadges(page)).at(-1)).toBe(0);
    expect(await shownNotifications(page)).toEqual([]);
    // The rest of My work stays: the late phases are still listed there.
    if (expected7.late[0])
      await page
        .getByRole('link', { name: phaseTitle(expected7.late[0]) })
        .first()
        .waitFor();

    // The generated worker imports the click handler (public/reminders-sw.js).
    await context.setOffline(false);
    const sw = await page.evaluate(async () => (await fetch('/sw.js')).text());
    expect(sw).toContain('reminders-sw.js');
    const handler = await page.evaluate(async () => (await fetch('/reminders-sw.js')).text());
    expect(handler).toContain('notificationclick');
    console.info(
      `reminders e2e: ${count7} reminders at 7 days, ${count14} at 14; setAppBadge native: ${badgeNative}`,
    );
    expect(errors).toEqual([]);
  }, 240_000);
});
