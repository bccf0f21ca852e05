import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { makePhase, newBrowser, openShippedDb, openTab } from '../../../test/helpers/device.ts';
import { phaseFact } from './facts.ts';

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
    expect(db.verno).toBe(7);
  });

  it('v6 → v7 drops the indexes nothing queries and re-derives the phase facts with `removed`', async () => {
    const browser = newBrowser();
    const v6 = openShippedDb(browser, 6);
    const removed = makePhase({ id: 'ph-removed', status: 'cancelled', removed: true });
    const open = makePhase({ id: 'ph-open', number: 2, deadline: '2026-06-30' });
    await v6.table('phases').bulkPut([removed, open]);
    // As v6 left them: facts without `removed`.
    const { removed: _r, ...oldFact } = phaseFact(removed);
    await v6.table('phaseFacts').bulkPut([oldFact, phaseFact(open)]);
    v6.close();

    const db = openTab(browser);
    expect(await db.phaseFacts.get('ph-removed')).toEqual(phaseFact(removed));
    expect((await db.phaseFacts.get('ph-removed'))?.removed).toBe(true);
    expect((await db.phaseFacts.get('ph-open'))?.removed).toBe(false);
    expect(await db.phases.count()).toBe(2);
    const indexes = db.phases.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['areaId', 'objectiveId']);
    expect(db.backendDB().transaction('phases').objectStore('phases').indexNames.contains('deadline')).toBe(
      false,
    );
    expect(await db.phases.where('areaId').equals(open.areaId).count()).toBe(2);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(['objectiveId', 'phaseId']);
    expect(db.phaseHistory.schema.indexes.map((i) => i.name)).toEqual(['phaseId']);
    const stores = db.backendDB().transaction(['notes', 'phaseHistory']);
    expect(stores.objectStore('notes').indexNames.contains('createdAt')).toBe(false);
    expect(stores.objectStore('phaseHistory').indexNames.contains('at')).toBe(false);
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
    expect(db.verno).toBe(7);
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
    expect(db.verno).toBe(7);
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
