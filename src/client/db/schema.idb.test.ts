import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { newBrowser, openShippedDb, openTab } from '../../../test/helpers/device.ts';

describe('schema upgrades', () => {
  it('v1 → v3 keeps every row and adds the bases table', async () => {
    const browser = newBrowser();
    const v1 = openShippedDb(browser, 1);
    await v1.table('outbox').put({ seq: 1, id: 'm', name: 'phase.setStatus', args: {}, clientTime: 'x' });
    await v1.table('meta').put({ key: 'nextSeq', value: 2 });
    v1.close();

    const db = openTab(browser);
    expect(await db.outbox.toArray()).toEqual([
      { seq: 1, id: 'm', name: 'phase.setStatus', args: {}, clientTime: 'x' },
    ]);
    expect(await db.meta.get('nextSeq')).toEqual({ key: 'nextSeq', value: 2 });
    expect(await db.bases.count()).toBe(0);
    expect(db.verno).toBe(3);
  });

  it('closes on versionchange and tells the UI', async () => {
    const browser = newBrowser();
    let told = 0;
    const db = openTab(browser, 'traguardi', () => told++);
    await db.meta.count();
    const newer = new Dexie('traguardi', { indexedDB: browser, IDBKeyRange });
    newer.version(4).stores({ meta: 'key', extra: 'id' });
    await newer.open();
    expect(told).toBe(1);
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
