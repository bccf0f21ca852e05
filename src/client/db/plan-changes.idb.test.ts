import { describe, expect, it } from 'vitest';
import { queuePlanChange } from './plan-changes.ts';

import { AREA_ID, OBJECTIVE_ID, PLAN_ID, makeObjective, makeUser } from '../../../test/helpers/device.ts';
import type { TraguardiDb } from './schema.ts';

import { admin, amendment, device, ok, snapshot } from '../../../test/helpers/plan-changes.ts';

describe('queuePlanChange: the optimistic effect, as the server applies it', () => {
  it('objective.update on a draft changes the fields only: no amendment, state kept', async () => {
    const db = await device({ status: 'draft' });
    const q = ok(
      await queuePlanChange(db, admin, 'objective.update', {
        objectiveId: OBJECTIVE_ID,
        changes: { title: 'Nuovo titolo', indicator: null },
      }),
    );
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({
      title: 'Nuovo titolo',
      indicator: '',
      state: 'active',
      motivation: null,
    });
    expect(await db.amendments.count()).toBe(0);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      seq: q.seq,
      id: q.mutationId,
      name: 'objective.update',
      args: { objectiveId: OBJECTIVE_ID, changes: { title: 'Nuovo titolo', indicator: null } },
      touched: [`objectives:${OBJECTIVE_ID}`],
    });
    expect((await db.bases.get(`objectives:${OBJECTIVE_ID}`))?.row).toEqual(makeObjective());
  });

  it('objective.update on an approved plan: modified, the motivation, a pending amendment, the act in the plan', async () => {
    const db = await device();
    const q = ok(
      await queuePlanChange(db, admin, 'objective.update', {
        objectiveId: OBJECTIVE_ID,
        changes: { title: 'Nuovo titolo' },
        amendment,
      }),
    );
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({
      title: 'Nuovo titolo',
      state: 'modified',
      motivation: amendment.motivation,
    });
    expect((await db.objectiveFacts.get(OBJECTIVE_ID))?.state).toBe('modified');
    const amendments = await db.amendments.toArray();
    expect(amendments).toEqual([
      {
        id: `pending:${q.mutationId}`,
        version: 0,
        pending: true,
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
        createdAt: (await db.outbox.get(q.seq))?.clientTime,
      },
    ]);
    expect((await db.plans.get(PLAN_ID))?.acts).toEqual([amendment.act]);
  });

  it('objective.remove: gone with its phases on a draft; removed (stralcio) on an approved plan', async () => {
    const draft = await device({ status: 'draft' });
    ok(await queuePlanChange(draft, admin, 'objective.remove', { objectiveId: OBJECTIVE_ID }));
    expect(await draft.objectives.count()).toBe(0);
    expect(await draft.phases.count()).toBe(0);
    expect(await draft.phaseFacts.count()).toBe(0);
    expect((await draft.outbox.toArray())[0]?.touched?.sort()).toEqual(
      [`objectives:${OBJECTIVE_ID}`, 'phases:ph-1', 'phases:ph-2'].sort(),
    );

    const approved = await device();
    ok(await queuePlanChange(approved, admin, 'objective.remove', { objectiveId: OBJECTIVE_ID, amendment }));
    expect(await approved.objectives.get(OBJECTIVE_ID)).toMatchObject({
      state: 'removed',
      motivation: amendment.motivation,
    });
    expect(await approved.phases.count()).toBe(2);
    expect(await approved.amendments.toArray()).toMatchObject([
      { kind: 'remove', before: { state: 'active' }, after: { state: 'removed' } },
    ]);
  });

  it('objective.replace: the old one replaced, the new one active with `replaces`', async () => {
    const db = await device();
    ok(
      await queuePlanChange(db, admin, 'objective.replace', {
        objectiveId: OBJECTIVE_ID,
        replacement: { objectiveId: 'obj-new', number: '1bis', title: 'Sostituto' },
        amendment,
      }),
    );
    expect(await db.objectives.get(OBJECTIVE_ID)).toMatchObject({ state: 'replaced' });
    expect(await db.objectives.get('obj-new')).toMatchObject({
      areaId: AREA_ID,
      number: '1bis',
      state: 'active',
      replaces: OBJECTIVE_ID,
      motivation: amendment.motivation,
    });
    // On a draft the old one is gone and the new one replaces nothing.
    const draft = await device({ status: 'draft' });
    ok(
      await queuePlanChange(draft, admin, 'objective.replace', {
        objectiveId: OBJECTIVE_ID,
        replacement: { objectiveId: 'obj-new', number: '1', title: 'Sostituto' },
      }),
    );
    expect(await draft.objectives.get(OBJECTIVE_ID)).toBeUndefined();
    expect(await draft.objectives.get('obj-new')).toMatchObject({ replaces: null, number: '1' });
  });

  it('phase.remove: deleted on a draft; cancelled and removed on an approved plan', async () => {
    const draft = await device({ status: 'draft' });
    ok(await queuePlanChange(draft, admin, 'phase.remove', { phaseId: 'ph-2' }));
    expect(await draft.phases.get('ph-2')).toBeUndefined();

    const approved = await device();
    ok(await queuePlanChange(approved, admin, 'phase.remove', { phaseId: 'ph-2', amendment }));
    expect(await approved.phases.get('ph-2')).toMatchObject({
      status: 'cancelled',
      removed: true,
      updatedBy: admin.id,
    });
    expect((await approved.phaseFacts.get('ph-2'))?.status).toBe('cancelled');
  });

  it('phase.add and phase.update, area.add/update/remove, plan.approve, ente.setSettings, amendment.setAct', async () => {
    const db = await device({ status: 'draft' });
    ok(
      await queuePlanChange(db, admin, 'phase.add', {
        phaseId: 'ph-3',
        objectiveId: OBJECTIVE_ID,
        number: 3,
        description: 'Terza fase',
        weight: 20,
        deadline: '2022-12-31',
      }),
    );
    expect(await db.phases.get('ph-3')).toMatchObject({
      objectiveId: OBJECTIVE_ID,
      areaId: AREA_ID,
      status: 'not_started',
      percent: 0,
      weight: 20,
      weightUnit: 'percent',
      removed: false,
    });
    ok(await queuePlanChange(db, admin, 'phase.update', { phaseId: 'ph-3', changes: { weight: null } }));
    expect(await db.phases.get('ph-3')).toMatchObject({ weight: null, weightUnit: null });
    ok(await queuePlanChange(db, admin, 'area.add', { areaId: 'area-2', planId: PLAN_ID, name: 'Seconda' }));
    expect(await db.areas.get('area-2')).toMatchObject({ position: 1, head: null });
    ok(
      await queuePlanChange(db, admin, 'area.update', {
        areaId: 'area-2',
        changes: { head: 'Dott.ssa Rossi' },
      }),
    );
    expect((await db.areas.get('area-2'))?.head).toBe('Dott.ssa Rossi');
    ok(await queuePlanChange(db, admin, 'area.remove', { areaId: 'area-2' }));
    expect(await db.areas.get('area-2')).toBeUndefined();
    ok(await queuePlanChange(db, admin, 'plan.approve', { planId: PLAN_ID, act: amendment.act }));
    const plan = await db.plans.get(PLAN_ID);
    expect(plan).toMatchObject({ status: 'approved', acts: [amendment.act] });
    expect(plan?.events).toMatchObject([{ kind: 'approved', userId: admin.id }]);
    ok(await queuePlanChange(db, admin, 'ente.setSettings', { headsMayAmend: true }));
    expect((await db.ente.toArray())[0]?.settings).toEqual({ headsMayAmend: true });
    // Now approved: an amendment, then its act set later.
    const q = ok(
      await queuePlanChange(db, admin, 'phase.update', {
        phaseId: 'ph-1',
        changes: { description: 'Rivista' },
        amendment: { motivation: 'Precisazione' },
      }),
    );
    const act = { body: 'giunta' as const, number: '77', date: '2022-08-01' };
    // Not on the server yet (the server's row will have its own id): its act waits for the sync.
    expect(
      await queuePlanChange(db, admin, 'amendment.setAct', { amendmentId: `pending:${q.mutationId}`, act }),
    ).toMatchObject({ ok: false, code: 'not_found', key: 'planChange.amendment_pending' });
    const pendingRow = await db.amendments.get(`pending:${q.mutationId}`);
    if (!pendingRow) throw new Error('no pending amendment');
    const { pending: _p, ...synced } = pendingRow;
    await db.amendments.put({ ...synced, id: 'srv-1', version: 3 });
    ok(await queuePlanChange(db, admin, 'amendment.setAct', { amendmentId: 'srv-1', act }));
    expect((await db.amendments.get('srv-1'))?.act).toEqual(act);
    expect((await db.plans.get(PLAN_ID))?.acts).toEqual([amendment.act, act]);
    expect(await db.outbox.count()).toBe(9);
  });

  it('an *.add whose id is already on the device is queued and changes nothing (the server answers applied)', async () => {
    const db = await device();
    const before = await snapshot(db);
    ok(
      await queuePlanChange(db, admin, 'objective.add', {
        objectiveId: OBJECTIVE_ID,
        areaId: AREA_ID,
        number: '9',
        title: 'Doppio',
      }),
    );
    expect(await snapshot(db)).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('queuePlanChange: refusals the device can know, in the contract order, write nothing', () => {
  async function refused(
    db: TraguardiDb,
    run: () => ReturnType<typeof queuePlanChange>,
    expected: { code: string; key: string },
  ) {
    const before = await snapshot(db);
    const r = await run();
    expect(r).toMatchObject({ ok: false, ...expected });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.bases.count()).toBe(0);
  }
  const update = { objectiveId: OBJECTIVE_ID, changes: { title: 'X' }, amendment };

  it('role: only admins, or heads of the area where the ente lets heads amend', async () => {
    const db = await device();
    const officer = makeUser({ role: 'officer' });
    const head = makeUser({ id: 'u-head', role: 'head', areaIds: [AREA_ID] });
    await refused(db, () => queuePlanChange(db, officer, 'objective.update', update), {
      code: 'forbidden',
      key: 'planChange.amend_forbidden',
    });
    await refused(db, () => queuePlanChange(db, head, 'objective.update', update), {
      code: 'forbidden',
      key: 'planChange.amend_forbidden',
    });
    await db.ente.update('ente-1', { settings: { headsMayAmend: true } });
    // Role before not-found, not-found before area.
    await refused(
      db,
      () => queuePlanChange(db, officer, 'objective.update', { ...update, objectiveId: 'nope' }),
      {
        code: 'forbidden',
        key: 'planChange.amend_forbidden',
      },
    );
    const otherHead = makeUser({ id: 'u-h2', role: 'head', areaIds: ['area-9'] });
    await refused(
      db,
      () => queuePlanChange(db, otherHead, 'objective.update', { ...update, objectiveId: 'nope' }),
      {
        code: 'not_found',
        key: 'planChange.objective_not_found',
      },
    );
    await refused(db, () => queuePlanChange(db, otherHead, 'objective.update', update), {
      code: 'forbidden',
      key: 'planChange.area_forbidden',
    });
    // A head may not approve plans or change settings, whatever the ente says.
    await refused(db, () => queuePlanChange(db, head, 'ente.setSettings', { headsMayAmend: false }), {
      code: 'forbidden',
      key: 'planChange.amend_forbidden',
    });
    ok(await queuePlanChange(db, head, 'objective.update', update));
  });

  it('the role comes from the stored session when the caller passes only the id', async () => {
    const db = await device();
    ok(await queuePlanChange(db, { id: admin.id }, 'objective.update', update));
    const other = await device();
    await refused(other, () => queuePlanChange(other, { id: 'someone-else' }, 'objective.update', update), {
      code: 'forbidden',
      key: 'planChange.amend_forbidden',
    });
  });

  it('a closed plan is locked; an approved one needs a motivation', async () => {
    const closed = await device({ status: 'closed' });
    await refused(closed, () => queuePlanChange(closed, admin, 'objective.update', update), {
      code: 'locked',
      key: 'planChange.plan_locked',
    });
    const db = await device();
    const { amendment: _a, ...bare } = update;
    await refused(db, () => queuePlanChange(db, admin, 'objective.update', bare), {
      code: 'invalid',
      key: 'planChange.amendment_required',
    });
    await refused(
      db,
      () => queuePlanChange(db, admin, 'objective.update', { ...bare, amendment: { motivation: '   ' } }),
      { code: 'invalid', key: 'planChange.amendment_required' },
    );
  });

  it('numbers once per area, deadlines in the plan year, areas emptied first, wrong states', async () => {
    const db = await device({ status: 'draft' });
    await db.objectives.put(makeObjective({ id: 'obj-2', number: '2' }));
    await refused(
      db,
      () =>
        queuePlanChange(db, admin, 'objective.update', {
          objectiveId: OBJECTIVE_ID,
          changes: { number: ' 2 ' },
        }),
      { code: 'invalid', key: 'planChange.objective_number_taken' },
    );
    await refused(
      db,
      () =>
        queuePlanChange(db, admin, 'phase.update', { phaseId: 'ph-1', changes: { deadline: '2023-01-15' } }),
      { code: 'invalid', key: 'planChange.deadline_outside_year' },
    );
    await refused(
      db,
      () => queuePlanChange(db, admin, 'phase.update', { phaseId: 'ph-1', changes: { number: 2 } }),
      {
        code: 'invalid',
        key: 'planChange.phase_number_taken',
      },
    );
    await refused(db, () => queuePlanChange(db, admin, 'area.remove', { areaId: AREA_ID }), {
      code: 'invalid',
      key: 'planChange.area_has_objectives',
    });
    await refused(
      db,
      () => queuePlanChange(db, admin, 'area.add', { areaId: 'a-x', planId: PLAN_ID, name: ' area ' }),
      {
        code: 'invalid',
        key: 'planChange.area_name_taken',
      },
    );
    const approved = await device();
    await approved.objectives.update(OBJECTIVE_ID, { state: 'removed' });
    await refused(approved, () => queuePlanChange(approved, admin, 'objective.update', update), {
      code: 'illegal_transition',
      key: 'planChange.objective_taken_out',
    });
    await refused(
      approved,
      () => queuePlanChange(approved, admin, 'plan.approve', { planId: PLAN_ID, act: amendment.act }),
      {
        code: 'illegal_transition',
        key: 'planChange.plan_not_draft',
      },
    );
    await refused(
      approved,
      () => queuePlanChange(approved, admin, 'objective.update', { objectiveId: '' } as never),
      {
        code: 'invalid',
        key: 'planChange.invalid_args',
      },
    );
  });
});
