import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { phaseCounts } from './deadlines.ts';
import { planAndAreaProgress } from './expected-progress.ts';
import type { Objective, Phase, WeightSet } from './plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_SETS, WEIGHT_UNITS } from './plan.ts';
import { freezePlan, planFigures, snapshotFigures, type FrozenPlan } from './snapshot-figures.ts';
import { objectiveIsCounted } from './weights.ts';

type LiveObjective = Pick<Objective, 'id' | 'areaId' | 'state' | 'weights'>;
type LivePhase = Pick<
  Phase,
  'id' | 'objectiveId' | 'areaId' | 'status' | 'percent' | 'weight' | 'weightUnit' | 'deadline'
> & { removed: boolean };
interface LivePlan {
  areaIds: string[];
  objectives: LiveObjective[];
  phases: LivePhase[];
}

const PLAN_END = '2022-12-31';
const date = fc.integer({ min: -30, max: 400 }).map((d) => addDays('2022-01-01', d));
const weight = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(-1, Number.POSITIVE_INFINITY), weight: 1 },
);
const phaseDraft = fc.record({
  status: fc.constantFrom(...PHASE_STATUSES),
  percent: fc.integer({ min: 0, max: 100 }),
  weight,
  weightUnit: fc.option(fc.constantFrom(...WEIGHT_UNITS), { nil: null }),
  deadline: fc.option(date, { nil: null }),
  removed: fc.boolean(),
});
const objectiveDraft = fc.record({
  state: fc.constantFrom(...OBJECTIVE_STATES),
  weights: fc.record({ head: weight, giunta: weight, nucleo: weight }),
  phases: fc.array(phaseDraft, { maxLength: 5 }),
});

/** A plan of up to 4 areas (one may stay empty), each phase pointing at its objective and area. */
const livePlan: fc.Arbitrary<LivePlan> = fc
  .array(fc.array(objectiveDraft, { maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .map((areas) => {
    const plan: LivePlan = { areaIds: areas.map((_, a) => `a${a}`), objectives: [], phases: [] };
    areas.forEach((objectives, a) =>
      objectives.forEach(({ phases, ...o }, i) => {
        const id = `o${a}.${i}`;
        plan.objectives.push({ ...o, id, areaId: `a${a}` });
        phases.forEach((d, n) =>
          plan.phases.push({ ...d, id: `${id}.${n}`, objectiveId: id, areaId: `a${a}` }),
        );
      }),
    );
    return plan;
  });

const weightSet = fc.constantFrom<WeightSet>(...WEIGHT_SETS);

/** The live dashboard's way (client/ui/pages/dashboard/dashboard-model.ts dashboardFigures). */
function dashboardWay(plan: LivePlan, ws: WeightSet, today: string) {
  const counted = new Set(plan.objectives.filter(objectiveIsCounted).map((o) => o.id));
  const inputs = plan.areaIds.map((areaId) => ({
    objectives: plan.objectives.filter((o) => o.areaId === areaId),
    phases: plan.phases.filter((p) => p.areaId === areaId),
  }));
  const progress = planAndAreaProgress(inputs, ws, today, PLAN_END);
  return {
    plan: {
      ...progress.plan,
      counts: phaseCounts(
        plan.phases.filter((p) => counted.has(p.objectiveId)),
        today,
      ),
    },
    areas: inputs.map((input, i) => ({
      ...progress.areas[i],
      counts: phaseCounts(
        input.phases.filter((p) => counted.has(p.objectiveId)),
        today,
      ),
    })),
  };
}

/** Changes anything a later amendment or progress could: statuses, weights, states, deadlines, rows. */
const laterChanges = fc.record({
  status: fc.constantFrom(...PHASE_STATUSES),
  percent: fc.integer({ min: 0, max: 100 }),
  giunta: weight,
  state: fc.constantFrom(...OBJECTIVE_STATES),
  deadline: date,
});

describe('snapshot figures properties', () => {
  it('a snapshot of a plan gives the figures the live plan had at that moment', () => {
    fc.assert(
      fc.property(livePlan, weightSet, date, (plan, ws, asOf) => {
        const snapshot = { asOf, ...freezePlan(plan.objectives, plan.phases) };
        const frozen = snapshotFigures(snapshot, plan.areaIds, ws, PLAN_END);
        expect(frozen).toEqual(planFigures(plan, ws, asOf, PLAN_END));
        const live = dashboardWay(plan, ws, asOf);
        expect(frozen.plan).toMatchObject(live.plan);
        frozen.areas.forEach((area, i) => expect(area).toMatchObject(live.areas[i] ?? {}));
      }),
    );
  });

  it('stored as JSON and read back (as the server stores and the device pulls it), it gives the same figures', () => {
    fc.assert(
      fc.property(livePlan, weightSet, date, (plan, ws, asOf) => {
        const snapshot = { asOf, ...freezePlan(plan.objectives, plan.phases) };
        const read = JSON.parse(JSON.stringify(snapshot)) as FrozenPlan & { asOf: string };
        expect(snapshotFigures(read, plan.areaIds, ws, PLAN_END)).toEqual(
          snapshotFigures(snapshot, plan.areaIds, ws, PLAN_END),
        );
      }),
    );
  });

  it('its figures never change when the live plan changes afterwards', () => {
    fc.assert(
      fc.property(
        livePlan,
        weightSet,
        date,
        fc.array(laterChanges, { maxLength: 8 }),
        (plan, ws, asOf, changes) => {
          const snapshot = { asOf, ...freezePlan(plan.objectives, plan.phases) };
          const before = snapshotFigures(snapshot, plan.areaIds, ws, PLAN_END);
          changes.forEach((c, i) => {
            const phase = plan.phases[i % Math.max(1, plan.phases.length)];
            if (phase) Object.assign(phase, { status: c.status, percent: c.percent, deadline: c.deadline });
            const objective = plan.objectives[i % Math.max(1, plan.objectives.length)];
            if (objective) {
              objective.state = c.state;
              objective.weights.giunta = c.giunta;
              plan.phases.push({
                ...(phase ?? plan.phases[0]),
                id: `new${i}`,
                objectiveId: objective.id,
              } as LivePhase);
            }
          });
          expect(snapshotFigures(snapshot, plan.areaIds, ws, PLAN_END)).toEqual(before);
        },
      ),
    );
  });

  it('freezes the same plan to the same snapshot whatever order its rows were read in', () => {
    fc.assert(
      fc.property(livePlan, fc.func(fc.integer()), (plan, rank) => {
        const shuffle = <T extends { id: string }>(xs: T[]) =>
          [...xs].sort((a, b) => rank(a.id) - rank(b.id));
        expect(freezePlan(shuffle(plan.objectives), shuffle(plan.phases))).toEqual(
          freezePlan(plan.objectives, plan.phases),
        );
      }),
    );
  });
});
