import { describe, expect, it } from 'vitest';
import { applyPullPage } from '../sync/apply-pull.ts';
import { clearSession, saveSession } from './session.ts';
import { loadSearchSnapshot, saveSearchSnapshot } from './search-store.ts';
import {
  makeLogin,
  makeNote,
  newBrowser,
  openShippedDb,
  openTab,
  pulledObjective,
  pulledPhase,
  pullPage,
} from '../../../test/helpers/device.ts';

describe('search log', () => {
  it('v5 → v6 keeps every row and adds the empty search log and index store', async () => {
    const browser = newBrowser();
    const v5 = openShippedDb(browser, 5);
    await v5.table('notes').put(makeNote({ id: 'n-1', text: 'Sopralluogo' }));
    await v5.table('outbox').put({ seq: 3, id: 'm3', name: 'note.add', args: {}, clientTime: 'x' });
    v5.close();

    const db = openTab(browser);
    expect(await db.notes.get('n-1')).toMatchObject({ text: 'Sopralluogo' });
    expect(await db.outbox.get(3)).toMatchObject({ id: 'm3' });
    expect(await db.searchLog.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);
    expect(db.verno).toBe(7);
  });

  it('records each write of objectives, phases and notes in its transaction, a clear as `all`', async () => {
    const db = openTab(newBrowser());
    await saveSession(db, makeLogin());
    await applyPullPage(
      db,
      pullPage([pulledObjective(1), pulledPhase(2), pulledPhase(3, { id: 'ph-2' })], 3),
    );
    await db.notes.bulkPut([makeNote({ id: 'n-1' }), makeNote({ id: 'n-2' })]);
    await db.notes.bulkDelete(['n-2']);
    await db.phases.clear();
    await db.areas.put({
      id: 'a',
      version: 1,
      planId: 'p',
      name: 'A',
      head: '',
      position: 0,
      motivation: null,
    });
    const entries = (await db.searchLog.toArray()).map(({ seq: _s, ...e }) => e);
    expect(entries).toEqual([
      { table: 'objectives', ids: ['obj-1'] },
      { table: 'phases', ids: ['ph-1', 'ph-2'] },
      { table: 'notes', ids: ['n-1', 'n-2'] },
      { table: 'notes', ids: ['n-2'] },
      { table: 'phases', all: true },
    ]);
  });

  it('leaves no entry when the transaction aborts', async () => {
    const db = openTab(newBrowser());
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.put(makeNote({ id: 'n-1' }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.searchLog.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('sign-out deletes the search index snapshot with the session', async () => {
    const db = openTab(newBrowser());
    await saveSession(db, makeLogin());
    await saveSearchSnapshot(db, { format: 1, pos: 0, userId: 'u-1', savedAt: 'x', index: {} });
    expect(await loadSearchSnapshot(db)).not.toBeNull();
    await clearSession(db);
    expect(await loadSearchSnapshot(db)).toBeNull();
  });
});
