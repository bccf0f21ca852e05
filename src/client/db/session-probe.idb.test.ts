import { describe, expect, it } from 'vitest';
import { makeLogin, newBrowser, openTab, seedPlan } from '../../../test/helpers/device.ts';
import { getClientIdentity } from './meta.ts';
import { probeStoredSession } from './session-probe.ts';
import { clearSession, loadSession, saveSession } from './session.ts';

describe('probeStoredSession (bare IndexedDB, before Dexie is loaded)', () => {
  it('answers none on a first visit and leaves no database behind for Dexie to trip on', async () => {
    const browser = newBrowser();
    expect(await probeStoredSession({ indexedDB: browser })).toBe('none');
    expect(await browser.databases()).toEqual([]);
    // Dexie then creates the database with its whole schema, as if nobody had looked.
    const db = openTab(browser);
    await seedPlan(db);
    expect(await db.phases.count()).toBeGreaterThan(0);
    expect(db.verno).toBeGreaterThan(1);
    db.close();
  });

  it('answers none for a database without a session (the clientId made, nobody signed in)', async () => {
    const browser = newBrowser();
    const db = openTab(browser);
    await getClientIdentity(db);
    expect(await probeStoredSession({ indexedDB: browser })).toBe('none');
    db.close();
  });

  it('answers stored while a session is saved, and none once it is cleared', async () => {
    const browser = newBrowser();
    const db = openTab(browser);
    await saveSession(db, makeLogin());
    expect(await probeStoredSession({ indexedDB: browser })).toBe('stored');
    await clearSession(db);
    expect(await probeStoredSession({ indexedDB: browser })).toBe('none');
    db.close();
  });

  it('reads beside an open Dexie connection without closing or blocking it', async () => {
    const browser = newBrowser();
    const db = openTab(browser);
    await saveSession(db, makeLogin());
    expect(await probeStoredSession({ indexedDB: browser })).toBe('stored');
    expect(db.isOpen()).toBe(true);
    expect((await loadSession(db))?.token).toBe('token-1');
    db.close();
  });

  it('looks at the database of the given name only', async () => {
    const browser = newBrowser();
    const db = openTab(browser, 'another');
    await saveSession(db, makeLogin());
    expect(await probeStoredSession({ indexedDB: browser })).toBe('none');
    expect(await probeStoredSession({ indexedDB: browser, name: 'another' })).toBe('stored');
    db.close();
  });
});
