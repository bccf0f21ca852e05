import { describe, expect, it } from 'vitest';
import { queuePlanChange } from './plan-changes.ts';
import { retryRejected } from './local-change.ts';
import { applyPullPage } from '../sync/apply-pull.ts';
import { applyPushAnswer } from '../sync/apply-push.ts';

import {
  OBJECTIVE_ID,
  PLAN_ID,
  makeObjective,
  makePhase,
  pullPage,
  pulledObjective,
} from '../../../test/helpers/device.ts';

import type { PullRow } from '../../shared/pull.ts';

import { admin, amendment, device, ok, snapshot } from '../../../test/helpers/plan-changes.ts';

describe('plan changes through the sync cycle', () => {
  it('a rejection rolls the optimistic effect back without a trace', async () => {
    const db = await device();
    const before = await snapshot(db);
    const q1 = ok(await queuePlanChange(db, admin, 'objective.update', update()));
    const q2 = ok(await queuePlanChange(db, admin, 'phase.remove', { phaseId: 'ph-2', amendment }));
    const sent = await db.outbox.toArray();
    await applyPushAnswer(
      db,
      sent,
      {
        lastSeq: q2.seq,
        results: [
          {
            seq: q1.seq,
            id: q1.mutationId,
            status: 'rejected',
            reason: { code: 'locked', message: 'Piano chiuso' },
          },
          {
            seq: q2.seq,
            id: q2.mutationId,
            status: 'rejected',
            reason: { code: 'locked', message: 'Piano chiuso' },
          },
        ],
      },
      new Date(),
    );
    expect(await snapshot(db)).toEqual(before);
    expect(await db.bases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.orderBy('seq').toArray()).map((r) => [r.name, r.reason.code])).toEqual([
      ['objective.update', 'locked'],
      ['phase.remove', 'locked'],
    ]);
  });

  it('a pending objective.update survives a pull of a newer server row of another field, and is re-applied', async () => {
    const db = await device();
    const q = ok(await queuePlanChange(db, admin, 'objective.update', update()));
    // Another admin changed the indicator meanwhile: the server's row, newer, without our change.
    await applyPullPage(db, pullPage([pulledObjective(5, { indicator: 'Indicatore nuovo' })], 5, 0));
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({
      version: 5,
      indicator: 'Indicatore nuovo',
      title: 'Nuovo titolo',
      state: 'modified',
      motivation: amendment.motivation,
    });
    expect((await db.bases.get(`objectives:${OBJECTIVE_ID}`))?.row).toMatchObject({
      version: 5,
      title: 'Objective',
    });
    expect(await db.amendments.get(`pending:${q.mutationId}`)).toMatchObject({ pending: true });

    // Applied, then a pull brings the server's rows (its own amendment id): the pending row leaves.
    await db.outbox.update(q.seq, { confirmed: true });
    const serverAmendment: PullRow = {
      type: 'amendment',
      id: 'srv-amendment-1',
      version: 6,
      deleted: false,
      data: {
        planId: PLAN_ID,
        entity: 'objective',
        entityId: OBJECTIVE_ID,
        objectiveId: OBJECTIVE_ID,
        kind: 'update',
        before: { title: 'Objective', state: 'active' },
        after: { title: 'Nuovo titolo', state: 'modified' },
        motivation: amendment.motivation,
        act: amendment.act,
        userId: admin.id,
        createdAt: '2022-07-01T10:00:00.000Z',
      },
    };
    const applied = pulledObjective(6, {
      indicator: 'Indicatore nuovo',
      title: 'Nuovo titolo',
      state: 'modified',
      motivation: amendment.motivation,
    });
    await applyPullPage(db, pullPage([applied, serverAmendment], 6, q.seq));
    expect((await db.amendments.toArray()).map((a) => a.id)).toEqual(['srv-amendment-1']);
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({ version: 6, title: 'Nuovo titolo' });
    expect(await db.bases.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a pending draft removal reaches a phase pulled later, and a rejection brings it back', async () => {
    const db = await device({ status: 'draft' });
    const q = ok(await queuePlanChange(db, admin, 'objective.remove', { objectiveId: OBJECTIVE_ID }));
    const late: PullRow = {
      type: 'phase',
      id: 'ph-late',
      version: 7,
      deleted: false,
      data: { ...makePhase({ id: 'ph-late', number: 3 }), id: undefined, version: undefined },
    };
    await applyPullPage(db, pullPage([late], 7, 0));
    expect(await db.phases.get('ph-late')).toBeUndefined();
    expect((await db.outbox.get(q.seq))?.touched).toContain('phases:ph-late');
    await applyPushAnswer(
      db,
      await db.outbox.toArray(),
      {
        lastSeq: q.seq,
        results: [
          { seq: q.seq, id: q.mutationId, status: 'rejected', reason: { code: 'x_new', message: 'No' } },
        ],
      },
      new Date(),
    );
    expect((await db.phases.toArray()).map((p) => p.id).sort()).toEqual(['ph-1', 'ph-2', 'ph-late']);
    expect(await db.objectives.get(OBJECTIVE_ID)).toEqual(makeObjective());
    expect(await db.bases.count()).toBe(0);
  });
});

function update() {
  return { objectiveId: OBJECTIVE_ID, changes: { title: 'Nuovo titolo' }, amendment };
}

describe('a rejected plan change can be redone', () => {
  it('retryRejected queues it again with the stored session’s role, and applies it again', async () => {
    const db = await device();
    const q = ok(
      await queuePlanChange(db, admin, 'objective.update', {
        objectiveId: OBJECTIVE_ID,
        changes: { title: 'Di nuovo' },
        amendment,
      }),
    );
    await applyPushAnswer(
      db,
      await db.outbox.toArray(),
      {
        lastSeq: q.seq,
        results: [
          { seq: q.seq, id: q.mutationId, status: 'rejected', reason: { code: 'locked', message: 'Chiuso' } },
        ],
      },
      new Date(),
    );
    expect((await db.objectives.get(OBJECTIVE_ID))?.title).toBe('Objective');
    const again = ok(await retryRejected(db, q.mutationId));
    expect(await db.rejected.count()).toBe(0);
    expect(await db.outbox.get(again.seq)).toMatchObject({ name: 'objective.update' });
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({ title: 'Di nuovo', state: 'modified' });
    expect(await db.amendments.get(`pending:${again.mutationId}`)).toMatchObject({ pending: true });
  });
});
