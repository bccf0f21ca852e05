/**
 * The dashboard shows what the Nucleo would compute: every figure on the dashboard and on each area's
 * page (weighted progress under each weight set, progress expected by the day, phase counts, the
 * objectives set aside) equals the domain calculations run here on the rows the server gives the
 * same user. Before signing in, an administrator moves a few phases (in progress, blocked, cancelled,
 * done) so the figures are not all the demo's defaults; the comparison is made today and on a day of
 * 2022 (the browser's clock fixed), when some deadlines have passed and others have not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { phaseCounts, type PhaseCounts } from '../../src/domain/deadlines.ts';
import {
  expectedAreaProgress,
  expectedObjectiveProgress,
  expectedPlanProgress,
} from '../../src/domain/expected-progress.ts';
import { WEIGHT_SETS, type WeightSet } from '../../src/domain/plan.ts';
import { areaProgress, objectiveProgress, planProgress } from '../../src/domain/progress.ts';
import { objectiveIsCounted } from '../../src/domain/weights.ts';
import {
  apiLogin,
  isoDateIn,
  pullAll,
  pushAs,
  type ApiMutation,
  type Row,
  type ServerSnapshot,
} from '../helpers/e2e-api.ts';
import { chromiumAvailable, PHONE, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import type { AreaPage } from './pages/dashboard-page.ts';
import { planAsOf } from '../../src/client/ui/plan-choice/choose-plan.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import type { ShownFigures } from './pages/figures.ts';
import { LoginPage } from './pages/login-page.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const VIEWER = 'nucleo';
const TIME_ZONE = PHONE.timezoneId ?? 'Europe/Rome';
/** A day inside the plan's first year: some deadlines passed, others still ahead. */
const PAST_DAY = '2022-09-15';

interface Expected {
  progress: number | null;
  expected: number | null;
  counts: PhaseCounts;
}

/** The plan as the domain functions take it, from the server's rows (the newest plan, areas by position). */
function planInputs(server: ServerSnapshot) {
  const plan = server.all('plan').sort((a, b) => Math.max(...b.years) - Math.max(...a.years))[0];
  if (!plan) throw new Error('the server gave no plan');
  const areas = server
    .all('area')
    .filter((a) => a.planId === plan.id)
    .sort((a, b) => a.position - b.position);
  const objectives = server.all('objective');
  const phases = server.all('phase');
  return {
    planEnd: `${Math.max(...plan.years)}-12-31`,
    areas: areas.map((area) => ({
      area,
      objectives: objectives.filter((o) => o.areaId === area.id),
      phases: phases.filter((p) => p.areaId === area.id),
    })),
  };
}

/** Phases of evaluated objectives only: removed and replaced objectives are shown apart, not counted. */
function countedPhases(
  objectives: readonly Row<'objective'>[],
  phases: readonly Row<'phase'>[],
): Row<'phase'>[] {
  const counted = new Set(objectives.filter(objectiveIsCounted).map((o) => o.id));
  return phases.filter((p) => counted.has(p.objectiveId));
}

/** Differences between what a block shows and what the domain computes, as readable lines. */
function compare(where: string, shown: ShownFigures, want: Expected): string[] {
  const out: string[] = [];
  const near = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) <= 0.5;
  if (!near(shown.actual, want.progress))
    out.push(`${where}: progress shown ${shown.actual}, computed ${want.progress}`);
  if (want.progress !== null && !near(shown.expected, want.expected)) {
    out.push(`${where}: expected shown ${shown.expected}, computed ${want.expected}`);
  }
  if (want.progress !== null && want.expected !== null) {
    const gap = want.progress - want.expected;
    if (shown.gap === null || Math.abs(shown.gap - gap) > 0.5)
      out.push(`${where}: gap shown ${shown.gap}, computed ${gap}`);
  }
  for (const key of ['done', 'inProgress', 'late', 'notStarted'] as const) {
    if (shown.counts[key] !== want.counts[key])
      out.push(`${where}: ${key} shown ${shown.counts[key]}, computed ${want.counts[key]}`);
  }
  if ((shown.counts.blocked ?? 0) !== want.counts.blocked) {
    out.push(`${where}: blocked shown ${shown.counts.blocked ?? 'none'}, computed ${want.counts.blocked}`);
  }
  if (out.length > 0) out.push(`  (${where} reads: "${shown.text.slice(0, 300)}")`);
  return out;
}

/** Some phases moved by the administrator so every bucket and several percents occur. */
function variedMutations(server: ServerSnapshot): ApiMutation[] {
  const { areas } = planInputs(server);
  const mutations: ApiMutation[] = [];
  for (const { objectives, phases } of areas) {
    const open = countedPhases(objectives, phases)
      .filter((p) => p.status !== 'done' && p.status !== 'cancelled')
      .sort((a, b) => a.id.localeCompare(b.id));
    const [a, b, c, d, e] = open;
    if (a) {
      mutations.push({ name: 'phase.setStatus', args: { phaseId: a.id, from: a.status, to: 'in_progress' } });
      mutations.push({ name: 'phase.setProgress', args: { phaseId: a.id, percent: 35 } });
    }
    if (b)
      mutations.push({ name: 'phase.setStatus', args: { phaseId: b.id, from: b.status, to: 'blocked' } });
    if (c)
      mutations.push({ name: 'phase.setStatus', args: { phaseId: c.id, from: c.status, to: 'cancelled' } });
    if (d) mutations.push({ name: 'phase.setStatus', args: { phaseId: d.id, from: d.status, to: 'done' } });
    if (e) mutations.push({ name: 'phase.setProgress', args: { phaseId: e.id, percent: 80 } });
  }
  return mutations;
}

