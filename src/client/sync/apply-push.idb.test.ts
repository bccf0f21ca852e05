import { describe, expect, it } from 'vitest';
import { applyPullPage } from './apply-pull.ts';
import { applyPushAnswer } from './apply-push.ts';
import { addNote, setPhaseProgress, setPhaseStatus } from '../db/local-change.ts';
import { saveSession } from '../db/session.ts';
import {
  makeLogin,
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  OBJECTIVE_ID,
} from '../../../test/helpers/device.ts';

const user = makeUser();
const now = new Date('2026-03-01T10:00:00Z');
const forbidden = { code: 'forbidden' as const, message: 'Non puoi modificare questa fase' };

async function device() {
  const db = openTab(newBrowser());
  await saveSession(db, makeLogin());
  const { id: oid, version: ov, ...objective } = makeObjective();
  const { id: pid, version: pv, ...phase } = makePhase();
  await applyPullPage(db, {
    cursor: 2,
    lastSeq: 0,
    hasMore: false,
    rows: [
      { type: 'objective', id: oid, version: ov, deleted: false, data: objective },
      { type: 'phase', id: pid, version: pv + 1, deleted: false, data: phase },
    ],
  });
  return db;
}

describe('applyPushAnswer', () => {
  it('moves a rejected mutation to `rejected` and rolls back only its effect', async () => {
    const db = await device();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 20, user, now }); // seq 1
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'blocked', user, now }); // seq 2, to be rejected
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 35, user, now }); // seq 3
    const sent = await db.outbox.orderBy('seq').toArray();
    const out = await applyPushAnswer(
      db,
      sent,
      {
        lastSeq: 3,
        results: [
          { seq: 1, id: sent[0]?.id ?? '', status: 'applied' },
          { seq: 2, id: sent[1]?.id ?? '', status: 'rejected', reason: forbidden },
          { seq: 3, id: sent[2]?.id ?? '', status: 'applied' },
        ],
      },
      now,
    );
    expect(out).toEqual({ confirmed: 2, rejected: 1, matched: 3 });
    expect(await db.rejected.toArray()).toMatchObject([{ id: sent[1]?.id, seq: 2, reason: forbidden }]);
    expect((await db.outbox.toArray()).map((e) => [e.seq, e.confirmed])).toEqual([
      [1, true],
      [3, true],
    ]);
    expect(await db.phases.get('ph-1')).toMatchObject({ status: 'in_progress', percent: 35 });
  });

  it('treats a duplicate whose original was rejected as rejected, once', async () => {
    const db = await device();
    const r = await addNote(db, { objectiveId: OBJECTIVE_ID, text: 'x', user, now });
    if (!r.ok) throw new Error(r.code);
    const sent = await db.outbox.toArray();
    const answer = {
      lastSeq: 1,
      results: [
        {
          seq: 1,
          id: r.mutationId,
          status: 'duplicate' as const,
          original: 'rejected' as const,
          reason: forbidden,
        },
      ],
    };
    await applyPushAnswer(db, sent, answer, now);
    await applyPushAnswer(db, sent, answer, now); // another tab, same answer
    expect(await db.rejected.count()).toBe(1);
    expect(await db.notes.get(r.noteId)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
  });

  it('ignores a result whose id does not match what was sent at that seq', async () => {
    const db = await device();
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'done', user, now });
    const sent = await db.outbox.toArray();
    const out = await applyPushAnswer(
      db,
      sent,
      { lastSeq: 1, results: [{ seq: 1, id: 'other', status: 'rejected', reason: forbidden }] },
      now,
    );
    expect(out.matched).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});
