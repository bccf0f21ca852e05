/**
 * The search index follows the device database through every write path (fake-indexeddb, the real
 * Dexie layer and sync appliers, the index in process): pull, local change, rejection rollback,
 * acknowledgement by a pull, tombstones, resync, sign-out and another user, and a restart from the
 * snapshot with the log after it.
 */
import { describe, expect, it } from 'vitest';
import type { PullRow } from '../../shared/pull.ts';
import { applyPullPage } from '../sync/apply-pull.ts';
import { applyPushAnswer } from '../sync/apply-push.ts';
import { addNote } from '../db/local-change.ts';
import { clearSession, saveSession } from '../db/session.ts';
import { loadSearchSnapshot, readSearchChanges, saveSearchSnapshot } from '../db/search-store.ts';
import type { NoteRecord, TraguardiDb } from '../db/schema.ts';
import { META } from '../db/meta.ts';
import { SearchEngine } from './search-engine.ts';
import {
  AREA_ID,
  makeLogin,
  makeNote,
  makeUser,
  newBrowser,
  OBJECTIVE_ID,
  openTab,
  pulledObjective,
  pulledPhase,
  pullPage,
} from '../../../test/helpers/device.ts';

const user = makeUser();
const now = new Date('2026-03-01T10:00:00Z');
const AREAS = [AREA_ID];

function pulledNote(version: number, overrides: Partial<NoteRecord> = {}, deleted = false): PullRow {
  const { id, version: _v, pending: _p, ...data } = makeNote(overrides);
  return deleted
    ? { type: 'note', id, version, deleted, data: null }
    : { type: 'note', id, version, deleted, data };
}

async function device(browser = newBrowser()): Promise<TraguardiDb> {
  const db = openTab(browser);
  await saveSession(db, makeLogin());
  await applyPullPage(
    db,
    pullPage(
      [
        pulledObjective(1, { title: 'Refezione scolastica' }),
        pulledPhase(2, { description: 'Gara per la mensa' }),
        pulledNote(3, { id: 'n-1', text: 'Sopralluogo alla mensa', createdAt: '2026-01-10T10:00:00Z' }),
      ],
      3,
    ),
  );
  return db;
}

async function noteIds(engine: SearchEngine, query: string): Promise<string[]> {
  return (await engine.search(query, AREAS, 25)).notes.ids;
}

