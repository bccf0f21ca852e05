/**
 * The whole offline story on a phone: an officer signs in, loses the network, reloads, finds the
 * dashboard and the plan, changes two phases and writes a note with a photo, closes the app and
 * reopens it still offline (everything is there, "changes waiting"), gets the network back, and the
 * head of the area, on another device, sees the two changes and the note with its photo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhaseStatus } from '../../src/domain/plan.ts';
import { apiLogin, fetchAttachment, pullAll, type Row } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  launchPersistentPhone,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
  waitForServiceWorkerControl,
} from '../helpers/e2e-app.ts';
import { makePng } from '../helpers/e2e-images.ts';
import { AppShell } from './pages/app-shell.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { HomePage } from './pages/home-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ObjectivePage } from './pages/objective-page.ts';
import { PhasePage, waitForImagesLoaded } from './pages/phase-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { text } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const OPEN: readonly PhaseStatus[] = ['not_started', 'in_progress'];

/** The title a phase is listed under (phase-card.tsx): description, else indicator, else "Fase N". */
function phaseTitle(phase: Row<'phase'>): string {
  return phase.description || phase.indicator || text('it', 'phase.label', { number: phase.number });
}

describe.skipIf(!chromiumAvailable)('offline: work done with no network reaches a colleague', () => {
  const app = useE2eApp();

  it('keeps the plan, two phase changes and a note with a photo across an offline reload and reopen, then syncs them', async () => {
    // The officer's area and two open phases of evaluated objectives, as the server has them.
    const officerApi = await apiLogin(app.server.origin, 'istruttore.persona');
    const before = await pullAll(officerApi);
    const areaId = officerApi.user.areaIds[0];
    const area = before.all('area').find((a) => a.id === areaId);
    if (!area) throw new Error('the officer has no area');
    const objectives = new Map(
      before
        .all('objective')
        .filter((o) => o.areaId === area.id && (o.state === 'active' || o.state === 'modified'))
        .map((o) => [o.id, o]),
    );
    const candidates = before
      .all('phase')
      .filter((p) => objectives.has(p.objectiveId) && OPEN.includes(p.status) && p.percent !== 75)
      .sort((a, b) => a.objectiveId.localeCompare(b.objectiveId) || a.number - b.number);
    const [phaseA, phaseB] = candidates;
    if (!phaseA || !phaseB)
      throw new Error('the demo plan has fewer than two open phases in the officer’s area');
    const objectiveA = objectives.get(phaseA.objectiveId);
    if (!objectiveA) throw new Error('phase A has no objective');
    const stamp = String(Date.now());
    const noteText = `Sopralluogo senza rete ${stamp}: impianto verificato, foto allegata.`;
    const photo = { name: 'sopralluogo.png', mimeType: 'image/png', buffer: makePng(640, 480) };

    // 1. Online: sign in, first sync, the service worker takes the page.
    const device = await app.newPhone();
    let page = await device.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('istruttore.persona');
    await login.waitForSynced();
    await waitForServiceWorkerControl(page);
    await new AppShell(page).waitForSynced();

    // 2. Offline, reload: the app, the dashboard and the plan come from the device.
    await device.setOffline(true);
    await page.reload();
    const home = new HomePage(page);
    await home.waitForLoaded();
    await home.waitForOffline();
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const shownAreas = await dashboard.areaNames();
    const serverAreas = before
      .all('area')
      .sort((a, b) => a.position - b.position)
      .map((a) => a.name);
    expect(shownAreas).toEqual(serverAreas);
    expect((await dashboard.planFigures()).actual).not.toBeNull();

    // Drill down to phase A through the plan, as a user would.
    const areaPage = await dashboard.openArea(area.name);
    await areaPage.openObjective(objectiveA.title);
    const objectivePage = new ObjectivePage(page);
    await objectivePage.waitForLoaded();
    expect(await objectivePage.phaseCards.count()).toBe(
      before.all('phase').filter((p) => p.objectiveId === objectiveA.id).length,
    );
    await objectivePage.openPhase(phaseTitle(phaseA));

    // 3. Two phase changes and a note with a photo, all offline.
    const phasePage = new PhasePage(page);
    await phasePage.waitForLoaded();
    expect(await phasePage.currentStatus()).toBe(phaseA.status);
    await phasePage.setStatus('done');
    expect(await phasePage.shownPercent()).toBe(100);

    await phasePage.goto(phaseB.id);
    expect(await phasePage.shownPercent()).toBe(phaseB.percent);
    await phasePage.setPercent(75);
    expect(await phasePage.currentStatus()).toBe('in_progress');
    await phasePage.addNote(noteText, [photo]);
    await phasePage.note(noteText).waitFor();
    await phasePage.notePending(noteText).waitFor();
    const [shownPhoto] = await waitForImagesLoaded(phasePage.notePhotos(noteText));
    expect(shownPhoto?.width).toBeGreaterThan(0);
    await phasePage.waitForPending(3);
    await phasePage.waitForOffline();

    // 4. Close the app and open it again, still offline: the work is still on the device.
    await page.close();
    page = await device.newPage();
    errors.push(...trackPageErrors(page));
    const reopened = new PhasePage(page);
    await reopened.goto(phaseB.id);
    await reopened.waitForOffline();
    await reopened.waitForPending(3);
    await reopened.waitForPercent(75);
    expect(await reopened.currentStatus()).toBe('in_progress');
    await reopened.note(noteText).waitFor();
    await reopened.notePending(noteText).waitFor();
    expect(await reopened.notePhotos(noteText).count()).toBe(1);
    await waitForImagesLoaded(reopened.notePhotos(noteText));
    await reopened.goto(phaseA.id);
    await reopened.waitForStatus('done');
    // The search, on the device, finds the new note and leads to its phase.
    const search = new SearchPage(page);
    await search.goto();
    await search.search(stamp);
    await search.resultLinks.filter({ hasText: noteText }).click();
    await reopened.waitForLoaded();
    expect(page.url()).toContain(`/fasi/${phaseB.id}`);
    const syncPage = new SyncPage(page);
    await syncPage.open();
    expect(await syncPage.pendingItems.count()).toBe(3);

    // 5. Back online: the queue drains on its own (the app listens for the network).
    await device.setOffline(false);
    await syncPage.waitForSynced();
    await syncPage.pendingRegion.getByText(syncPage.t('syncPage.pendingEmpty')).waitFor();
    expect(await syncPage.rejectedItems.count()).toBe(0);

    // The server has it all: both phases, the note and its photo.
    const headApi = await apiLogin(app.server.origin, 'resp.persona');
    const after = await pullAll(headApi);
    expect(after.get('phase', phaseA.id)).toMatchObject({
      status: 'done',
      percent: 100,
      updatedBy: officerApi.user.id,
    });
    expect(after.get('phase', phaseB.id)).toMatchObject({
      status: 'in_progress',
      percent: 75,
      updatedBy: officerApi.user.id,
    });
    const notes = after.all('note').filter((n) => n.text === noteText);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      phaseId: phaseB.id,
      objectiveId: phaseB.objectiveId,
      authorId: officerApi.user.id,
    });
    expect(notes[0]?.attachmentIds).toHaveLength(1);
    const stored = await fetchAttachment(headApi, notes[0]?.attachmentIds[0] ?? '');
    expect(stored.status).toBe(200);
    expect(stored.bytes).toBeGreaterThan(100);

    // 6. The head of the area, on another phone, sees both changes and the note with its photo.
    const colleague = await app.newPhone();
    const headPage = await colleague.newPage();
    errors.push(...trackPageErrors(headPage));
    const headLogin = new LoginPage(headPage);
    await headLogin.goto();
    await headLogin.signIn('resp.persona');
    await headLogin.waitForSynced();
    const headPhase = new PhasePage(headPage);
    await headPhase.goto(phaseA.id);
    await headPhase.waitForStatus('done');
    await headPhase.goto(phaseB.id);
    await headPhase.waitForPercent(75);
    expect(await headPhase.currentStatus()).toBe('in_progress');
    await headPhase.note(noteText).waitFor();
    expect(await headPhase.note(noteText).textContent()).toContain('Istruttore');
    expect(await headPhase.notePending(noteText).count()).toBe(0);
    const [received] = await waitForImagesLoaded(headPhase.notePhotos(noteText));
    expect(received?.width).toBeGreaterThan(0);

    expect(errors).toEqual([]);
  }, 150_000);

  it('works offline straight after the first sign-in, before any reload', async () => {
    // No reload here: the page that signed in is not yet controlled by the service worker, and the
    // pages not opened so far are lazily loaded chunks. Every section must still open offline.
    const device = await app.newPhone();
    const page = await device.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('resp.suap');
    await login.waitForSynced();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await device.setOffline(true);
    await login.waitForOffline();

    const dashboard = new DashboardPage(page);
    await dashboard.open();
    const [firstArea] = await dashboard.areaNames();
    if (!firstArea) throw new Error('no area on the dashboard');
    const areaPage = await dashboard.openArea(firstArea);
    const [firstObjective] = await areaPage.objectiveTitles();
    if (!firstObjective) throw new Error('no objective in the first area');
    await areaPage.openObjective(firstObjective);
    const objectivePage = new ObjectivePage(page);
    await objectivePage.waitForLoaded();
    await objectivePage.phaseCards.first().getByRole('heading').getByRole('link').click();
    await new PhasePage(page).waitForLoaded();
    await new SyncPage(page).open();
    await new SettingsPage(page).goto();
    const search = new SearchPage(page);
    await search.goto();
    await search.search(firstObjective.split(/\s+/)[0] ?? firstObjective);

    // And the app itself reopens offline, at its start address.
    await new HomePage(page).goto();
    await login.waitForOffline();
    expect(errors).toEqual([]);
  }, 90_000);

  it('keeps the session and a waiting change when the browser is closed and opened again offline', async () => {
    const officerApi = await apiLogin(app.server.origin, 'resp.finanziari');
    const before = await pullAll(officerApi);
    const evaluated = new Set(
      before
        .all('objective')
        .filter(
          (o) =>
            officerApi.user.areaIds.includes(o.areaId) && (o.state === 'active' || o.state === 'modified'),
        )
        .map((o) => o.id),
    );
    const target = before
      .all('phase')
      .filter((p) => evaluated.has(p.objectiveId) && p.status !== 'blocked' && p.status !== 'cancelled')
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    if (!target) throw new Error('no phase to block in the area');
    const profile = mkdtempSync(join(tmpdir(), 'traguardi-e2e-profile-'));
    try {
      // First run of the browser: sign in, go offline, block the phase, close the browser.
      let browser = await launchPersistentPhone(profile, app.server.origin);
      let page = browser.pages()[0] ?? (await browser.newPage());
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn('resp.finanziari');
      await login.waitForSynced();
      await waitForServiceWorkerControl(page);
      await browser.setOffline(true);
      const phase = new PhasePage(page);
      await phase.goto(target.id);
      await phase.waitForOffline();
      await phase.setStatus('blocked');
      await phase.waitForPending(1);
      await browser.close();

      // Second run, still without network: signed in, the change is there and still waiting.
      browser = await launchPersistentPhone(profile, app.server.origin, { offline: true });
      try {
        page = browser.pages()[0] ?? (await browser.newPage());
        const errors = trackPageErrors(page);
        const again = new PhasePage(page);
        await again.goto(target.id);
        await again.waitForStatus('blocked');
        await again.waitForOffline();
        await again.waitForPending(1);

        // Network back: it reaches the server.
        await browser.setOffline(false);
        await again.waitForSynced();
        const after = await pullAll(officerApi);
        expect(after.get('phase', target.id)).toMatchObject({
          status: 'blocked',
          updatedBy: officerApi.user.id,
        });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
