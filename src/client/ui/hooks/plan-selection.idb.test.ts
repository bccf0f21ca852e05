/**
 * Two plans on one device: the pages' data is the selected plan's only, and the choice made on the
 * device is kept in meta (what use-selected-plan.ts reads and choose-plan.ts decides from).
 */
import { describe, expect, it } from 'vitest';
import { applyPullPage } from '../../sync/apply-pull.ts';
import { readPlanChoice, storePlanChoice } from '../../db/plan-choice.ts';
import { saveSession } from '../../db/session.ts';
import type { PullRow } from '../../../shared/pull.ts';
import { makeLogin, makeObjective, makePhase, newBrowser, openTab } from '../../../../test/helpers/device.ts';
import { choosePlan } from '../plan-choice/choose-plan.ts';
import { readPlanProgress } from './use-plan-data.ts';

function row(type: PullRow['type'], id: string, version: number, data: object): PullRow {
  return { type, id, version, deleted: false, data } as PullRow;
}

/** A plan with one area, one objective and one phase, ids suffixed by its year. */
function planRows(year: number, status: 'approved' | 'draft', version: number): PullRow[] {
  const { id: _o, version: _ov, ...objective } = makeObjective({ id: `o-${year}`, areaId: `a-${year}` });
  const {
    id: _p,
    version: _pv,
    ...phase
  } = makePhase({
    id: `ph-${year}`,
    objectiveId: `o-${year}`,
    areaId: `a-${year}`,
  });
  return [
    row('plan', `p-${year}`, version, { enteId: 'e', title: `Piano ${year}`, years: [year], year, status }),
    row('area', `a-${year}`, version + 1, { planId: `p-${year}`, name: 'Area', position: 1 }),
    row('objective', `o-${year}`, version + 2, objective),
    row('phase', `ph-${year}`, version + 3, phase),
  ];
}

describe('the selected plan on a device holding several', () => {
  it('reads only the selected plan’s areas, objectives and phases; the choice survives in meta', async () => {
    const browser = newBrowser();
    const db = openTab(browser);
    await saveSession(db, makeLogin());
    await applyPullPage(db, {
      cursor: 10,
      lastSeq: 0,
      hasMore: false,
      rows: [...planRows(2022, 'approved', 1), ...planRows(2026, 'approved', 5)],
    });
    const plans = await db.plans.toArray();
    const byDefault = choosePlan(plans, await readPlanChoice(db), '2026-03-01', false);
    expect(byDefault?.id).toBe('p-2026');
    const current = await readPlanProgress(db, byDefault?.id ?? null);
    expect(current.areas.map((a) => a.id)).toEqual(['a-2026']);
    expect(current.objectives.map((o) => o.id)).toEqual(['o-2026']);
    expect(current.phases.map((p) => p.id)).toEqual(['ph-2026']);

    await storePlanChoice(db, 'p-2022');
    const again = openTab(browser); // another tab of the same profile reads the same choice
    const chosen = choosePlan(await again.plans.toArray(), await readPlanChoice(again), '2026-03-01', false);
    expect(chosen?.id).toBe('p-2022');
    const old = await readPlanProgress(again, chosen?.id ?? null);
    expect(old.phases.map((p) => p.id)).toEqual(['ph-2022']);
    expect(old.objectives.map((o) => o.id)).toEqual(['o-2022']);
  });
});