describe('search engine', () => {
  it('indexes what is on the device and what a pull brings, tombstones included', async () => {
    const db = await device();
    const engine = new SearchEngine(db);
    expect(await noteIds(engine, 'sopra')).toEqual(['n-1']);
    expect((await engine.search('refezione', AREAS, 25)).objectives.ids).toEqual([OBJECTIVE_ID]);
    expect((await engine.search('gara', AREAS, 25)).phases.ids).toEqual(['ph-1']);

    await applyPullPage(
      db,
      pullPage(
        [
          pulledNote(4, { id: 'n-2', text: 'Sopralluogo in palestra', createdAt: '2026-02-10T10:00:00Z' }),
          pulledPhase(5, { description: 'Gara per la piscina' }),
        ],
        5,
      ),
    );
    expect(await noteIds(engine, 'sopralluogo')).toEqual(['n-2', 'n-1']); // newest first
    expect((await engine.search('mensa', AREAS, 25)).phases.ids).toEqual([]);
    expect((await engine.search('piscina', AREAS, 25)).phases.ids).toEqual(['ph-1']);

    await applyPullPage(db, pullPage([pulledNote(6, { id: 'n-1' }, true)], 6));
    expect(await noteIds(engine, 'sopralluogo')).toEqual(['n-2']);
  });

  it('follows a local note, its rollback when rejected, and its acknowledgement by a pull', async () => {
    const db = await device();
    const engine = new SearchEngine(db);
    expect(await noteIds(engine, 'cantiere')).toEqual([]);
    const kept = await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'Cantiere aperto', user, now });
    const refused = await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'Cantiere chiuso', user, now });
    if (!('noteId' in kept) || !('noteId' in refused)) throw new Error('notes not added');
    expect(await noteIds(engine, 'cantiere')).toHaveLength(2);

    const sent = await db.outbox.orderBy('seq').toArray();
    await applyPushAnswer(
      db,
      sent,
      {
        lastSeq: 2,
        results: [
          { seq: 1, id: sent[0]?.id ?? '', status: 'applied' },
          { seq: 2, id: sent[1]?.id ?? '', status: 'rejected', reason: { code: 'forbidden', message: 'no' } },
        ],
      },
      now,
    );
    expect(await noteIds(engine, 'cantiere')).toEqual([kept.noteId]);

    // The server's copy replaces the pending one: still found once.
    await applyPullPage(
      db,
      pullPage(
        [pulledNote(7, { id: kept.noteId, text: 'Cantiere aperto', createdAt: now.toISOString() })],
        7,
        2,
      ),
    );
    expect(await db.notes.get(kept.noteId)).not.toHaveProperty('pending', true);
    expect(await noteIds(engine, 'cantiere')).toEqual([kept.noteId]);
  });

  it('starts over on a resync, and after another user signs in', async () => {
    const db = await device();
    const engine = new SearchEngine(db);
    expect(await noteIds(engine, 'mensa')).toEqual(['n-1']);
    await applyPullPage(
      db,
      pullPage([pulledObjective(10), pulledNote(11, { id: 'n-9', text: 'Mensa riaperta' })], 11),
      { reset: true },
    );
    expect(await noteIds(engine, 'mensa')).toEqual(['n-9']);

    await saveSession(db, makeLogin({ id: 'u-2', username: 'altro' }));
    expect(await noteIds(engine, 'mensa')).toEqual([]);
  });

  it('restarts from its snapshot and the changes logged after it, and prunes what the snapshot covers', async () => {
    const browser = newBrowser();
    const db = await device(browser);
    const first = new SearchEngine(db);
    expect(await noteIds(first, 'mensa')).toEqual(['n-1']);
    expect(await first.saveNow()).toBeGreaterThan(0);
    const snapshot = await loadSearchSnapshot(db);
    expect(snapshot).toMatchObject({ format: 1, userId: user.id });
    expect(
      await db.searchLog
        .where('seq')
        .belowOrEqual(snapshot?.pos ?? 0)
        .count(),
    ).toBe(0);

    await applyPullPage(db, pullPage([pulledNote(8, { id: 'n-3', text: 'Mensa: menù invernale' })], 8));
    await db.notes.delete('n-1'); // any write path, not only the sync's, is logged

    const restarted = new SearchEngine(openTab(browser));
    expect(await noteIds(restarted, 'mensa')).toEqual(['n-3']);
    expect((await restarted.search('menu', AREAS, 25)).notes.ids).toEqual(['n-3']);
    expect(restarted.status()).toMatchObject({ state: 'ready', source: 'snapshot' });
  });

  it('reloads the snapshot when another tab pruned the log it was following', async () => {
    const browser = newBrowser();
    const db = await device(browser);
    const behind = new SearchEngine(db);
    expect(await noteIds(behind, 'mensa')).toEqual(['n-1']);
    await applyPullPage(db, pullPage([pulledNote(8, { id: 'n-4', text: 'Mensa chiusa' })], 8));
    const ahead = new SearchEngine(openTab(browser));
    expect(await noteIds(ahead, 'mensa')).toHaveLength(2);
    await ahead.saveNow();
    expect(await readSearchChanges(db, 0)).toEqual({ stale: true });
    // Without reloading, `behind` would read an empty log after its position and miss n-4.
    expect(await noteIds(behind, 'mensa')).toEqual(['n-1', 'n-4']);
  });

  it('is cleared on sign-out, memory and snapshot, and built from the rows at the next sign-in', async () => {
    const db = await device();
    const engine = new SearchEngine(db, { followDelayMs: 0 });
    engine.start();
    try {
      expect(await noteIds(engine, 'mensa')).toEqual(['n-1']);
      await engine.saveNow();
      await clearSession(db);
      await expect.poll(() => engine.status().state, { timeout: 10_000 }).toBe('off');
      expect(await loadSearchSnapshot(db)).toBeNull();

      await saveSession(db, makeLogin());
      expect(await noteIds(engine, 'mensa')).toEqual(['n-1']);
      expect(engine.status()).toMatchObject({ state: 'ready', source: 'build' });
    } finally {
      engine.stop();
    }
  });

  it('never reads a snapshot of another format or another user', async () => {
    const db = await device();
    const engine = new SearchEngine(db);
    await noteIds(engine, 'mensa');
    await engine.saveNow();
    const saved = await loadSearchSnapshot(db);
    if (!saved) throw new Error('no snapshot');
    await saveSearchSnapshot(db, { ...saved, userId: 'someone-else' });
    const other = new SearchEngine(db);
    expect(await noteIds(other, 'mensa')).toEqual(['n-1']);
    expect(other.status()).toMatchObject({ source: 'build' });
  });

  it('saves a fresh build as a snapshot by itself, with no further change', async () => {
    const db = await device();
    const engine = new SearchEngine(db, { snapshotDelayMs: 0, followDelayMs: 0 });
    engine.start();
    try {
      await expect.poll(() => engine.status().snapshotBytes ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
      expect(await loadSearchSnapshot(db)).toMatchObject({ format: 1, userId: user.id });
    } finally {
      engine.stop();
    }
  });

  it('saves no snapshot while a first sync is under way, and saves one once it has ended', async () => {
    const db = await device();
    await db.meta.put({ key: META.firstSync, value: { stage: 'core', coreNotes: 0 } });
    const engine = new SearchEngine(db, { snapshotDelayMs: 20, snapshotMaxWaitMs: 40, followDelayMs: 0 });
    engine.start();
    try {
      expect(await noteIds(engine, 'mensa')).toEqual(['n-1']);
      // Well past the longest wait: the index is built and changed, and still nothing is saved.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await loadSearchSnapshot(db)).toBeNull();
      await db.meta.delete(META.firstSync);
      await expect.poll(() => loadSearchSnapshot(db), { timeout: 5000 }).toMatchObject({ userId: user.id });
    } finally {
      engine.stop();
    }
  });

  it('indexes a first sync’s deferred rows once all are stored; a query meanwhile still finds them', async () => {
    const db = await device();
    let changed = 0;
    const engine = new SearchEngine(db, {
      followDelayMs: 0,
      firstSyncPollMs: 10,
      snapshotDelayMs: 60_000,
      onChanged: () => changed++,
    });
    engine.start();
    try {
      expect(await noteIds(engine, 'sopralluogo')).toEqual(['n-1']);
      const deferred = {
        stage: 'deferred',
        coreNotes: 0,
        until: 9,
        cursor: 3,
        total: { note: 2 },
        received: {},
      };
      await db.meta.put({ key: META.firstSync, value: deferred });
      const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
      await db.notes.put(
        makeNote({ id: 'n-2', text: 'Verbale della palestra', createdAt: '2026-02-01T10:00:00Z' }),
      );
      await settle();
      const beforeQuery = changed;
      // The query catches up first: the stored note is found although nothing followed it.
      expect(await noteIds(engine, 'palestra')).toEqual(['n-2']);
      expect(changed).toBe(beforeQuery + 1);
      await db.notes.put(
        makeNote({ id: 'n-3', text: 'Collaudo della piscina', createdAt: '2026-02-02T10:00:00Z' }),
      );
      await settle();
      expect(changed).toBe(beforeQuery + 1); // not followed in the background during the first sync
      await db.meta.delete(META.firstSync);
      await expect.poll(() => changed, { timeout: 5000 }).toBe(beforeQuery + 2); // followed once it ended
      expect(await noteIds(engine, 'piscina')).toEqual(['n-3']);
    } finally {
      engine.stop();
    }
  });
});
