import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { isClosedForUpgrade, isQuotaError, withReopen } from './open-db.ts';
import { newBrowser, openTab } from '../../../test/helpers/device.ts';

describe('openDb', () => {
  it('reopens once when the connection was closed under it, and retries', async () => {
    const db = openTab(newBrowser());
    await db.meta.put({ key: 'k', value: 1 });
    db.close(); // as when the browser drops the connection: operations now fail DatabaseClosedError
    await expect(db.meta.get('k')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(await withReopen(db, () => db.meta.get('k'))).toEqual({ key: 'k', value: 1 });
    expect(db.isOpen()).toBe(true);
  });

  it('does not reopen a connection closed for an upgrade in another tab', async () => {
    const browser = newBrowser();
    const db = openTab(browser);
    await db.meta.count();
    const newer = new Dexie('traguardi', { indexedDB: browser, IDBKeyRange });
    newer.version(99).stores({ meta: 'key' });
    await newer.open();
    expect(isClosedForUpgrade(db)).toBe(true);
    await expect(withReopen(db, () => db.meta.count())).rejects.toMatchObject({
      name: 'DatabaseClosedError',
    });
    newer.close();
  });

  it('recognises quota errors however Dexie wraps them', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
