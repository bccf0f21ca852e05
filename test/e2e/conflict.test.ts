/**
 * Two people of one area on one phase. A conflict: the officer (offline) and the head (online) both
 * change the status from what they both saw; when the officer syncs, the later write wins and both
 * of them are shown the conflict, on the sync page and on the phase. A rejection: the officer, offline,
 * sets a percent while the head marks the phase done; the server refuses the percent
 * (illegal_transition) and the officer finds it to review, with the server's reason, and dismisses it.
 */
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PhaseStatus } from '../../src/domain/plan.ts';
import { apiLogin, pullAll, pushAs, type ApiSession, type Row } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { PhasePage } from './pages/phase-page.ts';
import { SyncPage } from './pages/sync-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const OFFICER = 'istruttore.persona';
const HEAD = 'resp.persona';

describe.skipIf(!chromiumAvailable)('two users on one phase', () => {
  const app = useE2eApp();
  let officerApi: ApiSession;
  let headApi: ApiSession;
  /** Open phases of evaluated objectives in the two users' area, not yet used by a test. */
  let free: Row<'phase'>[];

  beforeAll(async () => {
    [officerApi, headApi] = await Promise.all([
      apiLogin(app.server.origin, OFFICER),
      apiLogin(app.server.origin, HEAD),
    ]);
    const server = await pullAll(officerApi);
    const areaId = officerApi.user.areaIds[0];
    expect(headApi.user.areaIds).toContain(areaId);
    const evaluated = new Set(
      server
        .all('objective')
        .filter((o) => o.areaId === areaId && (o.state === 'active' || o.state === 'modified'))
        .map((o) => o.id),
    );
    free = server
      .all('phase')
      .filter(
        (p) => evaluated.has(p.objectiveId) && (p.status === 'not_started' || p.status === 'in_progress'),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
  });

  function takePhase(status?: PhaseStatus): Row<'phase'> {
    const index = free.findIndex((p) => status === undefined || p.status === status);
    const [phase] = index >= 0 ? free.splice(index, 1) : [];
    if (!phase) throw new Error(`no free ${status ?? 'open'} phase left in the area`);
    return phase;
  }

  async function signedIn(
    username: string,
  ): Promise<{ context: BrowserContext; phase: PhasePage; errors: string[] }> {
    const context = await app.newPhone();
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(username);
    await login.waitForSynced();
    return { context, phase: new PhasePage(page), errors };
  }

  it('shows a status conflict to both users, on the sync page and on the phase', async () => {
    const target = takePhase('not_started');
    const officer = await signedIn(OFFICER);
    const head = await signedIn(HEAD);
    await officer.phase.goto(target.id);
    await head.phase.goto(target.id);

    // Both see "Non avviata". The officer, offline, starts it; the head, online, blocks it.
    await officer.context.setOffline(true);
    await officer.phase.waitForOffline();
    await officer.phase.setStatus('in_progress');
    await officer.phase.waitForPending(1);
    await head.phase.setStatus('blocked');
    await head.phase.waitForSynced();

    // The officer's change reaches the server last: it wins, and it is a conflict.
    await officer.context.setOffline(false);
    await officer.phase.waitForSynced();
    await officer.phase.waitForStatus('in_progress');
    const server = await pullAll(headApi);
    expect(server.get('phase', target.id)).toMatchObject({
      status: 'in_progress',
      updatedBy: officerApi.user.id,
    });
    const conflicts = server.all('conflict').filter((c) => c.phaseId === target.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ field: 'status', overwritten: 'blocked', winner: 'in_progress' });
    expect([...(conflicts[0]?.userIds ?? [])].sort()).toEqual([officerApi.user.id, headApi.user.id].sort());

    // The head syncs and sees the officer's status.
    await head.phase.syncNow();
    await head.phase.waitForStatus('in_progress');

    for (const [who, user] of [
      [officer, officerApi],
      [head, headApi],
    ] as const) {
      const t = who.phase.t.bind(who.phase);
      const expectCard = async (text: string | null) => {
        expect(text, `${user.user.username}'s conflict card`).toContain(t('status.in_progress'));
        expect(text).toContain(t('status.blocked'));
        expect(text).toContain(officerApi.user.displayName);
        expect(text).toContain(headApi.user.displayName);
        expect(text).toContain(t('syncPage.kept'));
        expect(text).toContain(t('syncPage.overwritten'));
      };
      // On the phase.
      await who.phase.conflictsRegion.waitFor();
      await expectCard(await who.phase.conflictsRegion.textContent());
      // On the sync page, and counted in the strip as something to review.
      const sync = new SyncPage(who.phase.page);
      await sync.open();
      await sync.conflictCards.first().waitFor();
      expect(await sync.conflictCards.count(), `${user.user.username}'s conflict cards`).toBe(1);
      await expectCard(await sync.conflictCards.first().textContent());
      expect(await sync.attentionCount()).toBe(1);
    }

    // Acknowledging it hides it on that device only.
    const officerSync = new SyncPage(officer.phase.page);
    await officerSync.conflictCards
      .first()
      .getByRole('button', { name: officerSync.t('syncPage.dismiss') })
      .click();
    await officerSync.noConflicts.waitFor();
    await officerSync.page.reload();
    await officerSync.waitForLoaded();
    await officerSync.noConflicts.waitFor();
    const headSync = new SyncPage(head.phase.page);
    await head.phase.page.reload();
    await headSync.waitForLoaded();
    expect(await headSync.conflictCards.count()).toBe(1);

    expect([...officer.errors, ...head.errors]).toEqual([]);
  }, 120_000);

  it('shows a change the server rejected, with its reason, and lets the officer dismiss it', async () => {
    const target = takePhase();
    const officer = await signedIn(OFFICER);
    const head = await signedIn(HEAD);
    await officer.phase.goto(target.id);
    await head.phase.goto(target.id);

    // Offline, the officer sets 50%; meanwhile the head marks the phase done.
    await officer.context.setOffline(true);
    await officer.phase.waitForOffline();
    await officer.phase.setPercent(50);
    await officer.phase.waitForPending(1);
    await head.phase.setStatus('done');
    await head.phase.waitForSynced();

    // Online again: the server refuses the percent on a done phase; the device rolls it back.
    await officer.context.setOffline(false);
    await officer.phase.waitForSynced();
    await officer.phase.waitForStatus('done');
    await officer.phase.waitForPercent(100);
    const server = await pullAll(headApi);
    expect(server.get('phase', target.id)).toMatchObject({
      status: 'done',
      percent: 100,
      updatedBy: headApi.user.id,
    });

    // What the server says about such a change (the same mutation, pushed again by hand).
    const replay = await pushAs(officerApi, [
      { name: 'phase.setProgress', args: { phaseId: target.id, percent: 50 } },
    ]);
    expect(replay.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
    const serverMessage = replay.results[0]?.reason?.message ?? '';

    const sync = new SyncPage(officer.phase.page);
    await sync.open();
    await sync.rejectedItems.first().waitFor();
    expect(await sync.rejectedItems.count()).toBe(1);
    // The strip counts it with the conflicts (the earlier test's conflict is still on record).
    const conflictCount = await sync.conflictCards.count();
    expect(await sync.attentionCount()).toBe(conflictCount + 1);
    const item = sync.rejectedItems.first();
    const itemText = (await item.textContent()) ?? '';
    expect(itemText).toContain('50');
    expect(itemText).toContain(sync.t('syncPage.reason'));
    expect(itemText).toContain(sync.t('error.illegal_transition'));
    expect(itemText).toContain(serverMessage);
    // The change names its phase and links to it.
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/fasi/${target.id}`);

    // Dismissed: gone from the list and from the strip, also after a reload.
    await sync.discardRejected(item);
    await sync.noRejected.waitFor();
    // The sync strip is its own live query: it may follow the list a moment later.
    await expect.poll(() => sync.attentionCount(), { timeout: 10_000 }).toBe(conflictCount);
    await sync.page.reload();
    await sync.waitForLoaded();
    await sync.noRejected.waitFor();
    expect(await sync.rejectedItems.count()).toBe(0);

    // The head was never bothered by it.
    const headSync = new SyncPage(head.phase.page);
    await headSync.open();
    expect(await headSync.rejectedItems.count()).toBe(0);

    expect([...officer.errors, ...head.errors]).toEqual([]);
  }, 120_000);
});
