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
    expect(db.verno).toBe(6);
  });

  it('v3 → v4 keeps every row and adds the amendments table (protocol v2)', async () => {
    const browser = newBrowser();
    const v3 = openShippedDb(browser, 3);
    await v3.table('outbox').put({ seq: 4, id: 'm4', name: 'note.add', args: {}, clientTime: 'x' });
    await v3.table('phases').put({ id: 'ph-1', objectiveId: 'o', areaId: 'a', status: 'done', version: 3 });
    await v3.table('phaseFacts').put({ id: 'ph-1', areaId: 'a' });
    v3.close();

    const db = openTab(browser);
    expect(await db.outbox.get(4)).toMatchObject({ id: 'm4' });
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'done', version: 3 });
    expect(await db.phaseFacts.count()).toBe(1);
    expect(await db.amendments.count()).toBe(0);
    expect(db.verno).toBe(6);
  });

  it('v4 → v5 keeps every row and adds the evaluation and monitoring tables (protocol v2)', async () => {
    const browser = newBrowser();
    const v4 = openShippedDb(browser, 4);
    await v4.table('outbox').put({ seq: 7, id: 'm7', name: 'phase.setProgress', args: {}, clientTime: 'x' });
    await v4
      .table('amendments')
      .put({ id: 'am-1', planId: 'p', objectiveId: 'o', createdAt: 'x', version: 2 });
    v4.close();

    const db = openTab(browser);
    expect(await db.outbox.get(7)).toMatchObject({ id: 'm7' });
    expect(await db.amendments.get('am-1')).toMatchObject({ planId: 'p', version: 2 });
    for (const table of [
      db.evaluations,
      db.phaseVerdicts,
      db.selfAssessments,
      db.snapshots,
      db.monitoringReports,
    ])
      expect(await table.count()).toBe(0);
    await db.evaluations.put({
      id: 'o',
      objectiveId: 'o',
      planId: 'p',
      areaId: 'a',
      percent: null,
      comment: '',
      userId: 'u',
      updatedAt: 'x',
      version: 3,
    });
    expect(await db.evaluations.where('planId').equals('p').count()).toBe(1);
    expect(db.verno).toBe(6);
  });

  it('closes on versionchange and tells the UI', async () => {
    const browser = newBrowser();
    let told = 0;
    const db = openTab(browser, 'traguardi', () => told++);
    await db.meta.count();
    const newer = new Dexie('traguardi', { indexedDB: browser, IDBKeyRange });
    newer.version(99).stores({ meta: 'key', extra: 'id' });
    await newer.open();
    expect(told).toBe(1);
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