describe.skipIf(!chromiumAvailable)('dashboard figures equal the domain calculations', () => {
  const app = useE2eApp();
  let server: ServerSnapshot;

  beforeAll(async () => {
    const admin = await apiLogin(app.server.origin, 'admin');
    const mutations = variedMutations(await pullAll(admin));
    const pushed = await pushAs(admin, mutations);
    expect(pushed.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
    server = await pullAll(await apiLogin(app.server.origin, VIEWER));
  });

  async function signedInDashboard(
    fixedTime?: string,
  ): Promise<{ dashboard: DashboardPage; errors: string[] }> {
    const context = await app.newPhone();
    // Only Date is fixed: timers run as usual, so the sync engine and the UI behave normally.
    if (fixedTime) await context.clock.setFixedTime(new Date(fixedTime));
    const page = await context.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(VIEWER);
    await login.waitForSynced();
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    return { dashboard, errors };
  }

  /** Checks the dashboard and every area's page under every weight set; returns the differences. */
  async function checkAll(dashboard: DashboardPage, today: string): Promise<string[]> {
    const { areas, planEnd } = planInputs(server);
    const problems: string[] = [];
    expect(await dashboard.areaNames()).toEqual(areas.map((a) => a.area.name));
    for (const weightSet of WEIGHT_SETS) {
      await dashboard.chooseWeightSet(weightSet);
      problems.push(
        ...compare(`${today} ${weightSet} plan`, await dashboard.planFigures(), {
          progress: planProgress(areas, weightSet),
          expected: expectedPlanProgress(areas, weightSet, today, planEnd),
          counts: phaseCounts(
            areas.flatMap((a) => countedPhases(a.objectives, a.phases)),
            today,
          ),
        }),
      );
      for (const input of areas) {
        problems.push(
          ...compare(
            `${today} ${weightSet} area "${input.area.name}"`,
            await dashboard.areaFigures(input.area.name),
            {
              progress: areaProgress(input, weightSet),
              expected: expectedAreaProgress(input, weightSet, today, planEnd),
              counts: phaseCounts(countedPhases(input.objectives, input.phases), today),
            },
          ),
        );
      }
    }
    // Drill down: each area's page, under two weight sets (objective figures do not depend on it).
    for (const input of areas) {
      const areaPage: AreaPage = await dashboard.openArea(input.area.name);
      for (const weightSet of ['nucleo', 'equal'] satisfies WeightSet[]) {
        await areaPage.chooseWeightSet(weightSet);
        problems.push(
          ...compare(`${today} ${weightSet} area page "${input.area.name}"`, await areaPage.figures(), {
            progress: areaProgress(input, weightSet),
            expected: expectedAreaProgress(input, weightSet, today, planEnd),
            counts: phaseCounts(countedPhases(input.objectives, input.phases), today),
          }),
        );
      }
      const counted = input.objectives.filter(objectiveIsCounted);
      expect(await areaPage.objectiveTitles()).toHaveLength(counted.length);
      for (const objective of counted) {
        const own = input.phases.filter((p) => p.objectiveId === objective.id);
        problems.push(
          ...compare(
            `${today} objective ${objective.number} "${objective.title}"`,
            await areaPage.objectiveFigures(objective.title),
            {
              progress: objectiveProgress(objective, own),
              expected: expectedObjectiveProgress(objective, own, today, planEnd),
              counts: phaseCounts(own, today),
            },
          ),
        );
      }
      const setAside = input.objectives
        .filter((o) => !objectiveIsCounted(o))
        .map((o) => o.title || `Obiettivo ${o.number}`);
      expect((await areaPage.setAsideTitles()).sort()).toEqual(setAside.sort());
      await dashboard.open();
    }
    return problems;
  }

  it('today: plan, areas and objectives under every weight set', async () => {
    const { dashboard, errors } = await signedInDashboard();
    // A plan whose year is over is shown as of 31/12 of its year (client/ui/plan-choice).
    const today = planAsOf(server.all('plan')[0], isoDateIn(TIME_ZONE));
    // The prepared data must make the weight sets matter, or this test would prove little.
    const { areas } = planInputs(server);
    expect(new Set(WEIGHT_SETS.map((w) => planProgress(areas, w))).size).toBeGreaterThan(1);
    expect(await checkAll(dashboard, today)).toEqual([]);
    // The chosen weight set is remembered on the device.
    await dashboard.chooseWeightSet('giunta');
    await dashboard.page.reload();
    await dashboard.waitForLoaded();
    expect(await dashboard.checkedWeightSet()).toBe('giunta');
    expect(errors).toEqual([]);
  }, 120_000);

  it(`on ${PAST_DAY}: expected progress and lateness follow the deadlines`, async () => {
    const { dashboard, errors } = await signedInDashboard(`${PAST_DAY}T10:00:00+02:00`);
    const { areas, planEnd } = planInputs(server);
    // Some phases are due by then and some not: the expected figure is neither 0 nor 100.
    const expected = expectedPlanProgress(areas, 'nucleo', PAST_DAY, planEnd);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(100);
    expect(await checkAll(dashboard, PAST_DAY)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
