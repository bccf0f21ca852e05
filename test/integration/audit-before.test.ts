// The audit entry of each applied plan mutation holds a real `before` (protocol Part 2 "Audit of
// mutations"): what the mutation changed, as it was before it — as GET /api/admin/audit answers it.
// An `*.add` has before null (nothing was there). On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../src/shared/admin-audit.ts';
import type { PlanImportResponse } from '../../src/shared/plan-import.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { TestDevice, type DraftMutation } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
const m = (name: string, args: Record<string, unknown>): DraftMutation => ({ name, args });
const act = { body: 'giunta' as const, number: '201', date: '2023-11-20' };
const amendment = (motivation: string) => ({ motivation, act });

interface ObjectiveData {
  areaId: string;
  title: string;
  state: string;
  motivation: string | null;
}
interface PhaseData {
  objectiveId: string;
  description: string;
  status: string;
  removed?: boolean;
}

describe.each(DB_KINDS)('audit before of plan mutations on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let device: TestDevice;
  let planId: string;
  let areaId: string;
  let areaName: string;
  /** Objectives the draft test changed: the approved-plan test picks others (one entry per action). */
  const touched = new Set<string>();

  /** The one entry of this action on this entity, as the admin's audit answers it. */
  async function entry(action: string, entity: string, entityId: string): Promise<AuditEntry> {
    const res = await admin.get<AuditPage>(
      `/api/admin/audit?entity=${entity}&entityId=${encodeURIComponent(entityId)}&limit=1000`,
    );
    expect(res.status).toBe(200);
    const found = res.body.entries.filter((e) => e.action === action);
    expect(found, `${action} ${entityId}`).toHaveLength(1);
    return found[0]!;
  }

  async function applied(drafts: DraftMutation[]): Promise<void> {
    const { results } = await device.push(drafts);
    expect(results.map((r) => [r.status, r.reason?.message])).toEqual(
      drafts.map(() => ['applied', undefined]),
    );
    await device.pullAll();
  }

  /** Active objectives of the plan's first area, each with a phase not removed. */
  function activeObjectives(): { id: string; data: ObjectiveData; phaseId: string; phase: PhaseData }[] {
    const phases = device.all<PhaseData>('phase');
    return device
      .all<ObjectiveData>('objective')
      .filter((o) => !o.deleted && o.data.areaId === areaId && o.data.state === 'active')
      .flatMap((o) => {
        const p = phases.find((x) => !x.deleted && x.data.objectiveId === o.id && !x.data.removed);
        return p ? [{ id: o.id, data: o.data, phaseId: p.id, phase: p.data }] : [];
      });
  }

  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    device = new TestDevice(admin, undefined, 2);
    planId = randomUUID();
    const stored = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      title: 'Piano 2023',
      planId,
    });
    if (stored.status !== 201) throw new Error(`import: ${stored.status}`);
    areaId = stored.body.plan.areas[0]?.id ?? '';
    areaName = stored.body.plan.areas[0]?.name ?? '';
    await device.pullAll();
  });
  afterAll(() => server.close());

  it('on a draft: update holds the old values, a removal the row as it was, an add null', async () => {
    const picked = activeObjectives();
    expect(picked.length).toBeGreaterThanOrEqual(6);
    const [a, b, c] = picked;
    for (const o of [a, b, c]) touched.add(o!.id);
    const newPhase = randomUUID();
    await applied([
      m('objective.update', { objectiveId: a!.id, changes: { title: 'Titolo in bozza' } }),
      m('phase.update', { phaseId: a!.phaseId, changes: { description: 'Fase in bozza' } }),
      m('phase.add', { phaseId: newPhase, objectiveId: a!.id, number: 99, description: 'Fase nuova' }),
      m('phase.remove', { phaseId: b!.phaseId }),
      m('objective.remove', { objectiveId: c!.id }),
    ]);
    const update = await entry('objective.update', 'objective', a!.id);
    expect(update.before).toEqual({ title: a!.data.title });
    expect(update.after).toMatchObject({ changes: { title: 'Titolo in bozza' } });
    expect((await entry('phase.update', 'phase', a!.phaseId)).before).toEqual({
      description: a!.phase.description,
    });
    expect((await entry('phase.add', 'phase', newPhase)).before).toBeNull();
    expect((await entry('phase.remove', 'phase', b!.phaseId)).before).toEqual({
      status: b!.phase.status,
      deleted: false,
    });
    expect((await entry('objective.remove', 'objective', c!.id)).before).toEqual({
      state: 'active',
      deleted: false,
    });
  });

  it('approve holds the draft status and the acts before; settings the old settings', async () => {
    const planBefore = device.row<{ status: string; acts: unknown[] }>('plan', planId)?.data;
    expect(planBefore?.status).toBe('draft');
    const approval = { body: 'giunta', number: '12', date: '2023-01-31' };
    await applied([
      m('plan.approve', { planId, act: approval }),
      m('ente.setSettings', { headsMayAmend: true }),
      m('ente.setSettings', { headsMayAmend: false }),
    ]);
    const approve = await entry('plan.approve', 'plan', planId);
    expect(approve.before).toEqual({ status: 'draft', acts: planBefore?.acts });
    expect(approve.after).toMatchObject({ planId, act: approval });
    const res = await admin.get<AuditPage>('/api/admin/audit?entity=ente&limit=1000');
    const settings = res.body.entries.filter((e) => e.action === 'ente.setSettings');
    // One push, one instant: told apart by what each set.
    const set = (to: boolean) =>
      settings.find((e) => (e.after as { headsMayAmend?: boolean } | null)?.headsMayAmend === to)?.before;
    expect(settings).toHaveLength(2);
    expect(set(true)).toEqual({ settings: { headsMayAmend: false } });
    expect(set(false)).toEqual({ settings: { headsMayAmend: true } });
  });

  it('on an approved plan: amendments, removals, replacement, area, act and close/reopen', async () => {
    const picked = activeObjectives().filter((o) => !touched.has(o.id));
    expect(picked.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = picked;
    const replacement = randomUUID();
    await applied([
      m('objective.update', {
        objectiveId: a!.id,
        changes: { title: 'Titolo emendato' },
        amendment: amendment('Riprogrammazione'),
      }),
      m('phase.remove', { phaseId: a!.phaseId, amendment: amendment('Fase stralciata') }),
      m('objective.remove', { objectiveId: b!.id, amendment: amendment('Stralcio') }),
      m('objective.replace', {
        objectiveId: c!.id,
        replacement: { objectiveId: replacement, number: '9bis', title: 'Nuovo progetto' },
        amendment: amendment('Sostituito'),
      }),
      m('area.update', { areaId, changes: { name: 'Area rinominata' }, amendment: amendment('Nome') }),
    ]);
    expect((await entry('objective.update', 'objective', a!.id)).before).toEqual({
      title: a!.data.title,
      state: 'active',
    });
    expect((await entry('phase.remove', 'phase', a!.phaseId)).before).toEqual({
      status: a!.phase.status,
      removed: false,
    });
    expect((await entry('objective.remove', 'objective', b!.id)).before).toEqual({
      state: 'active',
      motivation: b!.data.motivation,
    });
    expect((await entry('objective.replace', 'objective', c!.id)).before).toEqual({
      state: 'active',
      motivation: c!.data.motivation,
    });
    expect((await entry('area.update', 'area', areaId)).before).toEqual({ name: areaName });

    const first = device
      .all<{ kind: string; act: unknown }>('amendment')
      .find((x) => x.data.kind === 'remove');
    expect(first?.data.act).toEqual(act);
    const later = { body: 'giunta', number: '230', date: '2023-12-15' };
    await applied([
      m('amendment.setAct', { amendmentId: first!.id, act: later }),
      m('plan.close', { planId }),
      m('plan.reopen', { planId, reason: 'Errore nella valutazione' }),
    ]);
    expect((await entry('amendment.setAct', 'amendment', first!.id)).before).toEqual({ act });
    expect((await entry('plan.close', 'plan', planId)).before).toEqual({ status: 'approved' });
    expect((await entry('plan.reopen', 'plan', planId)).before).toEqual({ status: 'closed' });
  });
});
