/**
 * WCAG 2.1 AA, as axe-core checks it, on every main page at phone size, in Italian and then in
 * English (switched in Settings, as a user would): sign-in, my work, dashboard, an area, an objective,
 * a phase (with a note and its photo), search with results, sync (with a change waiting, offline),
 * settings; the admin pages; the plan import with a preview and a draft's page under the plan
 * selector. A failure lists each violation with the elements and what to fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, pullAll, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, ROOT, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { makePng } from '../helpers/e2e-images.ts';
import { AreaPage, DashboardPage } from './pages/dashboard-page.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ObjectivePage } from './pages/objective-page.ts';
import { PhasePage } from './pages/phase-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { adminText } from './pages/admin-texts.ts';
import { AdminAuditPage } from './pages/admin-audit-page.ts';
import { AdminUsersPage } from './pages/admin-users-page.ts';
import { PlanAmendPage } from './pages/plan-amend-page.ts';
import { PlanImportPage, PlanPage, PlanSelector } from './pages/plan-import-page.ts';
import { RolloverForm } from './pages/plan-rollover-page.ts';
import type { Lang } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const USER = 'istruttore.persona';

/** Violations as a reader wants them: rule, impact, what to do, and up to five offending elements. */
function formatViolations(where: string, violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `      - ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `${where}: [${v.impact ?? '?'}] ${v.id} — ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/** Runs axe on the page as it stands, once fonts are in and nothing says "loading". */
async function audit(page: Page, where: string): Promise<string> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return formatViolations(where, results.violations);
}

interface Plan {
  area: Row<'area'>;
  objective: Row<'objective'>;
  phase: Row<'phase'>;
  /** Another open phase, changed offline so the sync page has something waiting. */
  otherPhase: Row<'phase'>;
  searchWord: string;
}

