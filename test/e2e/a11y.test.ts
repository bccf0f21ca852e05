/**
 * WCAG 2.1 AA, as axe-core checks it, on every main page at phone size, in Italian and then in
 * English (switched in Settings, as a user would): sign-in, my work, dashboard, an area, an objective,
 * a phase (with a note and its photo), search with results, sync (with a change waiting, offline),
 * settings. A failure lists each violation with the elements and what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, pullAll, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { makePng } from '../helpers/e2e-images.ts';
import { AreaPage, DashboardPage } from './pages/dashboard-page.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ObjectivePage } from './pages/objective-page.ts';
import { PhasePage } from './pages/phase-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SyncPage } from './pages/sync-page.ts';
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
});
