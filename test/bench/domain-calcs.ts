/**
 * Benchmark (not a test): the dashboard's calculations over the generated large plan (2,000 objectives,
 * 10,000 phases, 100,000 notes) — what the dashboard page computes on every render of its data:
 * plan and area progress and expected progress under each weight set, per-objective progress (the
 * area drill-down), the late and due-soon lists and the phase counts.
 *
 *   npx tsx test/bench/domain-calcs.ts [--runs N]
 *
 * Prints median/min/max over the runs; no budget of its own (the dashboard budget is 1 s end to end).
 */
import { dueSoonPhases, latePhases, phaseCounts } from '../../src/domain/deadlines.ts';
import {
  expectedAreaProgress,
  expectedObjectiveProgress,
  expectedPlanProgress,
  planAndAreaProgress,
} from '../../src/domain/expected-progress.ts';
import { WEIGHT_SETS, type Objective, type Phase, type WeightSet } from '../../src/domain/plan.ts';
import { areaProgress, objectiveProgress, planProgress } from '../../src/domain/progress.ts';
import { objectiveIsCounted } from '../../src/domain/weights.ts';
import { generateLargePlan, LARGE_PLAN_SIZES, type LargePlan } from '../fixtures/large-plan.ts';
import { formatSummary, machineLine, ms, timeRuns } from './stats.ts';

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? Math.min(value, 1000) : fallback;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface AreaInputs {
  objectives: Objective[];
  phases: Phase[];
}

/** The dashboard: plan and areas, actual and expected, counts (mirrors the UI's dashboard model). */
function dashboard(plan: LargePlan, inputs: AreaInputs[], weightSet: WeightSet, today: string): number {
  // As the UI's dashboard model: actual and expected for the plan and every area in one pass.
  const figures = planAndAreaProgress(inputs, weightSet, today, plan.planEnd);
  let checksum = (figures.plan.progress ?? 0) + (figures.plan.expected ?? 0);
  for (const [i, input] of inputs.entries()) {
    checksum += (figures.areas[i]?.progress ?? 0) + (figures.areas[i]?.expected ?? 0);
    const counted = new Set(input.objectives.filter(objectiveIsCounted).map((o) => o.id));
    checksum += phaseCounts(
      input.phases.filter((p) => counted.has(p.objectiveId)),
      today,
    ).late;
  }
  return checksum;
}

/** The same figures through the separate public functions (each objective computed several times). */
function dashboardSeparately(
  plan: LargePlan,
  inputs: AreaInputs[],
  weightSet: WeightSet,
  today: string,
): number {
  let checksum = 0;
  checksum += planProgress(inputs, weightSet) ?? 0;
  checksum += expectedPlanProgress(inputs, weightSet, today, plan.planEnd) ?? 0;
  for (const input of inputs) {
    checksum += areaProgress(input, weightSet) ?? 0;
    checksum += expectedAreaProgress(input, weightSet, today, plan.planEnd) ?? 0;
  }
  return checksum;
}

/** Every objective's actual and expected progress (the drill-down of all areas). */
function objectivesDrillDown(plan: LargePlan, today: string): number {
  const phasesOf = groupBy(plan.phases, (p) => p.objectiveId);
  let checksum = 0;
  for (const objective of plan.objectives) {
    const own = phasesOf.get(objective.id) ?? [];
    checksum += objectiveProgress(objective, own) ?? 0;
    checksum += expectedObjectiveProgress(objective, own, today, plan.planEnd) ?? 0;
    checksum += phaseCounts(own, today).done;
  }
  return checksum;
}

async function main(): Promise<void> {
  const runs = argNumber('--runs', 15);
  console.log(`domain-calcs · ${machineLine()}`);
  const genStart = performance.now();
  const plan = generateLargePlan({ seed: 1, ...LARGE_PLAN_SIZES });
  console.log(
    `large plan: ${plan.areas.length} areas, ${plan.objectives.length} objectives, ${plan.phases.length} phases, ${plan.notes.length} notes (generated in ${ms(performance.now() - genStart)})`,
  );
  const today = plan.asOf;
  const objectivesOf = groupBy(plan.objectives, (o) => o.areaId);
  const phasesOf = groupBy(plan.phases, (p) => p.areaId);
  const inputs = plan.areas.map((area) => ({
    objectives: objectivesOf.get(area.id) ?? [],
    phases: phasesOf.get(area.id) ?? [],
  }));
  let sink = 0;

  const rows: [string, () => unknown][] = [
    [
      'group by area (input of every figure)',
      () => {
        sink += groupBy(plan.phases, (p) => p.areaId).size + groupBy(plan.objectives, (o) => o.areaId).size;
      },
    ],
    ...WEIGHT_SETS.map((weightSet): [string, () => unknown] => [
      `dashboard, weight set "${weightSet}" (plan + ${inputs.length} areas, actual + expected + counts)`,
      () => {
        sink += dashboard(plan, inputs, weightSet, today);
      },
    ]),
    [
      'the same plan + area figures (weight set "nucleo") through the separate public functions',
      () => {
        sink += dashboardSeparately(plan, inputs, 'nucleo', today);
      },
    ],
    [
      `drill-down: ${plan.objectives.length} objectives, actual + expected + counts`,
      () => {
        sink += objectivesDrillDown(plan, today);
      },
    ],
    [
      'late list (all phases)',
      () => {
        sink += latePhases(plan.phases, today).length;
      },
    ],
    [
      'due in 14 days list (all phases)',
      () => {
        sink += dueSoonPhases(plan.phases, today, 14).length;
      },
    ],
    [
      'phase counts (all phases)',
      () => {
        sink += phaseCounts(plan.phases, today).late;
      },
    ],
    [
      'whole dashboard, all four weight sets + lists + counts',
      () => {
        for (const weightSet of WEIGHT_SETS) sink += dashboard(plan, inputs, weightSet, today);
        sink += latePhases(plan.phases, today).length + dueSoonPhases(plan.phases, today, 14).length;
      },
    ],
  ];
  for (const [label, fn] of rows) {
    const summary = await timeRuns(runs, 2, fn);
    console.log(`${label.padEnd(84)} ${formatSummary(summary)}`);
  }
  console.log(
    `late: ${latePhases(plan.phases, today).length}, due in 14 days: ${dueSoonPhases(plan.phases, today, 14).length} (today ${today}; checksum ${sink.toFixed(0)})`,
  );
}

await main();
