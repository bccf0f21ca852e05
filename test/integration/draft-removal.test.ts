// Removals on a DRAFT plan (protocol Part 2): objective.remove and phase.remove delete the rows —
// tombstones — and an admin's other device that pulled the draft gets them on its next pull (the
// objective and its phases gone), at a newer ente version; a device that may not see drafts (another
// role, any protocol) never saw the draft's rows at all. On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportResponse } from '../../src/shared/plan-import.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { TestDevice } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');

interface ObjectiveData {
  areaId: string;
  state: string;
}
interface PhaseData {
  objectiveId: string;
}

describe.each(DB_KINDS)('removals on a draft plan on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let officer: Session;
  let planId: string;
  let areaIds: Set<string>;

  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    officer = await loginAs(server, 'istruttore.persona');
    planId = randomUUID();
    const stored = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      title: 'Piano 2023 in bozza',
      planId,
    });
    if (stored.status !== 201) throw new Error(`import: ${stored.status}`);
    areaIds = new Set(stored.body.plan.areas.map((a) => a.id ?? ''));
  });
  afterAll(() => server.close());

  it('sends the tombstones to the admin’s second device; a device that may not see drafts never saw them', async () => {
    const editor = new TestDevice(admin, undefined, 2);
    const second = new TestDevice(admin, undefined, 2);
    const officerV2 = new TestDevice(officer, undefined, 2);
    const officerV1 = new TestDevice(officer); // the previous release
    await Promise.all([editor.pullAll(), second.pullAll(), officerV2.pullAll(), officerV1.pullAll()]);
    expect(second.row<{ status: string }>('plan', planId)?.data.status).toBe('draft');

    // An objective with at least two phases (removed whole), and one phase of another objective.
    const phases = second.all<PhaseData>('phase').filter((p) => !p.deleted);
    const phasesOf = (objectiveId: string) => phases.filter((p) => p.data.objectiveId === objectiveId);
    const draftObjectives = second
      .all<ObjectiveData>('objective')
      .filter((o) => !o.deleted && areaIds.has(o.data.areaId) && o.data.state === 'active');
    const removed = draftObjectives.find((o) => phasesOf(o.id).length >= 2);
    const other = draftObjectives.find((o) => o.id !== removed?.id && phasesOf(o.id).length >= 2);
    expect(removed).toBeDefined();
    expect(other).toBeDefined();
    const removedPhaseIds = phasesOf(removed!.id).map((p) => p.id);
    const [lonePhase, keptPhase] = phasesOf(other!.id);
    const cursorBefore = second.cursor;

    const { results } = await editor.push([
      { name: 'objective.remove', args: { objectiveId: removed!.id } },
      { name: 'phase.remove', args: { phaseId: lonePhase!.id } },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const pages = await second.pullAll();
    expect(second.cursor).toBeGreaterThan(cursorBefore);
    const pulled = pages.flatMap((p) => p.rows);
    // The tombstones arrive: the objective and every one of its phases, and the lone phase.
    const tombstone = (type: string, id: string) =>
      pulled.find((r) => r.type === type && r.id === id && r.deleted);
    expect(tombstone('objective', removed!.id)).toBeDefined();
    for (const id of removedPhaseIds) expect(tombstone('phase', id), id).toBeDefined();
    expect(tombstone('phase', lonePhase!.id)).toBeDefined();
    // Nothing else is taken away: the other objective and its other phase stay.
    expect(second.row('objective', other!.id)?.deleted).toBe(false);
    expect(second.row('phase', keptPhase!.id)?.deleted).toBe(false);
    // What the second device now holds of the removed objective: nothing alive.
    const alive = second
      .all<PhaseData>('phase')
      .filter((p) => !p.deleted && p.data.objectiveId === removed!.id);
    expect(alive).toHaveLength(0);
    // Each removal took one version of the ente, in order; the pull's cursor is the current one.
    const versions = pulled.filter((r) => r.deleted).map((r) => r.version);
    expect(new Set(versions).size).toBe(2);
    expect(Math.min(...versions)).toBeGreaterThan(cursorBefore);
    expect(second.cursor).toBe(Math.max(...versions));

    // The officer's devices, v2 and v1, never saw the draft: not before, not the tombstones after.
    for (const device of [officerV2, officerV1]) {
      await device.pullAll();
      const ofDraft = [...device.rows.values()].filter(
        (r) =>
          r.id === planId ||
          areaIds.has(r.id) ||
          r.id === removed!.id ||
          r.id === other!.id ||
          removedPhaseIds.includes(r.id) ||
          r.id === lonePhase!.id,
      );
      expect(ofDraft).toEqual([]);
    }
  });
});
