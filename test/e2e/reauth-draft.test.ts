/**
 * An expired session asks for the password again without losing what the user was writing (issue 11):
 * an officer has a note half-written on a phase page when the admin ends their session; the next sync
 * is refused (401), the banner's "Accedi di nuovo" shows the password form, and once signed in again
 * the phase page is back with the draft's text still in the composer.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, pullAll } from '../helpers/e2e-api.ts';
import {
  chromiumAvailable,
  DEMO_PASSWORD,
  SKIP_MESSAGE,
  trackPageErrors,
  useE2eApp,
} from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { PhasePage } from './pages/phase-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const OFFICER = 'istruttore.persona';
const DRAFT = 'Sopralluogo alla scuola: manca ancora il verbale, da';

describe.skipIf(!chromiumAvailable)('signing in again after the session ended', () => {
  const app = useE2eApp();

  it('keeps the note being written', async () => {
    const officerApi = await apiLogin(app.server.origin, OFFICER);
    const phase = (await pullAll(officerApi, 2))
      .all('phase')
      .find((p) => officerApi.user.areaIds.includes(p.areaId) && !p.removed);
    if (!phase) throw new Error('no phase in the officer’s areas');

    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(OFFICER);
    await login.waitForSynced();
    const view = new PhasePage(page);
    await view.goto(phase.id);
    const text = view.noteComposer.getByLabel(view.t('notes.text'));
    await text.fill(DRAFT);

    // The admin ends every session of the officer (the device's included).
    const admin = await apiLogin(app.server.origin, 'admin');
    const auth = { authorization: `Bearer ${admin.token}` };
    const listed = (await (
      await fetch(`${app.server.origin}/api/admin/sessions`, { headers: auth })
    ).json()) as {
      sessions: { id: string; username: string }[];
    };
    const ended = listed.sessions.filter((s) => s.username === OFFICER);
    expect(ended.length).toBeGreaterThan(0);
    for (const s of ended) {
      const res = await fetch(`${app.server.origin}/api/admin/sessions/${s.id}`, {
        method: 'DELETE',
        headers: auth,
      });
      expect(res.status).toBeLessThan(300);
    }

    await view.syncNowButton.click();
    await page.getByRole('button', { name: view.t('session.signInAgain') }).click();
    await login.password.fill(DEMO_PASSWORD);
    await login.submit.click();
    await login.waitForSynced();
    await view.waitForLoaded();
    expect(await text.inputValue()).toBe(DRAFT);
    expect(errors).toEqual([]);
  });
});
