// Protocol Part 2 over real HTTP, on PGlite and PostgreSQL: a plan imported as a draft (admins only),
// edited freely, approved (then every role pulls it), amended with motivation and act (amendment
// rows), the checks in the contract's order and their rejections, idempotent ids, heads amending
// where the ente allows it, a v1 device served only what it understands, and an audit entry per
// applied mutation.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry, plan as planTable } from '../../src/server/db/schema.ts';
import type { PlanImportResponse } from '../../src/shared/plan-import.ts';
import type { PushResult } from '../../src/shared/push.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { setStatus, TestDevice, type DraftMutation } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
const amendment = (motivation = 'Riprogrammazione approvata in Giunta') => ({
  motivation,
  act: { body: 'giunta' as const, number: '201', date: '2023-11-20' },
});
const m = (name: string, args: Record<string, unknown>): DraftMutation => ({ name, args });

interface ObjectiveData {
  areaId: string;
  number: string;
  title: string;
  state: string;
  motivation: string | null;
  replaces?: string | null;
}
interface PhaseData {
  objectiveId: string;
  areaId: string;
  status: string;
  removed?: boolean;
  deadline: string | null;
}

describe.each(DB_KINDS)('plans and amendments on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let head: Session; // resp.persona
  let officer: Session; // istruttore.persona
  let provaAdmin: Session;
  let adminDevice: TestDevice;
  let planId: string;
  let personaArea: string;
  let objectiveIds: string[];

  const push = async (device: TestDevice, drafts: DraftMutation[]): Promise<PushResult[]> =>
    (await device.push(drafts)).results;

  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    head = await loginAs(server, 'resp.persona');
    officer = await loginAs(server, 'istruttore.persona');
    provaAdmin = await loginAs(server, 'admin.prova');
    adminDevice = new TestDevice(admin, undefined, 2);
  });
  afterAll(() => server.close());

  it('previews an import (nothing stored), then stores it as a draft, safe to repeat with its planId', async () => {
    const preview = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      dryRun: true,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.plan.areas.map((a) => a.objectives.length)).toEqual([7, 7, 8]);
    expect(preview.body.plan.acts).toHaveLength(3);
    expect(preview.body.planId).toBeUndefined();

    planId = randomUUID();
    const body = { format: 'text', content: SAMPLE, year: 2023, title: 'Piano 2023', planId };
    const stored = await admin.post<PlanImportResponse>('/api/plans/import', body);
    expect(stored.status).toBe(201);
    expect(stored.body.planId).toBe(planId);
    const again = await admin.post<PlanImportResponse>('/api/plans/import', body);
    expect(again.status).toBe(200);
    expect(again.body.plan.areas.map((a) => a.id)).toEqual(stored.body.plan.areas.map((a) => a.id));
    const [count] = await server.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(planTable)
      .where(eq(planTable.id, planId));
    expect(count?.n).toBe(1);

    personaArea = stored.body.plan.areas[0]?.id ?? '';
    objectiveIds = (stored.body.plan.areas[0]?.objectives ?? []).map((o) => o.id ?? '');
    expect(await head.post('/api/plans/import', { ...body, planId: randomUUID() })).toMatchObject({
      status: 403,
    });
    const unreadable = await admin.post('/api/plans/import', {
      format: 'csv',
      content: 'a;b\n1;2',
      year: 2023,
    });
    expect(unreadable).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
  });

  it('shows a draft to admins only; a head gets the users of the same-named area carried to it', async () => {
    await adminDevice.pullAll();
    expect(adminDevice.row<{ status: string }>('plan', planId)?.data.status).toBe('draft');
    const headDevice = new TestDevice(head, undefined, 2);
    await headDevice.pullAll();
    expect(headDevice.row('plan', planId)).toBeUndefined();
    expect(headDevice.row('area', personaArea)).toBeUndefined();
    const me = headDevice.row<{ areaIds: string[] }>('user', head.user.id);
    expect(me?.data.areaIds).toContain(personaArea);
    expect((await admin.get(`/api/plans/${planId}/export.csv`)).status).toBe(200);
    expect((await head.get(`/api/plans/${planId}/export.csv`)).status).toBe(404);
  });

  it('edits a draft freely: no amendment needed, none recorded; progress waits for approval', async () => {
    const [o1] = objectiveIds;
    const results = await push(adminDevice, [
      m('objective.update', { objectiveId: o1, changes: { title: 'Titolo rivisto in bozza' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied']);
    await adminDevice.pullAll();
    expect(adminDevice.row<ObjectiveData>('objective', o1 ?? '')?.data).toMatchObject({
      title: 'Titolo rivisto in bozza',
      state: 'active',
    });
    expect(adminDevice.all('amendment')).toHaveLength(0);
    const phase = adminDevice.all<PhaseData>('phase').find((p) => p.data.objectiveId === o1);
    const [progress] = await push(adminDevice, [setStatus(phase?.id ?? '', 'not_started', 'in_progress')]);
    expect(progress).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
  });

  it('approves the draft with its act: every role then pulls it', async () => {
    const act = { body: 'giunta', number: '12', date: '2023-01-31' };
    const [approved, twice] = await push(adminDevice, [
      m('plan.approve', { planId, act }),
      m('plan.approve', { planId, act }),
    ]);
    expect(approved?.status).toBe('applied');
    expect(twice).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
    const headDevice = new TestDevice(head, undefined, 2);
    await headDevice.pullAll();
    const row = headDevice.row<{ status: string; acts: unknown[]; events: { kind: string }[] }>(
      'plan',
      planId,
    );
    expect(row?.data.status).toBe('approved');
    expect(row?.data.acts).toContainEqual(act);
    expect(row?.data.events.map((e) => e.kind)).toEqual(['approved']);
    expect(headDevice.row('area', personaArea)).toBeDefined();
    // A second draft of the same year stays a draft: one plan a year.
    const second = randomUUID();
    const stored = await admin.post('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      planId: second,
    });
    expect(stored.status).toBe(409);
    // Two drafts of another year: approving the first leaves the second a draft.
    const [a, b] = [randomUUID(), randomUUID()];
    for (const id of [a, b])
      expect(
        (await admin.post('/api/plans/import', { format: 'text', content: SAMPLE, year: 2024, planId: id }))
          .status,
      ).toBe(201);
    const act2024 = { body: 'giunta', number: '1', date: '2024-01-10' };
    const [first, secondDraft] = await push(adminDevice, [
      m('plan.approve', { planId: a, act: act2024 }),
      m('plan.approve', { planId: b, act: act2024 }),
    ]);
    expect(first?.status).toBe('applied');
    expect(secondDraft).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
  });

  it('amends an approved plan only with a motivation, and records each amendment', async () => {
    // The sample's objective 3 of this area is removed already: replace the fifth one.
    const [o1, o2, , , o3] = objectiveIds;
    const results = await push(adminDevice, [
      m('objective.update', { objectiveId: o1, changes: { title: 'Senza motivo' } }),
      m('objective.update', {
        objectiveId: o1,
        changes: { title: 'Con motivo' },
        amendment: { motivation: ' ' },
      }),
      m('objective.update', {
        objectiveId: o1,
        changes: { title: 'Titolo emendato' },
        amendment: amendment(),
      }),
      m('objective.remove', { objectiveId: o2, amendment: amendment('Stralcio per mancanza di fondi') }),
      m('objective.replace', {
        objectiveId: o3,
        replacement: { objectiveId: randomUUID(), number: '3bis', title: 'Nuovo progetto' },
        amendment: amendment('Progetto sostituito'),
      }),
    ]);
    expect(results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['applied', undefined],
      ['applied', undefined],
      ['applied', undefined],
    ]);
    const headDevice = new TestDevice(head, undefined, 2);
    await headDevice.pullAll();
    const objective = (id: string | undefined) => headDevice.row<ObjectiveData>('objective', id ?? '')?.data;
    expect(objective(o1)).toMatchObject({
      title: 'Titolo emendato',
      state: 'modified',
      motivation: expect.any(String),
    });
    expect(objective(o2)).toMatchObject({ state: 'removed', motivation: 'Stralcio per mancanza di fondi' });
    expect(objective(o3)).toMatchObject({ state: 'replaced' });
    const replacement = headDevice.all<ObjectiveData>('objective').find((o) => o.data.replaces === o3);
    expect(replacement?.data).toMatchObject({ number: '3bis', state: 'active' });
    const amendments = headDevice.all<{ kind: string; entityId: string; before: unknown; after: unknown }>(
      'amendment',
    );
    expect(amendments.map((a) => [a.data.kind, a.data.entityId]).sort()).toEqual(
      [
        ['update', o1],
        ['remove', o2],
        ['replace', o3],
      ].sort(),
    );
    expect(amendments.find((a) => a.data.kind === 'update')?.data).toMatchObject({
      before: { title: 'Titolo rivisto in bozza', state: 'active' },
      after: { title: 'Titolo emendato', state: 'modified' },
    });
    const planRow = headDevice.row<{ acts: unknown[] }>('plan', planId);
    expect(planRow?.data.acts).toContainEqual(amendment().act);
  });

  it('refuses with clear reasons: duplicate number, deadline out of year, area with objectives, removed phase', async () => {
    const [o1] = objectiveIds;
    const phase = adminDevice.all<PhaseData>('phase').find((p) => p.data.objectiveId === o1);
    const results = await push(adminDevice, [
      m('objective.add', {
        objectiveId: randomUUID(),
        areaId: personaArea,
        number: '1',
        title: 'Doppio',
        amendment: amendment(),
      }),
      m('phase.update', { phaseId: phase?.id, changes: { deadline: '2024-03-31' }, amendment: amendment() }),
      m('area.remove', { areaId: personaArea, amendment: amendment() }),
      m('phase.remove', { phaseId: phase?.id, amendment: amendment('Fase non più necessaria') }),
      setStatus(phase?.id ?? '', 'not_started', 'in_progress'),
    ]);
    expect(results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['applied', undefined],
      ['rejected', 'illegal_transition'],
    ]);
    expect(results[0]?.reason?.message).toContain('1');
    expect(results[1]?.reason?.message).toContain('2023');
    await adminDevice.pullAll();
    expect(adminDevice.row<PhaseData>('phase', phase?.id ?? '')?.data).toMatchObject({
      status: 'cancelled',
      removed: true,
    });
  });

  it('applies an *.add whose id exists without changing anything', async () => {
    const objectiveId = randomUUID();
    const add = m('objective.add', {
      objectiveId,
      areaId: personaArea,
      number: '20',
      title: 'Aggiunto',
      amendment: amendment(),
    });
    expect((await push(adminDevice, [add, add])).map((r) => r.status)).toEqual(['applied', 'applied']);
    const [n] = await server.database.db
      .execute(sql`SELECT count(*)::int AS n FROM amendment WHERE entity_id = ${objectiveId}`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(n?.n).toBe(1);
  });

  it('lets heads amend their own areas only where the ente allows it; never officers or other enti', async () => {
    const headDevice = new TestDevice(head, undefined, 2);
    await headDevice.pullAll();
    const [, , , o4] = objectiveIds;
    const change = m('objective.update', {
      objectiveId: o4,
      changes: { title: 'Dal responsabile' },
      amendment: amendment(),
    });
    expect((await push(headDevice, [change]))[0]?.reason?.code).toBe('forbidden');
    expect((await push(adminDevice, [m('ente.setSettings', { headsMayAmend: true })]))[0]?.status).toBe(
      'applied',
    );
    expect((await push(headDevice, [change]))[0]?.status).toBe('applied');
    const mine = headDevice.row<{ areaIds: string[] }>('user', head.user.id)?.data.areaIds ?? [];
    const otherArea = headDevice
      .all<ObjectiveData>('objective')
      .find((o) => !mine.includes(o.data.areaId) && o.data.state === 'active');
    expect(otherArea).toBeDefined();
    const foreign = m('objective.update', {
      objectiveId: otherArea?.id,
      changes: { title: 'x' },
      amendment: amendment(),
    });
    const officerDevice = new TestDevice(officer, undefined, 2);
    const provaDevice = new TestDevice(provaAdmin, undefined, 2);
    expect((await push(headDevice, [foreign]))[0]?.reason?.code).toBe('forbidden');
    expect((await push(officerDevice, [change]))[0]?.reason?.code).toBe('forbidden');
    expect((await push(provaDevice, [change]))[0]?.reason?.code).toBe('not_found');
  });

  it('sets an amendment act later, and serves a v1 device only what it understands', async () => {
    const v2 = new TestDevice(head, undefined, 2);
    await v2.pullAll();
    const first = v2.all<{ kind: string }>('amendment')[0];
    const act = { body: 'giunta', number: '230', date: '2023-12-15' };
    expect(
      (await push(adminDevice, [m('amendment.setAct', { amendmentId: first?.id, act })]))[0]?.status,
    ).toBe('applied');
    const v1 = new TestDevice(head); // the previous release
    await v1.pullAll();
    expect(v1.all('amendment')).toHaveLength(0);
    expect(v1.all('plan').length).toBeGreaterThan(0);
    // Closed means locked: the v2 device hears `locked`, the v1 device `illegal_transition`.
    await server.database.db.update(planTable).set({ status: 'closed' }).where(eq(planTable.id, planId));
    try {
      const phase = v2.all<PhaseData>('phase').find((p) => p.data.areaId === personaArea && !p.data.removed);
      const [locked] = await push(v2, [setStatus(phase?.id ?? '', 'not_started', 'in_progress')]);
      const [oldCode] = await push(v1, [setStatus(phase?.id ?? '', 'not_started', 'in_progress')]);
      expect(locked?.reason?.code).toBe('locked');
      expect(oldCode?.reason?.code).toBe('illegal_transition');
    } finally {
      await server.database.db.update(planTable).set({ status: 'approved' }).where(eq(planTable.id, planId));
    }
  });

  it('leaves an audit entry for every applied mutation, none for a rejected one', async () => {
    const device = new TestDevice(admin, undefined, 2);
    const results = await push(device, [
      m('area.update', { areaId: personaArea, changes: { head: 'Dott.ssa Rossi' }, amendment: amendment() }),
      m('area.update', { areaId: personaArea, changes: { name: '' }, amendment: amendment() }),
    ]);
    expect(results.map((r) => [r.status, r.reason?.message])).toEqual([
      ['applied', undefined],
      ['rejected', expect.any(String)],
    ]);
    const entries = await server.database.db
      .select()
      .from(auditEntry)
      .where(eq(auditEntry.clientId, device.clientId));
    expect(entries.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['area.update', 'area', personaArea],
    ]);
  });

  it('holds the permission matrix for amendments: role × own area / other area / other ente', async () => {
    // headsMayAmend is on since the test above.
    const users = {
      admin,
      head,
      officer,
      evaluator: await loginAs(server, 'nucleo'),
      viewer: await loginAs(server, 'lettore'),
      other: provaAdmin,
    };
    const reader = new TestDevice(admin, undefined, 2);
    await reader.pullAll();
    const mine = reader.row<{ areaIds: string[] }>('user', head.user.id)?.data.areaIds ?? [];
    const open = reader.all<ObjectiveData>('objective').filter((o) => o.data.state === 'active');
    const own = open.find((o) => o.data.areaId === personaArea);
    const foreign = open.find((o) => !mine.includes(o.data.areaId));
    if (!own || !foreign) throw new Error('no objectives to amend');
    const cases: [keyof typeof users, string, string][] = [
      ['admin', own.id, 'applied'],
      ['admin', foreign.id, 'applied'],
      ['head', own.id, 'applied'],
      ['head', foreign.id, 'forbidden'],
      ['officer', own.id, 'forbidden'],
      ['evaluator', own.id, 'forbidden'],
      ['viewer', own.id, 'forbidden'],
      ['other', own.id, 'not_found'],
    ];
    for (const [who, objectiveId, expected] of cases) {
      const device = new TestDevice(users[who], undefined, 2);
      const title = `Da ${who} ${randomUUID().slice(0, 4)}`;
      const [result] = await push(device, [
        m('objective.update', { objectiveId, changes: { title }, amendment: amendment() }),
      ]);
      expect([who, objectiveId === own.id ? 'own' : 'other', result?.reason?.code ?? result?.status]).toEqual(
        [who, objectiveId === own.id ? 'own' : 'other', expected],
      );
      await reader.pullAll();
      const stored = reader.row<ObjectiveData>('objective', objectiveId)?.data.title;
      if (expected === 'applied') expect(stored).toBe(title);
      else expect(stored).not.toBe(title);
    }
    // Areas and the plan's life are the admin's alone, heads included.
    const headDevice = new TestDevice(head, undefined, 2);
    const [rename] = await push(headDevice, [
      m('area.update', { areaId: personaArea, changes: { name: 'Rinominata' }, amendment: amendment() }),
    ]);
    expect(rename?.reason?.code).toBe('forbidden');
  });
});
