import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import { applyPullPage } from '../../sync/apply-pull.ts';
import { setPhaseStatus } from '../../db/local-change.ts';
import { saveSession } from '../../db/session.ts';
import { phaseFact } from '../../db/facts.ts';
import type { PullRow } from '../../../shared/pull.ts';
import {
  AREA_ID,
  makeLogin,
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
} from '../../../../test/helpers/device.ts';
import { readPlanProgress, type PlanData } from './use-plan-data.ts';

const now = new Date('2026-03-01T10:00:00Z');

function row(type: PullRow['type'], id: string, version: number, data: object): PullRow {
  return { type, id, version, deleted: false, data } as PullRow;
}

describe('readPlanProgress', () => {
  it('reads the plan as facts, and a live query over it follows a local change', async () => {
    const db = openTab(newBrowser());
    await saveSession(db, makeLogin());
    const { id: oid, version: _ov, ...objective } = makeObjective();
    const phases = [makePhase({ number: 2 }), makePhase({ id: 'ph-0', number: 1 })];
    await applyPullPage(db, {
      cursor: 5,
      lastSeq: 0,
      hasMore: false,
      rows: [
        row('plan', 'plan-1', 1, { enteId: 'e', title: 'Piano', years: [2026] }),
        row('area', AREA_ID, 2, { planId: 'plan-1', name: 'Area', position: 1 }),
        row('objective', oid, 3, objective),
        ...phases.map(({ id, version: _v, ...data }, i) => row('phase', id, 4 + i, data)),
      ],
    });
    const seen: PlanData[] = [];
    const sub = liveQuery(() => readPlanProgress(db)).subscribe({ next: (d) => seen.push(d) });
    await expect.poll(() => seen.length).toBe(1);
    const first = seen[0];
    expect(first?.planEnd).toBe('2026-12-31');
    expect(first?.phases.map((p) => p.id)).toEqual(['ph-0', 'ph-1']);
    expect(first?.phases[0]).toEqual(phaseFact(makePhase({ id: 'ph-0', number: 1, version: 5 })));
    expect(first?.phases[0]).not.toHaveProperty('description');
    expect(first?.version).not.toBeNull();

    await setPhaseStatus(db, { phaseId: 'ph-1', to: 'in_progress', user: makeUser(), now });
    await expect.poll(() => seen.at(-1)?.phases.find((p) => p.id === 'ph-1')?.status).toBe('in_progress');
    sub.unsubscribe();
  });
});
