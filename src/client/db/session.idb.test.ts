import { describe, expect, it } from 'vitest';
import { clearSession, loadSession, saveSession } from './session.ts';
import { getClientIdentity, META, readCursor } from './meta.ts';
import { setPhaseStatus } from './local-change.ts';
import { makeLogin, makeUser, newBrowser, openTab, seedPlan } from '../../../test/helpers/device.ts';

const now = new Date('2026-03-01T10:00:00Z');

describe('session and clientId', () => {
  it('creates the clientId on first use and binds it at the first sign-in', async () => {
    const db = openTab(newBrowser());
    const before = await getClientIdentity(db);
    expect(before.userId).toBeNull();
    expect(await getClientIdentity(db)).toEqual(before);
    const r = await saveSession(db, makeLogin());
    expect(r).toEqual({ ok: true, clientId: before.clientId, switchedUser: false });
    expect(await getClientIdentity(db)).toEqual({ clientId: before.clientId, userId: 'u-1' });
    expect((await loadSession(db))?.token).toBe('token-1');
  });

  it('keeps clientId and data when the same user signs in again', async () => {
    const db = openTab(newBrowser());
    await seedPlan(db);
    const first = await saveSession(db, makeLogin());
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user: makeUser(), now });
    await clearSession(db);
    expect(await loadSession(db)).toBeNull();
    const again = await saveSession(db, makeLogin({}, 'token-2'));
    expect(again).toMatchObject({ ok: true, switchedUser: false });
    expect(again.ok && first.ok && again.clientId === first.clientId).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses another user while the outbox is not empty, and nothing is lost', async () => {
    const db = openTab(newBrowser());
    await seedPlan(db);
    await saveSession(db, makeLogin());
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user: makeUser(), now });
    const r = await saveSession(db, makeLogin({ id: 'u-2', username: 'other' }, 'token-x'));
    expect(r).toEqual({ ok: false, code: 'pending_changes', pending: 1, previousUserId: 'u-1' });
    expect((await loadSession(db))?.token).toBe('token-1');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.phases.count()).toBe(1);
  });

  it('starts a new clientId and clears the previous user data when the outbox is empty', async () => {
    const db = openTab(newBrowser());
    await seedPlan(db);
    const first = await saveSession(db, makeLogin());
    await db.meta.put({ key: META.cursor, value: 42 });
    await db.amendments.put({
      id: 'am-1',
      version: 5,
      planId: 'p',
      entity: 'objective',
      entityId: 'o',
      kind: 'update',
      before: null,
      after: null,
      motivation: 'm',
      act: null,
      userId: 'u-1',
      createdAt: '2022-06-01T00:00:00.000Z',
    });
    const r = await saveSession(db, makeLogin({ id: 'u-2', username: 'other' }, 'token-x'));
    expect(r).toMatchObject({ ok: true, switchedUser: true });
    expect(r.ok && first.ok && r.clientId !== first.clientId).toBe(true);
    expect(await db.phases.count()).toBe(0);
    expect(await db.amendments.count()).toBe(0);
    expect(await readCursor(db)).toBe(0);
    expect((await getClientIdentity(db)).userId).toBe('u-2');
  });
});
