import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { applyPullPage } from '../sync/apply-pull.ts';
import { applyPushAnswer } from '../sync/apply-push.ts';
import { setPhaseProgress, setPhaseStatus } from './local-change.ts';
import { saveSession } from './session.ts';
import { objectiveFact, phaseFact } from './facts.ts';
import type { TraguardiDb } from './schema.ts';
import {
  makeLogin,
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  openShippedDb,
  pulledObjective,
  pulledPhase,
  pullPage,
} from '../../../test/helpers/device.ts';

const user = makeUser();
const now = new Date('2026-03-01T10:00:00Z');
const forbidden = { code: 'forbidden' as const, message: 'Non puoi modificare questa fase' };

/** The facts tables equal the projection of the full rows, exactly. */
async function expectFactsMatchRows(db: TraguardiDb): Promise<void> {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  const phases = await db.phases.toArray();
  const objectives = await db.objectives.toArray();
  expect((await db.phaseFacts.toArray()).sort(byId)).toEqual(phases.map(phaseFact).sort(byId));
  expect((await db.objectiveFacts.toArray()).sort(byId)).toEqual(objectives.map(objectiveFact).sort(byId));
}

async function device(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await saveSession(db, makeLogin());
  await applyPullPage(
    db,
    pullPage(
      [
        pulledObjective(1),
        pulledObjective(2, { id: 'obj-2', number: '2', weights: { head: 3, giunta: null, nucleo: 5 } }),
        pulledPhase(3),
        pulledPhase(4, { id: 'ph-2', number: 2, weight: 40, weightUnit: 'percent', deadline: '2026-06-30' }),
        pulledPhase(5, { id: 'ph-3', objectiveId: 'obj-2', number: 3 }),
      ],
      5,
    ),
  );
  return db;
}

describe('progress facts', () => {
  it('follow a pull: new rows, changed rows and tombstones', async () => {
    const db = await device();
    expect(await db.phaseFacts.count()).toBe(3);
    expect(await db.objectiveFacts.count()).toBe(2);
    await expectFactsMatchRows(db);
    expect(await db.phaseFacts.get('ph-2')).toEqual({
      id: 'ph-2',
      objectiveId: 'obj-1',
      areaId: 'area-1',
      status: 'not_started',
      percent: 0,
      weight: 40,
      weightUnit: 'percent',
      deadline: '2026-06-30',
      number: 2,
      removed: false,
    });

    await applyPullPage(
      db,
      pullPage(
        [
          pulledPhase(6, { status: 'in_progress', percent: 30 }),
          pulledPhase(7, { id: 'ph-3', objectiveId: 'obj-2', number: 3 }, true),
          pulledObjective(8, { id: 'obj-2', number: '2', state: 'removed', motivation: 'non più utile' }),
        ],
        8,
      ),
    );
    expect(await db.phaseFacts.get('ph-3')).toBeUndefined();
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ status: 'in_progress', percent: 30 });
    expect(await db.objectiveFacts.get('obj-2')).toMatchObject({ state: 'removed' });
    await expectFactsMatchRows(db);
  });

  it('follow a local change at once, in its transaction', async () => {
    const db = await device();
    const r = await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user, now });
    expect(r.ok).toBe(true);
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 45, user, now });
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ status: 'in_progress', percent: 45 });
    await expectFactsMatchRows(db);
  });

  it('are written in the same transaction as the rows: an aborted write leaves both unchanged', async () => {
    const db = await device();
    const phase = await db.phases.get('ph-1');
    await expect(
      db.transaction('rw', db.phases, async () => {
        if (phase) await db.phases.put({ ...phase, status: 'blocked' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ status: 'not_started' });
    await expectFactsMatchRows(db);
  });

  it('follow the rollback of a rejected change', async () => {
    const db = await device();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 20, user, now }); // seq 1
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'blocked', user, now }); // seq 2, rejected
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 35, user, now }); // seq 3
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ status: 'blocked', percent: 35 });
    const sent = await db.outbox.orderBy('seq').toArray();
    await applyPushAnswer(
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
    const phase = await db.phases.get('ph-1');
    expect(phase?.status).not.toBe('blocked');
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ status: phase?.status, percent: 35 });
    await expectFactsMatchRows(db);
  });

  it('follow a resync (every row again from 0) keeping pending changes on top', async () => {
    const db = await device();
    await setPhaseProgress(db, { phaseId: 'ph-1', percent: 20, user, now });
    // The server now has only ph-1 (ph-2 and ph-3 are gone) and one objective.
    await applyPullPage(db, pullPage([pulledObjective(10), pulledPhase(11, { percent: 5 })], 11), {
      reset: true,
    });
    expect((await db.phaseFacts.toArray()).map((f) => [f.id, f.percent])).toEqual([['ph-1', 20]]);
    expect((await db.objectiveFacts.toArray()).map((f) => f.id)).toEqual(['obj-1']);
    await expectFactsMatchRows(db);
  });

  it('wake live queries over the facts when a row changes (the dashboard re-reads)', async () => {
    const db = await device();
    const seen: string[] = [];
    const sub = liveQuery(async () => (await db.phaseFacts.get('ph-1'))?.status ?? '-').subscribe({
      next: (status) => seen.push(status),
    });
    await expect.poll(() => seen).toEqual(['not_started']);
    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user, now });
    await expect.poll(() => seen).toEqual(['not_started', 'in_progress']);
    sub.unsubscribe();
  });

  it('are emptied with the rows when another user signs in', async () => {
    const db = await device();
    const r = await saveSession(db, makeLogin({ id: 'other-user', username: 'other' }));
    expect(r.ok).toBe(true);
    expect(await db.phaseFacts.count()).toBe(0);
    expect(await db.objectiveFacts.count()).toBe(0);
  });

  it('are filled from the existing rows by the upgrade from v2', async () => {
    const browser = newBrowser();
    const v2 = openShippedDb(browser, 2);
    const phases = Array.from({ length: 50 }, (_, i) =>
      makePhase({
        id: `ph-${i}`,
        number: i + 1,
        status: i % 3 === 0 ? 'done' : 'in_progress',
        percent: i % 3 === 0 ? 100 : i,
        weight: i % 4 === 0 ? null : i,
        weightUnit: i % 4 === 0 ? null : 'points',
        deadline: i % 5 === 0 ? null : '2026-12-31',
        description: 'x'.repeat(500),
      }),
    );
    await v2.table('phases').bulkPut(phases);
    await v2
      .table('objectives')
      .bulkPut([makeObjective(), makeObjective({ id: 'obj-2', state: 'replaced' })]);
    await v2.table('outbox').put({ seq: 1, id: 'm', name: 'phase.setStatus', args: {}, clientTime: 'x' });
    v2.close();

    const db = openTab(browser);
    expect(await db.phases.count()).toBe(50);
    expect(await db.phaseFacts.count()).toBe(50);
    expect(await db.objectiveFacts.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
    await expectFactsMatchRows(db);
    expect(db.verno).toBe(7);
    // And the facts follow the rows from then on.
    await db.phases.update('ph-1', { percent: 77 });
    await db.phases
      .where('areaId')
      .equals('area-1')
      .and((p) => p.number > 40)
      .delete();
    expect(await db.phaseFacts.count()).toBe(40);
    expect(await db.phaseFacts.get('ph-1')).toMatchObject({ percent: 77 });
    await expectFactsMatchRows(db);
  });
});