describe.skipIf(!chromiumAvailable)('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const app = useE2eApp();
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let plan: Plan;

  beforeAll(async () => {
    const api = await apiLogin(app.server.origin, USER);
    const server = await pullAll(api);
    const area = server.all('area').find((a) => a.id === api.user.areaIds[0]);
    const phases = server.all('phase');
    const objective = server
      .all('objective')
      .filter((o) => o.areaId === area?.id && (o.state === 'active' || o.state === 'modified'))
      .sort((a, b) => a.number.localeCompare(b.number, 'it', { numeric: true }))
      .find((o) => phases.filter((p) => p.objectiveId === o.id && p.status !== 'done').length >= 2);
    const [phase, otherPhase] = phases
      .filter((p) => p.objectiveId === objective?.id && p.status !== 'done')
      .sort((a, b) => a.number - b.number);
    if (!area || !objective || !phase || !otherPhase)
      throw new Error('the demo plan lacks an objective with two open phases');
    const searchWord = objective.title.split(/\s+/).find((w) => w.length >= 6) ?? objective.title.slice(0, 6);
    plan = { area, objective, phase, otherPhase, searchWord };

    context = await app.newPhone();
    page = await context.newPage();
    errors = trackPageErrors(page);
  });

  /** The signed-in pages, in the order a user meets them; each opens its page and waits for it. */
  function pages(lang: Lang): [string, () => Promise<void>][] {
    return [
      ['home', () => new HomePage(page, lang).goto()],
      ['dashboard', () => new DashboardPage(page, lang).goto()],
      ['area', () => new AreaPage(page, lang).goto(plan.area.id, plan.area.name)],
      [
        'objective',
        async () => {
          const objective = new ObjectivePage(page, lang);
          await objective.goto(plan.objective.id);
          await objective.phaseCards.first().waitFor();
        },
      ],
      [
        'phase (with a note and a photo)',
        async () => {
          const phase = new PhasePage(page, lang);
          await phase.goto(plan.phase.id);
          const text = `Nota di prova per l’accessibilità (${lang})`;
          await phase.addNote(text, [{ name: 'foto.png', mimeType: 'image/png', buffer: makePng(320, 240) }]);
          await phase.notePhotos(text).first().waitFor();
          await phase.waitForSynced();
        },
      ],
      [
        'search (with results)',
        async () => {
          const search = new SearchPage(page, lang);
          await search.goto();
          await search.search(plan.searchWord);
          await search.resultLinks.first().waitFor();
        },
      ],
      [
        'sync (offline, a change waiting)',
        async () => {
          const phase = new PhasePage(page, lang);
          await phase.goto(plan.otherPhase.id);
          await context.setOffline(true);
          await phase.waitForOffline();
          await phase.setStatus((await phase.currentStatus()) === 'blocked' ? 'in_progress' : 'blocked');
          const sync = new SyncPage(page, lang);
          await sync.open();
          await sync.pendingItems.first().waitFor();
        },
      ],
      [
        'settings',
        async () => {
          await context.setOffline(false);
          const settings = new SettingsPage(page, lang);
          await settings.goto();
          await settings.waitForSynced();
          await settings.storageState.filter({ hasNotText: settings.t('app.loading') }).waitFor();
        },
      ],
    ];
  }

  describe('in Italian', () => {
    it('sign-in', async () => {
      const login = new LoginPage(page);
      await login.goto();
      const report = await audit(page, 'it sign-in');
      await login.signIn(USER);
      await login.waitForSynced();
      expect(report, report).toBe('');
    }, 90_000);

    for (const [name, open] of pages('it')) {
      it(
        name,
        async () => {
          await open();
          const report = await audit(page, `it ${name}`);
          expect(report, report).toBe('');
        },
        90_000,
      );
    }
    it('keyboard alone: skip link, then a status change, with the focus always visible', async () => {
      const phase = new PhasePage(page);
      await phase.goto(plan.phase.id);
      const target = (await phase.currentStatus()) === 'in_progress' ? 'blocked' : 'in_progress';
      const targetLabel = phase.t(`status.${target}`);
      const statusGroup = `${phase.t('phase.status')}:`;

      // The first Tab reaches the skip link, shown on screen; Enter moves the focus to the content.
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el?.getBoundingClientRect();
        return {
          text: el?.textContent?.trim(),
          visible: !!box && box.width > 0 && box.bottom > 0 && box.top < innerHeight,
        };
      });
      expect(skip).toEqual({ text: phase.t('app.skipToContent'), visible: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      // Tab to the status button; every stop on the way shows where the focus is.
      const invisible: string[] = [];
      let reached = false;
      for (let i = 0; i < 80 && !reached; i += 1) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const outlined = (node: Element) => {
            const style = getComputedStyle(node);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          };
          // A visually hidden input (the photo picker) shows its focus on its label instead.
          const labels: Element[] = el instanceof HTMLInputElement && el.labels ? Array.from(el.labels) : [];
          const hidden = el.getBoundingClientRect().width <= 1;
          return {
            label: (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 60),
            group: el.closest('[role="group"]')?.getAttribute('aria-label') ?? '',
            indicated: hidden ? labels.some(outlined) : outlined(el),
          };
        });
        if (!focus) continue;
        if (!focus.indicated) invisible.push(focus.label);
        reached = focus.label === targetLabel && focus.group.startsWith(statusGroup);
      }
      expect(reached, `Tab never reached "${targetLabel}" in the status controls`).toBe(true);
      expect(invisible, 'focused elements without a visible focus indicator').toEqual([]);
      await page.keyboard.press('Enter');
      await phase.waitForStatus(target);
      await phase.waitForSynced();
    }, 90_000);
  });

  describe('in English', () => {
    it('switches the language in settings', async () => {
      const settings = new SettingsPage(page, 'it');
      await settings.goto();
      await settings.setLanguage('en');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    });

    for (const [name, open] of pages('en')) {
      it(
        name,
        async () => {
          await open();
          const report = await audit(page, `en ${name}`);
          expect(report, report).toBe('');
        },
        90_000,
      );
    }

    it('sign-in (after signing out)', async () => {
      const settings = new SettingsPage(page, 'en');
      await settings.goto();
      await settings.waitForSynced();
      await settings.main.getByRole('button', { name: settings.t('settings.signOut') }).click();
      const login = new LoginPage(page, 'en');
      await login.username.waitFor();
      const report = await audit(page, 'en sign-in');
      expect(report, report).toBe('');
      expect(errors).toEqual([]);
    }, 90_000);
  });

  // The admin pages (as admin) and the reserved-page notice (as a head), with their forms showing
  // errors and the audit's details open, in Italian and English.
  describe('admin pages', () => {
    let admin: Page;
    let head: Page;
    beforeAll(async () => {
      admin = await (await app.newPhone()).newPage();
      await new LoginPage(admin).goto();
      await new LoginPage(admin).signIn('admin');
      // A user.update entry, so the audit has an entry with before/after details to open.
      const api = await apiLogin(app.server.origin, 'admin');
      const headers = { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' };
      const list = (await (await fetch(`${app.server.origin}/api/admin/users`, { headers })).json()) as {
        users: { id: string; username: string }[];
      };
      const reader = list.users.find((u) => u.username === 'lettore');
      if (!reader) throw new Error('no demo user lettore');
      const res = await fetch(`${app.server.origin}/api/admin/users/${reader.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ displayName: 'Lettore di prova' }),
      });
      if (res.status !== 200) throw new Error(`PATCH lettore: ${res.status}`);
      head = await (await app.newPhone()).newPage();
      await new LoginPage(head).goto();
      await new LoginPage(head).signIn('resp.persona');
    }, 90_000);

    for (const lang of ['it', 'en'] as const) {
      it(`${lang}: users and sessions (new-user form with an error, an edit panel open)`, async () => {
        if (lang === 'en')
          await new SettingsPage(admin, 'it')
            .goto()
            .then(() => new SettingsPage(admin, 'it').setLanguage('en'));
        const users = new AdminUsersPage(admin, lang);
        await users.goto();
        await users.main.getByRole('button', { name: users.a('admin.users.new'), exact: true }).click();
        const form = users.main.getByRole('form', { name: users.a('admin.users.newTitle') });
        await form.getByRole('button', { name: users.a('admin.users.create') }).click();
        await form.getByText(users.a('admin.users.error.usernameEmpty')).waitFor();
        await users.userCards
          .last()
          .getByRole('button', { name: new RegExp(`^${users.a('admin.users.edit')}`) })
          .click();
        await users.sessionsTable.waitFor();
        const report = await audit(admin, `${lang} admin users`);
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: audit trail (an entry's details open)`, async () => {
        const page = new AdminAuditPage(admin, lang);
        await page.goto();
        await page.table.locator('summary').first().click();
        const report = await audit(admin, `${lang} admin audit`);
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: settings with the password form refusing a wrong current password`, async () => {
        const settings = new SettingsPage(admin, lang);
        await settings.goto();
        const section = admin.getByRole('region', { name: adminText(lang, 'password.section') });
        await section.getByLabel(adminText(lang, 'password.current')).fill('sbagliata');
        await section.getByLabel(adminText(lang, 'password.next'), { exact: true }).fill('corta');
        await section.getByRole('button', { name: adminText(lang, 'password.submit') }).click();
        await section.getByText(adminText(lang, 'admin.passwordTooShort', { min: 10 })).waitFor();
        const report = await audit(admin, `${lang} settings password`);
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: an admin address opened by a head`, async () => {
        if (lang === 'en')
          await new SettingsPage(head, 'it')
            .goto()
            .then(() => new SettingsPage(head, 'it').setLanguage('en'));
        await head.goto('/amministrazione/registro');
        await new HomePage(head, lang).waitForTitle(adminText(lang, 'admin.reserved'));
        const report = await audit(head, `${lang} admin reserved`);
        expect(report, report).toBe('');
      }, 90_000);
    }
  });

  // The admin's plan import with a preview shown, and a draft's page with its approval form, both
  // under the plan selector (a draft imported beforehand makes two plans), in Italian and English.
  describe('plan import and the plan selector', () => {
    let admin: Page;
    let draftId: string;
    const sample = readFileSync(join(ROOT, 'test/fixtures/asola-piao-2022-performance.txt'), 'utf8');
    beforeAll(async () => {
      const api = await apiLogin(app.server.origin, 'admin');
      const res = await fetch(`${app.server.origin}/api/plans/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'text', content: sample, year: 2025, title: 'Piano di prova 2025' }),
      });
      if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
      draftId = ((await res.json()) as { planId: string }).planId;
      admin = await (await app.newPhone()).newPage();
      await new LoginPage(admin).goto();
      await new LoginPage(admin).signIn('admin');
      await new LoginPage(admin).waitForSynced();
    }, 90_000);

    for (const lang of ['it', 'en'] as const) {
      it(`${lang}: the import page with a preview, under the plan selector`, async () => {
        if (lang === 'en')
          await new SettingsPage(admin, 'it')
            .goto()
            .then(() => new SettingsPage(admin, 'it').setLanguage('en'));
        const importPage = new PlanImportPage(admin, lang);
        await importPage.goto();
        await new PlanSelector(admin, lang).select.waitFor();
        await importPage.fillText(sample, 2026);
        await importPage.showPreview();
        await importPage.preview.locator('details').first().locator('summary').click();
        const report = await audit(admin, `${lang} plan import preview`);
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: a draft's page with the approval form`, async () => {
        const planPage = new PlanPage(admin, lang);
        await admin.goto(`/piani/${draftId}`);
        await planPage.approveRegion.waitFor();
        await planPage.approveRegion.getByRole('button', { name: planPage.pt('planPage.approve') }).click();
        await planPage.approveRegion.getByText(planPage.pt('planPage.required')).first().waitFor();
        const report = await audit(admin, `${lang} plan page`);
        expect(report, report).toBe('');
      }, 90_000);
    }
  });

  // Plan editing (an objective's edit form refusing a change without motivation), then, once the
  // change is saved, the plan's amendment register and "what changed", as the admin, in Italian and
  // English.
  describe('plan amendments', () => {
    let admin: Page;
    let planId: string;
    let objectiveId: string;
    beforeAll(async () => {
      const api = await apiLogin(app.server.origin, 'admin');
      const server = await pullAll(api, 2);
      const objective = server
        .all('objective')
        .filter((o) => o.state === 'active')
        .sort((a, b) => b.number.localeCompare(a.number, 'it', { numeric: true }))[0];
      const area = server.all('area').find((a) => a.id === objective?.areaId);
      if (!objective || !area) throw new Error('the demo plan has no active objective');
      objectiveId = objective.id;
      planId = area.planId;
      admin = await (await app.newPhone()).newPage();
      await new LoginPage(admin).goto();
      await new LoginPage(admin).signIn('admin');
      await new LoginPage(admin).waitForSynced();
    }, 90_000);

    for (const lang of ['it', 'en'] as const) {
      it(`${lang}: an objective's edit form with the motivation refused`, async () => {
        if (lang === 'en')
          await new SettingsPage(admin, 'it')
            .goto()
            .then(() => new SettingsPage(admin, 'it').setLanguage('en'));
        const amend = new PlanAmendPage(admin, lang);
        await amend.gotoObjective(objectiveId);
        const form = await amend.openEditObjective();
        const title = amend.field(form, 'amend.field.title');
        await title.fill(`${await title.inputValue()} (${lang})`);
        await amend.save(form);
        await form.getByText(amend.a('amend.error.motivationRequired')).waitFor();
        const report = await audit(admin, `${lang} objective edit form`);
        await amend.field(form, 'amend.field.motivation').fill(`Verifica di accessibilità (${lang})`);
        await amend.save(form);
        await amend.savedNotice.waitFor();
        await amend.waitForSynced();
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: the plan's amendment register`, async () => {
        const amend = new PlanAmendPage(admin, lang);
        await amend.gotoRegister(planId, 2022);
        await amend.main.getByText(amend.a('amend.setAct')).first().click();
        await amend.main.getByLabel(amend.a('amend.act.body')).first().waitFor();
        const report = await audit(admin, `${lang} amendment register`);
        expect(report, report).toBe('');
      }, 90_000);

      it(`${lang}: what changed since approval`, async () => {
        const amend = new PlanAmendPage(admin, lang);
        await amend.gotoWhatChanged(planId);
        await amend.change(objectiveId).waitFor();
        const report = await audit(admin, `${lang} what changed`);
        expect(report, report).toBe('');
      }, 90_000);
    }
  });

  // The rollover form on the 2022 plan's page, with the year refused at its field, as the admin, in
  // Italian and English.
  describe('plan rollover form', () => {
    let admin: Page;
    let planId: string;
    beforeAll(async () => {
      const server = await pullAll(await apiLogin(app.server.origin, 'admin'), 2);
      const plan = server.all('plan').find((p) => p.year === 2022);
      if (!plan) throw new Error('no 2022 plan in the demo');
      planId = plan.id;
      admin = await (await app.newPhone()).newPage();
      await new LoginPage(admin).goto();
      await new LoginPage(admin).signIn('admin');
      await new LoginPage(admin).waitForSynced();
    }, 90_000);

    for (const lang of ['it', 'en'] as const) {
      it(`${lang}: the rollover form with the year refused`, async () => {
        if (lang === 'en')
          await new SettingsPage(admin, 'it')
            .goto()
            .then(() => new SettingsPage(admin, 'it').setLanguage('en'));
        const form = new RolloverForm(admin, lang);
        await form.goto(planId);
        await form.year.fill('20');
        await form.submit.click();
        await form.region.getByText(form.pt('rollover.yearInvalid')).waitFor();
        const report = await audit(admin, `${lang} rollover form`);
        expect(report, report).toBe('');
      }, 90_000);
    }
  });
});
