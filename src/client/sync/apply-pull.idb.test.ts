import { describe, expect, it } from 'vitest';
import { applyPullPage } from './apply-pull.ts';
import { applyPushAnswer } from './apply-push.ts';
import { addNote, setPhaseProgress, setPhaseStatus } from '../db/local-change.ts';
import { readCursor, readServerLastSeq } from '../db/meta.ts';
import { saveSession } from '../db/session.ts';
import type { PullRow } from '../../shared/pull.ts';
import type { TraguardiDb } from '../db/schema.ts';
import {
  makeLogin,
  makeObjective,
  makeUser,
  newBrowser,
  openTab,
  OBJECTIVE_ID,
  pulledObjective,
  pulledPhase,
  pullPage,
} from '../../../test/helpers/device.ts';

const user = makeUser();
const now = new Date('2026-03-01T10:00:00Z');

async function device(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await saveSession(db, makeLogin());
  await applyPullPage(db, pullPage([pulledObjective(1), pulledPhase(2)], 2));
  return db;
}

/** The push answer "applied" for every outbox entry (what the server says when all goes well). */
async function confirmAll(db: TraguardiDb) {
  const sent = await db.outbox.toArray();
  const lastSeq = Math.max(0, ...sent.map((e) => e.seq));
  await applyPushAnswer(
    db,
    sent,
    { lastSeq, results: sent.map((e) => ({ seq: e.seq, id: e.id, status: 'applied' })) },
    now,
  );
}

describe('applyPullPage', () => {
  it('stores rows and moves the cursor', async () => {
    const db = await device();
    expect(await readCursor(db)).toBe(2);
    expect(await db.phases.get('ph-1')).toMatchObject({ version: 2, status: 'not_started' });
  });

  it('rebases pending changes on top of newer server rows', async () => {
    const db = await device();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 40, user, now });
    // someone else blocked the phase meanwhile; our +40% is still pending (lastSeq 0)
    await applyPullPage(db, pullPage([pulledPhase(5, { status: 'blocked', updatedBy: 'u-9' })], 5));
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'blocked', percent: 40, version: 5 });
    expect((await db.bases.get('phases:ph-1'))?.row).toMatchObject({ status: 'blocked', percent: 0 });
    expect(await db.outbox.count()).toBe(1);
  });

  it('drops acknowledged entries only once confirmed, and the base with the last one', async () => {
    const db = await device();
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user, now });
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 30, user, now });
    // lastSeq 2 but no push answer yet (lost): kept, pushed again to learn the outcome
    await applyPullPage(db, pullPage([pulledPhase(6, { status: 'in_progress', percent: 30 })], 6, 2));
    expect(await db.outbox.count()).toBe(2);
    expect(await readServerLastSeq(db)).toBe(2);
    await confirmAll(db);
    await applyPullPage(db, pullPage([], 6, 2));
    expect(await db.outbox.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'in_progress', percent: 30, version: 6 });
  });

  it('keeps pending notes the server has not returned, and takes the server copy when it does', async () => {
    const db = await device();
    await db.objectives.put(makeObjective());
    const r = await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'sul posto', user, now });
    if (!r.ok) throw new Error(r.code);
    await applyPullPage(db, pullPage([pulledPhase(7, { percent: 10, status: 'in_progress' })], 7));
    expect(await db.notes.get(r.noteId)).toMatchObject({ pending: true, text: 'sul posto' });
    await confirmAll(db);
    const noteRow: PullRow = {
      type: 'note',
      id: r.noteId,
      version: 8,
      deleted: false,
      data: {
        objectiveId: OBJECTIVE_ID,
        phaseId: null,
        authorId: 'u-1',
        text: 'sul posto',
        createdAt: now.toISOString(),
        attachmentIds: [],
      },
    };
    await applyPullPage(db, pullPage([noteRow], 8, 1));
    const note = await db.notes.get(r.noteId);
    expect(note?.pending).toBeUndefined();
    expect(note?.version).toBe(8);
    expect(await db.notes.count()).toBe(1);
  });

  it('never moves the cursor past a row it could not store', async () => {
    const db = await device();
    const bad: PullRow = { type: 'phase', id: 'ph-x', version: 9, deleted: false, data: { nonsense: true } };
    const r = await applyPullPage(
      db,
      pullPage([pulledPhase(8, { id: 'ph-8' }), bad, pulledPhase(10, { id: 'ph-10' })], 10),
    );
    expect(r.stalled).toMatchObject({ id: 'ph-x', version: 9 });
    expect(r.cursor).toBe(8);
    expect(await db.phases.get('ph-8')).toBeDefined();
    expect(await db.phases.get('ph-10')).toBeUndefined();
    const r2 = await applyPullPage(
      db,
      pullPage([pulledPhase(11, { id: 'ph-11' }), { ...bad, version: 12 }], 12),
    );
    expect(r2.cursor).toBe(11);
    // and never backwards, even if a page says less
    const r3 = await applyPullPage(db, pullPage([], 3));
    expect(r3.cursor).toBe(11);
  });

  it('skips row types of a later protocol and keeps fields it does not know (v2)', async () => {
    const db = await device();
    const unknown: PullRow = { type: 'hologram', id: 'h', version: 12, deleted: false, data: {} };
    const phase = pulledPhase(11, { id: 'ph-11' });
    const withExtra = { ...phase, data: { ...(phase.data as object), futureField: 'kept' } };
    const r = await applyPullPage(db, pullPage([withExtra, unknown], 12));
    expect(r).toMatchObject({ stalled: null, cursor: 12 });
    expect(await db.phases.get('ph-11')).toMatchObject({ futureField: 'kept', version: 11 });
  });

  it('never takes a row back to an older version (a stale page racing a newer one)', async () => {
    const db = await device();
    await applyPullPage(db, pullPage([pulledPhase(9, { status: 'done', percent: 100 })], 9));
    await applyPullPage(db, pullPage([pulledPhase(4, { status: 'blocked' })], 4));
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'done', version: 9 });
    expect(await readCursor(db)).toBe(9);
  });

  it('applies tombstones and, on resync, starts the rows again from 0 keeping pending work', async () => {
    const db = await device();
    await applyPullPage(db, pullPage([pulledPhase(3, { id: 'ph-2' })], 3));
    await applyPullPage(
      db,
      pullPage([{ type: 'phase', id: 'ph-2', version: 4, deleted: true, data: null }], 4),
    );
    expect(await db.phases.get('ph-2')).toBeUndefined();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 25, user, now });
    await applyPullPage(db, pullPage([pulledObjective(20), pulledPhase(21, { status: 'blocked' })], 21), {
      reset: true,
    });
    expect(await db.phases.toArray()).toMatchObject([
      { id: 'ph-1', status: 'blocked', percent: 25, version: 21 },
    ]);
    expect(await readCursor(db)).toBe(21);
  });
});
