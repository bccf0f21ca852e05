/**
 * The evidence pack of an objective, in Chromium, on the demo's 2022 plan. An officer
 * (istruttore.persona) adds a note with a photo to a phase and changes its progress on their phone;
 * the Nucleo contests the phase with a reason through the real server; the admin's device syncs and
 * opens the objective's evidence pack: every entry the server holds for the objective is there, in
 * the order src/domain computes from the server's rows, with who and when; the photo is shown
 * (naturalWidth > 0). Chromium prints the page (page.pdf, A4, print CSS) and `pdftotext` finds the
 * note, the change and the verdict in it, without the app's chrome. axe-core finds no WCAG 2.1 A/AA
 * violation in Italian and English. Offline, reloaded, the pack comes from the device and the photo
 * from the browser's cache (the server sends photos as private and immutable). E2E_SCREENSHOTS saves phone and A4 pictures.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceTimeline } from '../../src/domain/evidence-timeline.ts';
import { apiLogin, pullAll, pushV2, type Row } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { makePng } from '../helpers/e2e-images.ts';
import { AppShell } from './pages/app-shell.ts';
import { EvidencePackPage } from './pages/evidence-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { PhasePage, waitForImagesLoaded } from './pages/phase-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { audit } from './pages/axe-audit.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);
const pdftotextAvailable = spawnSync('pdftotext', ['-v']).error === undefined;
if (!pdftotextAvailable) console.warn('evidence e2e skipped: no pdftotext (apt-get install poppler-utils)');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(!chromiumAvailable || !pdftotextAvailable)('the evidence pack of an objective', () => {
  const app = useE2eApp();

  it('holds the officer’s note with its photo, the change and the Nucleo’s verdict, in order, printed to PDF', async () => {
    // An open phase of a counting objective in the officer's area, as the server has it.
    const officerApi = await apiLogin(app.server.origin, 'istruttore.persona');
    const before = await pullAll(officerApi, 2);
    const areaId = officerApi.user.areaIds[0];
    const objectives = new Map(
      before
        .all('objective')
        .filter((o) => o.areaId === areaId && (o.state === 'active' || o.state === 'modified'))
        .map((o) => [o.id, o]),
    );
    const phase = before
      .all('phase')
      .filter((p) => objectives.has(p.objectiveId) && p.status === 'not_started' && !p.removed)
      .sort((a, b) => a.objectiveId.localeCompare(b.objectiveId) || a.number - b.number)[0];
    if (!phase) throw new Error('no phase not started in the officer’s area');
    const objective = objectives.get(phase.objectiveId) as Row<'objective'>;
    const stamp = String(Date.now());
    const noteText = `Sopralluogo ${stamp}: lavori avviati, foto del cantiere allegata.`;
    const reason = `Manca il verbale di avvio ${stamp}`;

    // 1. The officer, on their phone: a note with a photo on the phase, then its progress to 75%.
    const officer = await app.newPhone();
    const officerPage = await officer.newPage();
    const errors = trackPageErrors(officerPage);
    const officerLogin = new LoginPage(officerPage);
    await officerLogin.goto();
    await officerLogin.signIn('istruttore.persona');
    await officerLogin.waitForSynced();
    const phasePage = new PhasePage(officerPage);
    await phasePage.goto(phase.id);
    await phasePage.addNote(noteText, [
      { name: 'cantiere.png', mimeType: 'image/png', buffer: makePng(640, 480, [40, 120, 60]) },
    ]);
    await phasePage.setPercent(75);
    await new AppShell(officerPage).waitForSynced();

    // 2. The Nucleo contests the phase, through the real server.
    const nucleoApi = await apiLogin(app.server.origin, 'nucleo');
    expect(
      await pushV2(nucleoApi, [
        { name: 'evaluation.setPhaseVerdict', args: { phaseId: phase.id, verdict: 'contested', reason } },
      ]),
    ).toEqual(['applied']);

    // What the server holds for the objective, as the admin sees it, in the domain's order.
    const adminApi = await apiLogin(app.server.origin, 'admin');
    const server = await pullAll(adminApi, 2);
    const note = server.all('note').find((n) => n.text === noteText);
    if (!note) throw new Error('the officer’s note did not reach the server');
    expect(note.attachmentIds).toHaveLength(1);
    const planId = server.get('area', objective.areaId).planId;
    const expected = evidenceTimeline({
      objectiveId: objective.id,
      phases: server.all('phase'),
      notes: server.all('note'),
      history: server.all('phaseHistory'),
      conflicts: server.all('conflict'),
      amendments: server.all('amendment'),
      snapshots: server.all('snapshot').filter((s) => s.planId === planId),
      verdicts: server.all('phaseVerdict'),
      evaluations: server.all('evaluation'),
      planEnd: `${Math.max(...server.get('plan', planId).years)}-12-31`,
      names: new Map(server.all('user').map((u) => [u.id, u.displayName])),
    });
    const officerName = officerApi.user.displayName;

    // 3. The admin's device syncs and opens the evidence pack.
    const context = await app.newPhone();
    const page = await context.newPage();
    errors.push(...trackPageErrors(page));
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('admin');
    await login.waitForSynced();
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) await mkdir(shots, { recursive: true });
    // From the objective page, by its link, as a user would.
    const pack = new EvidencePackPage(page);
    await page.goto(app.url(`/obiettivi/${encodeURIComponent(objective.id)}`));
    await pack.evidenceLink.scrollIntoViewIfNeeded();
    if (shots) await page.screenshot({ path: join(shots, 'evidence-link.png') });
    await pack.evidenceLink.click();
    await pack.timeline.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/obiettivi/${encodeURIComponent(objective.id)}/evidenze`);
    await expect.poll(() => pack.entries.count(), { timeout: 20_000 }).toBe(expected.length);
    const shown = await pack.shownEntries();
    // Every entry, in order, each at its own time.
    expect(shown.map((e) => [e.kind, e.at])).toEqual(expected.map((e) => [e.kind, e.at]));
    const noteAt = shown.findIndex((e) => e.kind === 'note' && e.text.includes(noteText));
    const changeAt = shown.findIndex(
      (e, i) => i > noteAt && e.kind === 'change' && e.text.includes(`Avanzamento: ${phase.percent}% → 75%`),
    );
    const verdictAt = shown.findIndex((e) => e.kind === 'verdict' && e.text.includes(reason));
    expect(noteAt).toBeGreaterThanOrEqual(0);
    expect(changeAt).toBeGreaterThan(noteAt);
    expect(verdictAt).toBeGreaterThan(changeAt);
    // Who: the officer for the note and the change, the Nucleo for the verdict.
    expect(shown[noteAt]?.text).toContain(`Chi: ${officerName}`);
    expect(shown[changeAt]?.text).toContain(`Chi: ${officerName}`);
    expect(shown[verdictAt]?.text).toContain(`Chi: ${nucleoApi.user.displayName}`);
    expect(shown[verdictAt]?.text).toContain('Fase contestata');
    // The photo, from the server onto the admin's device, with real pixels.
    const [photo] = await waitForImagesLoaded(pack.notePhotos(noteText));
    expect(photo?.width).toBeGreaterThan(0);

    if (shots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, 'evidence-phone.png') });
      await pack.entries.filter({ hasText: noteText }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'evidence-phone-note.png') });
    }

    // 4. Printed to PDF: the note, the change and the verdict, and no app chrome.
    const dir = await mkdtemp(join(tmpdir(), 'evidence-'));
    try {
      const pdf = join(dir, 'evidenze.pdf');
      await page.emulateMedia({ media: 'print' });
      await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
      if (shots) {
        await page.setViewportSize({ width: 794, height: 1123 });
        await pack.entries.filter({ hasText: noteText }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'evidence-a4.png') });
        await page.setViewportSize({ width: 390, height: 844 });
      }
      await page.emulateMedia({ media: 'screen' });
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      expect(out.status).toBe(0);
      const text = squash(out.stdout);
      expect(text).toContain(`Fascicolo delle evidenze · Obiettivo ${objective.number}`);
      expect(text).toContain(squash(noteText));
      expect(text).toContain(`Avanzamento: ${phase.percent}% → 75%`);
      expect(text).toContain('Fase contestata');
      expect(text).toContain(reason);
      expect(text).not.toContain('Stampa o salva come PDF');
      // A photo on a printed page is an image in the PDF.
      const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
      if (images.error === undefined) expect(images.stdout.split('\n').length).toBeGreaterThan(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // 5. axe in Italian and English.
    const violations = [await audit(page, 'Evidenze (it)')];
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.setLanguage('en');
    const packEn = new EvidencePackPage(page, 'en');
    await packEn.goto(objective.id);
    await expect.poll(() => packEn.entries.count(), { timeout: 20_000 }).toBe(expected.length);
    expect(await page.locator('h1').textContent()).toContain('Evidence pack');
    await waitForImagesLoaded(packEn.notePhotos(noteText));
    violations.push(await audit(page, 'Evidence (en)'));
    expect(violations.filter(Boolean)).toEqual([]);

    // 6. Offline, reopened: the pack from the device's rows, the photo from the browser's cache.
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    await page.reload();
    await packEn.timeline.waitFor();
    await packEn.waitForOffline();
    await expect.poll(() => packEn.entries.count(), { timeout: 20_000 }).toBe(expected.length);
    const [offlinePhoto] = await waitForImagesLoaded(packEn.notePhotos(noteText));
    expect(offlinePhoto?.width).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
