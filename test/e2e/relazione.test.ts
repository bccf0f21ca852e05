/**
 * The Relazione sulla performance of the demo's 2022 plan of Asola, in Chromium. The Nucleo evaluates
 * every counting objective through the real server (one in five NV, the others at varied percents);
 * the admin's device syncs and opens the report; Chromium prints it to PDF (page.pdf(), A4, with the
 * print CSS) and `pdftotext` finds in it every objective of the sample with its score under the
 * plan's method (NV as NV). The report page has no WCAG 2.1 A/AA violation (axe-core) in Italian and
 * English; E2E_SCREENSHOTS saves phone and A4 pictures.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { objectiveScore } from '../../src/domain/scores.ts';
import { apiLogin, pullAll, pushV2, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { audit } from './pages/axe-audit.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);
const pdftotextAvailable = spawnSync('pdftotext', ['-v']).error === undefined;
if (!pdftotextAvailable) console.warn('relazione e2e skipped: no pdftotext (apt-get install poppler-utils)');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!chromiumAvailable || !pdftotextAvailable)('the Relazione sulla performance as PDF', () => {
  const app = useE2eApp();
  let plan: Row<'plan'>;
  let objectives: Row<'objective'>[];
  const achievements = new Map<string, number | null>();

  beforeAll(async () => {
    const nucleo = await apiLogin(app.server.origin, 'nucleo');
    const server = await pullAll(nucleo, 2);
    const found = server.all('plan').find((p) => p.year === 2022 || p.years.includes(2022));
    if (!found) throw new Error('no 2022 plan in the demo');
    plan = found;
    const areaIds = new Set(
      server
        .all('area')
        .filter((a) => a.planId === plan.id)
        .map((a) => a.id),
    );
    objectives = server
      .all('objective')
      .filter((o) => areaIds.has(o.areaId) && (o.state === 'active' || o.state === 'modified'));
    expect(objectives.length).toBeGreaterThan(3);
    const values = [100, 85, 60, 40];
    objectives.forEach((o, i) => achievements.set(o.id, i % 5 === 4 ? null : (values[i % 4] ?? 100)));
    const codes = await pushV2(
      nucleo,
      objectives.map((o) => ({
        name: 'evaluation.setObjective',
        args: {
          objectiveId: o.id,
          percent: achievements.get(o.id) ?? null,
          comment: 'Verificato in sopralluogo',
        },
      })),
    );
    expect(codes.every((c) => c === 'applied')).toBe(true);
  });

  it('prints every objective of the sample with its score, and passes axe in it and en', async () => {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin');
    await login.waitForSynced();
    await page.goto(app.url(`/piani/${encodeURIComponent(plan.id)}/relazione`));
    await expect
      .poll(() => page.locator('.report-score').count(), { timeout: 20_000 })
      .toBe(objectives.length);

    const dir = await mkdtemp(join(tmpdir(), 'relazione-'));
    try {
      const pdf = join(dir, 'relazione.pdf');
      await page.emulateMedia({ media: 'print' });
      await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
      await page.emulateMedia({ media: 'screen' });
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(out.status).toBe(0);
      const text = squash(out.stdout);
      expect(text).toContain('Relazione sulla performance 2022');
      // No app chrome in print: neither the print button nor the navigation.
      expect(text).not.toContain('Stampa o salva come PDF');
      const method = plan.scoring ?? { kind: 'linear' as const };
      const missing: string[] = [];
      for (const o of objectives) {
        const heading = squash(`Obiettivo ${o.number} · ${o.title}`);
        const at = text.indexOf(heading);
        if (at < 0) {
          missing.push(`heading of ${o.number}`);
          continue;
        }
        const score = objectiveScore(achievements.get(o.id) ?? null, method);
        const expected = score === null ? 'NV' : String(score);
        const after = text.slice(at + heading.length, text.indexOf('Obiettivo ', at + heading.length) >>> 0);
        if (!new RegExp(`Punteggio ${expected}(?![0-9])`).test(after))
          missing.push(`score ${expected} of ${o.number}`);
      }
      expect(missing).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      await mkdir(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'relazione-phone.png') });
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: join(shots, 'relazione-a4.png') });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 390, height: 844 });
    }

    const violations = [await audit(page, 'Relazione (it)')];
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.setLanguage('en');
    await page.goto(app.url(`/piani/${encodeURIComponent(plan.id)}/relazione`));
    await expect
      .poll(() => page.locator('.report-score').count(), { timeout: 20_000 })
      .toBe(objectives.length);
    expect(await page.locator('h1').textContent()).toContain('Performance report 2022');
    violations.push(await audit(page, 'Relazione (en)'));
    expect(violations.filter(Boolean)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
