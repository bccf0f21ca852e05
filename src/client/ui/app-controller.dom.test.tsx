// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeLogin, makeUser, newBrowser, openTab, seedPlan } from '../../../test/helpers/device.ts';
import { setPhaseStatus } from '../db/local-change.ts';
import { saveSession } from '../db/session.ts';
import { createAppController } from './app-controller.ts';

const now = new Date('2026-03-01T10:00:00Z');

/** A device where u-1 signed in and left a change waiting. */
async function deviceWithWaitingChange() {
  const db = openTab(newBrowser());
  await seedPlan(db);
  await saveSession(db, makeLogin());
  await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user: makeUser(), now });
  const controller = createAppController({ db, fetch: () => Promise.reject(new Error('offline')) });
  await controller.init();
  return { db, controller };
}

describe('AppController.signIn as another user while changes wait', () => {
  it('is refused, naming the previous user by display name from the device’s users', async () => {
    const { db, controller } = await deviceWithWaitingChange();
    await db.users.put({
      id: 'u-1',
      version: 1,
      username: 'istruttore.persona',
      displayName: 'Maria Rossi',
      role: 'officer',
    });
    const r = await controller.signIn(makeLogin({ id: 'u-2', username: 'other' }, 'token-x'));
    expect(r).toMatchObject({ ok: false, previousUserId: 'u-1', previousUserName: 'Maria Rossi' });
    // Nothing changed: still u-1's session, the change still waiting.
    expect(controller.getSnapshot().session?.user.id).toBe('u-1');
    expect(await db.outbox.count()).toBe(1);
  });

  it('falls back to the id when the device has no name for that user', async () => {
    const { controller } = await deviceWithWaitingChange();
    const r = await controller.signIn(makeLogin({ id: 'u-2', username: 'other' }, 'token-x'));
    expect(r).toMatchObject({ ok: false, previousUserName: 'u-1' });
  });
});
