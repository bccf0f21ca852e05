import { describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import {
  addNote,
  dismissConflict,
  dismissRejected,
  retryRejected,
  setPhaseProgress,
  setPhaseStatus,
} from './local-change.ts';
import { saveSession } from './session.ts';
import {
  makeLogin,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  seedPlan,
  seedPlanTree,
  OBJECTIVE_ID,
} from '../../../test/helpers/device.ts';
import type { TraguardiDb } from './schema.ts';

const user = makeUser();
const now = new Date('2026-03-01T10:00:00Z');

/** A DBCore middleware that throws `error` on a write to `table` once armed: a real failing write. */
function failingWrites(
  table: string,
  error: () => Error,
): { mw: Middleware<DBCore>; arm: (on: boolean) => void } {
  let armed = false;
  return {
    arm: (on) => (armed = on),
    mw: {
      stack: 'dbcore',
      name: 'failing-writes',
      create: (down) => ({
        ...down,
        table(name) {
          const t = down.table(name);
          return {
            ...t,
            mutate(req) {
              if (armed && name === table) return Promise.reject(error());
              return t.mutate(req);
            },
          };
        },
      }),
    },
  };
}

async function freshDb(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlan(db, [makePhase(), makePhase({ id: 'ph-2', number: 2, status: 'done', percent: 100 })]);
  await saveSession(db, makeLogin());
  return db;
}

describe('local changes', () => {
  it('writes the entity, the outbox entry and the base in one go', async () => {
    const db = await freshDb();
    const r = await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user, now });
    expect(r).toMatchObject({ ok: true, seq: 1 });
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'in_progress', updatedBy: 'u-1' });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      seq: 1,
      name: 'phase.setStatus',
      args: { phaseId: 'ph-1', from: 'not_started', to: 'in_progress' },
      clientTime: now.toISOString(),
    });
    expect((await db.bases.get('phases:ph-1'))?.row).toMatchObject({ status: 'not_started' });
  });

  it('sends as `from` the percent shown on the device', async () => {
    const db = await freshDb();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 30, user, now });
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 60, user, now });
    const args = (await db.outbox.orderBy('seq').toArray()).map((e) => e.args);
    expect(args).toEqual([
      { phaseId: 'ph-1', percent: 30, from: 0 },
      { phaseId: 'ph-1', percent: 60, from: 30 },
    ]);
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'in_progress', percent: 60 });
  });

  it('leaves nothing when the transaction aborts midway (outbox write fails)', async () => {
    const browser = newBrowser();
    const { mw, arm } = failingWrites('outbox', () => new Error('disk on fire'));
    const db = openTab(browser).use(mw);
    await seedPlan(db);
    arm(true);
    await expect(setPhaseStatus(db, { phaseId: 'ph-1', to: 'blocked', user, now })).rejects.toThrow();
    arm(false);
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'not_started' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
    // the sequence did not move either
    expect(await setPhaseStatus(db, { phaseId: 'ph-1', to: 'blocked', user, now })).toMatchObject({ seq: 1 });
  });

  it('answers quota (and keeps nothing) when the disk is full', async () => {
    const browser = newBrowser();
    const { mw, arm } = failingWrites('notes', () => new DOMException('full', 'QuotaExceededError'));
    const db = openTab(browser).use(mw);
    await seedPlan(db);
    arm(true);
    const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    const r = await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'hello', photos: [photo], user, now });
    expect(r).toMatchObject({ ok: false, code: 'quota' });
    arm(false);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('allocates one gap-free sequence across two tabs', async () => {
    const browser = newBrowser();
    const tabA = openTab(browser);
    const tabB = openTab(browser);
    await seedPlan(tabA, [makePhase({ id: 'a' }), makePhase({ id: 'b' })]);
    const writes = [];
    for (let i = 0; i < 20; i++) {
      writes.push(setPhaseProgress(tabA, { phaseId: 'a', percent: i + 1, user, now }));
      writes.push(setPhaseProgress(tabB, { phaseId: 'b', percent: i + 1, user, now }));
    }
    const results = await Promise.all(writes);
    const seqs = results.map((r) => (r.ok ? r.seq : -1)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await tabB.outbox.toArray()).map((e) => e.seq)).toEqual(seqs);
  });

  it('validates input and refuses without writing', async () => {
    const db = await freshDb();
    expect(await addNote(db, { objectiveId: OBJECTIVE_ID, text: '   ', user, now })).toMatchObject({
      code: 'empty',
    });
    expect(await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'x'.repeat(5001), user, now })).toMatchObject(
      {
        code: 'too_long',
      },
    );
    expect(await addNote(db, { objectiveId: 'nope', text: 'x', user, now })).toMatchObject({
      code: 'not_found',
    });
    const gif = new Blob(['x'], { type: 'image/gif' });
    expect(
      await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'x', photos: [gif], user, now }),
    ).toMatchObject({
      code: 'photo_type',
    });
    expect(await setPhaseProgress(db, { phaseId: 'ph-1', percent: 101, user, now })).toMatchObject({
      code: 'invalid',
    });
    expect(await setPhaseProgress(db, { phaseId: 'ph-1', percent: 2.5, user, now })).toMatchObject({
      code: 'invalid',
    });
    expect(await setPhaseProgress(db, { phaseId: 'ph-2', percent: 50, user, now })).toMatchObject({
      code: 'illegal_transition',
    });
    expect(await setPhaseStatus(db, { phaseId: 'ghost', to: 'done', user, now })).toMatchObject({
      code: 'not_found',
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
  });

  it('refuses progress, status and notes on a closed plan, writing nothing', async () => {
    const db = openTab(newBrowser());
    await seedPlanTree(db, { status: 'closed' }, [makePhase()]);
    await saveSession(db, makeLogin());
    const before = await db.phases.get('ph-1');
    expect(await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user, now })).toMatchObject({
      code: 'locked',
    });
    expect(await setPhaseProgress(db, { phaseId: 'ph-1', percent: 40, user, now })).toMatchObject({
      code: 'locked',
    });
    expect(await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'Sopralluogo', user, now })).toMatchObject({
      code: 'locked',
    });
    expect(await db.phases.get('ph-1')).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);

    await db.plans.update((await db.plans.toCollection().first())?.id ?? '', { status: 'approved' });
    expect(await setPhaseProgress(db, { phaseId: 'ph-1', percent: 40, user, now })).toMatchObject({
      ok: true,
    });
  });

  it('stores a note as pending with its photos waiting for upload', async () => {
    const db = await freshDb();
    const photo = new Blob([new Uint8Array([9, 9])], { type: 'image/png' });
    const r = await addNote(db, {
      objectiveId: OBJECTIVE_ID,
      phaseId: 'ph-1',
      text: ' ciao ',
      photos: [photo],
      user,
      now,
    });
    if (!r.ok) throw new Error(r.code);
    const note = await db.notes.get(r.noteId);
    expect(note).toMatchObject({ pending: true, text: 'ciao', phaseId: 'ph-1', authorId: 'u-1' });
    const [att] = await db.attachments.toArray();
    expect(att).toMatchObject({ noteId: r.noteId, uploaded: false, mime: 'image/png', size: 2 });
    expect(note?.attachmentIds).toEqual([att?.id]);
    expect(await att?.blob.arrayBuffer()).toEqual(new Uint8Array([9, 9]).buffer);
  });

  it('retries a rejected mutation as a new one and dismisses others', async () => {
    const db = await freshDb();
    const reason = { code: 'forbidden' as const, message: 'no' };
    await db.rejected.put({
      id: 'm-1',
      seq: 7,
      name: 'phase.setStatus',
      args: { phaseId: 'ph-1', from: 'blocked', to: 'in_progress' },
      clientTime: now.toISOString(),
      reason,
      rejectedAt: now.toISOString(),
    });
    const r = await retryRejected(db, 'm-1', now);
    expect(r).toMatchObject({ ok: true, seq: 1 });
    const [entry] = await db.outbox.toArray();
    expect(entry?.id).not.toBe('m-1');
    expect(entry?.args).toEqual({ phaseId: 'ph-1', from: 'not_started', to: 'in_progress' });
    expect(await db.rejected.count()).toBe(0);
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'in_progress' });

    await db.rejected.put({ ...(await makeRejectedNote(db)), reason });
    const noteEntry = (await db.rejected.toArray())[0];
    expect(await dismissRejected(db, noteEntry?.id ?? '')).toEqual({ ok: true });
    expect(await db.rejected.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('hides a conflict on this device', async () => {
    const db = await freshDb();
    await db.conflicts.put({
      id: 'c-1',
      version: 3,
      phaseId: 'ph-1',
      field: 'status',
      overwritten: 'done',
      winner: 'blocked',
      userIds: ['u-1', 'u-2'],
      createdAt: now.toISOString(),
    });
    await dismissConflict(db, 'c-1');
    expect(await db.conflicts.get('c-1')).toMatchObject({ dismissed: true });
  });
});

/** A note.add with a photo that the server refused: its note is gone, its photo still here. */
async function makeRejectedNote(db: TraguardiDb) {
  const noteId = crypto.randomUUID();
  const attId = crypto.randomUUID();
  await db.attachments.put({
    id: attId,
    noteId,
    mime: 'image/jpeg',
    blob: new Blob(['x'], { type: 'image/jpeg' }),
    size: 1,
    uploaded: true,
    createdAt: now.toISOString(),
  });
  return {
    id: crypto.randomUUID(),
    seq: 9,
    name: 'note.add' as const,
    args: { noteId, objectiveId: OBJECTIVE_ID, text: 'x', attachmentIds: [attId] },
    clientTime: now.toISOString(),
    rejectedAt: now.toISOString(),
  };
}
