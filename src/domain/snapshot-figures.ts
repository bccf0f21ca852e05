/**
 * A monitoring snapshot's figures: the plan frozen at a moment (snapshot.take) and what follows from
 * it — progress, progress expected by the snapshot's `asOf`, the phase counts and the late phases,
 * per objective, per area and for the ente — and the comparison "then and now" per area.
 *
 * Guarantees:
 * - The figures come from the very functions the live dashboard uses (planAndAreaProgress,
 *   objectiveProgress, expectedObjectiveProgress, phaseCounts over the phases of counting objectives,
 *   isLate), so a snapshot of a plan gives exactly the figures the live plan had at that moment
 *   (snapshot-figures.property.test.ts), and the screen, the report and the Nucleo read one number.
 * - A frozen plan shares nothing with the rows it was made from (weights are copied), and its figures
 *   depend on it alone: later changes and amendments of the live plan never alter them.
 * - Freezing is deterministic: the same plan freezes to the same arrays whatever order its rows were
 *   read in (objectives and phases sorted by id).
 */
import { isLate, phaseCounts, type PhaseCounts } from './deadlines.ts';
import { expectedObjectiveProgress, planAndAreaProgress } from './expected-progress.ts';
import type {
  IsoDate,
  Objective,
  ObjectiveState,
  ObjectiveWeights,
  Phase,
  PhaseStatus,
  WeightSet,
  WeightUnit,
} from './plan.ts';
import { objectiveProgress } from './progress.ts';
import { objectiveIsCounted } from './weights.ts';

/** A phase as a snapshot froze it (protocol Part 2 `snapshot.phases`). */
export interface FrozenPhase {
  phaseId: string;
  objectiveId: string;
  status: PhaseStatus;
  percent: number;
  weight: number | null;
  weightUnit: WeightUnit | null;
  deadline: IsoDate | null;
  removed: boolean;
}

/** An objective as a snapshot froze it (protocol Part 2 `snapshot.objectives`). */
export interface FrozenObjective {
  objectiveId: string;
  areaId: string;
  state: ObjectiveState;
  weights: ObjectiveWeights;
}

export interface FrozenPlan {
  objectives: readonly FrozenObjective[];
  phases: readonly FrozenPhase[];
}

/** What figures read of an objective: the live rows, the device's facts and a thawed snapshot all fit. */
export type FigureObjective = Pick<Objective, 'id' | 'areaId' | 'state' | 'weights'>;
/** What figures read of a phase (it reaches its area through its objective). */
export type FigurePhase = Pick<Phase, 'id' | 'objectiveId' | 'status' | 'percent' | 'weight' | 'deadline'>;
/** What freezing reads of a phase; `removed` is false when absent (the device's facts leave it out). */
export type FreezablePhase = FigurePhase & Pick<Phase, 'weightUnit'> & { removed?: boolean };

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The plan's objectives and phases as they are now, frozen: phases of objectives not given are left
 * out (they belong to no area of the plan).
 */
export function freezePlan(
  objectives: readonly FigureObjective[],
  phases: readonly FreezablePhase[],
): FrozenPlan {
  const ids = new Set(objectives.map((o) => o.id));
  return {
    objectives: objectives
      .map((o): FrozenObjective => ({
        objectiveId: o.id,
        areaId: o.areaId,
        state: o.state,
        weights: { head: o.weights.head, giunta: o.weights.giunta, nucleo: o.weights.nucleo },
      }))
      .sort((a, b) => byId(a.objectiveId, b.objectiveId)),
    phases: phases
      .filter((p) => ids.has(p.objectiveId))
      .map((p): FrozenPhase => ({
        phaseId: p.id,
        objectiveId: p.objectiveId,
        status: p.status,
        percent: p.percent,
        weight: p.weight,
        weightUnit: p.weightUnit,
        deadline: p.deadline,
        removed: p.removed ?? false,
      }))
      .sort((a, b) => byId(a.phaseId, b.phaseId)),
  };
}

/** A frozen plan in the shape the calculations read (new objects: the snapshot is never touched). */
export function thawPlan(frozen: FrozenPlan): { objectives: FigureObjective[]; phases: FigurePhase[] } {
  return {
    objectives: frozen.objectives.map((o) => ({
      id: o.objectiveId,
      areaId: o.areaId,
      state: o.state,
      weights: { ...o.weights },
    })),
    phases: frozen.phases.map((p) => ({
      id: p.phaseId,
      objectiveId: p.objectiveId,
      status: p.status,
      percent: p.percent,
      weight: p.weight,
      deadline: p.deadline,
    })),
  };
}

export interface LatePhase {
  phaseId: string;
  objectiveId: string;
  deadline: IsoDate;
}

export interface Figures {
  progress: number | null;
  expected: number | null;
  /** Each phase of the counting objectives in one bucket (a late one as late): deadlines.ts. */
  counts: PhaseCounts;
  /** The late phases of the counting objectives, oldest deadline first (then by id). */
  late: LatePhase[];
}

export interface AreaFigures extends Figures {
  areaId: string;
  /** How many of its objectives count (not removed or replaced). */
  objectiveCount: number;
}

export interface ObjectiveFigures {
  objectiveId: string;
  areaId: string;
  /** False for a removed or replaced objective: its progress and expected are null. */
  counted: boolean;
  progress: number | null;
  expected: number | null;
  /** All of the objective's phases, as the area page counts them. */
  counts: PhaseCounts;
}

export interface PlanFigures {
  asOf: IsoDate;
  plan: Figures;
  /** The areas asked for, in that order, then any other area an objective names (by id). */
  areas: AreaFigures[];
  /** In the order of the objectives given. */
  objectives: ObjectiveFigures[];
}

export interface FigureInput {
  /** The plan's areas in its order; an area with no objective gets empty figures. */
  areaIds: readonly string[];
  objectives: readonly FigureObjective[];
  phases: readonly FigurePhase[];
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

function lateOf(phases: readonly FigurePhase[], asOf: IsoDate): LatePhase[] {
  const late: LatePhase[] = [];
  for (const p of phases) {
    if (p.deadline !== null && isLate(p, asOf))
      late.push({ phaseId: p.id, objectiveId: p.objectiveId, deadline: p.deadline });
  }
  return late.sort((a, b) => byId(a.deadline, b.deadline) || byId(a.phaseId, b.phaseId));
}

/**
 * The figures of a plan as of a day, by the dashboard's rules: `planEnd` is when a phase without a
 * deadline is due (the last day of the plan's last year). Phases of objectives not given are ignored.
 */
export function planFigures(
  input: FigureInput,
  weightSet: WeightSet,
  asOf: IsoDate,
  planEnd: IsoDate,
): PlanFigures {
  const areaIds = [...input.areaIds];
  const known = new Set(areaIds);
  const extra = new Set<string>();
  for (const o of input.objectives) if (!known.has(o.areaId)) extra.add(o.areaId);
  areaIds.push(...[...extra].sort(byId));

  const objectivesOf = groupBy(input.objectives, (o) => o.areaId);
  const phasesOfObjective = groupBy(input.phases, (p) => p.objectiveId);
  const phasesOfArea = (objectives: readonly FigureObjective[]) =>
    objectives.flatMap((o) => phasesOfObjective.get(o.id) ?? []);
  const inputs = areaIds.map((areaId) => {
    const objectives = objectivesOf.get(areaId) ?? [];
    return {
      areaId,
      objectives,
      phases: phasesOfArea(objectives),
      counted: objectives.filter(objectiveIsCounted),
    };
  });
  const progress = planAndAreaProgress(inputs, weightSet, asOf, planEnd);
  const countedPhases = inputs.flatMap((a) => phasesOfArea(a.counted));

  return {
    asOf,
    plan: {
      ...progress.plan,
      counts: phaseCounts(countedPhases, asOf),
      late: lateOf(countedPhases, asOf),
    },
    areas: inputs.map((a, i) => {
      const counted = phasesOfArea(a.counted);
      return {
        areaId: a.areaId,
        objectiveCount: a.counted.length,
        progress: progress.areas[i]?.progress ?? null,
        expected: progress.areas[i]?.expected ?? null,
        counts: phaseCounts(counted, asOf),
        late: lateOf(counted, asOf),
      };
    }),
    objectives: input.objectives.map((o) => {
      const own = phasesOfObjective.get(o.id) ?? [];
      return {
        objectiveId: o.id,
        areaId: o.areaId,
        counted: objectiveIsCounted(o),
        progress: objectiveProgress(o, own),
        expected: expectedObjectiveProgress(o, own, asOf, planEnd),
        counts: phaseCounts(own, asOf),
      };
    }),
  };
}

/** A snapshot's figures, as of its own `asOf`: they depend on the snapshot alone. */
export function snapshotFigures(
  snapshot: FrozenPlan & { asOf: IsoDate },
  areaIds: readonly string[],
  weightSet: WeightSet,
  planEnd: IsoDate,
): PlanFigures {
  return planFigures({ areaIds, ...thawPlan(snapshot) }, weightSet, snapshot.asOf, planEnd);
}

export interface Change {
  then: Figures | null;
  now: Figures | null;
  /** now − then, in percentage points; null when either side has no figure. */
  progressDelta: number | null;
  expectedDelta: number | null;
}

export interface FiguresComparison {
  then: IsoDate;
  now: IsoDate;
  plan: Change;
  /** The areas of `now` in its order, then those only the snapshot had. */
  areas: (Change & { areaId: string })[];
}

function delta(then: number | null | undefined, now: number | null | undefined): number | null {
  return then === null || then === undefined || now === null || now === undefined ? null : now - then;
}

function change(then: Figures | null, now: Figures | null): Change {
  return {
    then,
    now,
    progressDelta: delta(then?.progress, now?.progress),
    expectedDelta: delta(then?.expected, now?.expected),
  };
}

/**
 * Then (a snapshot's figures) and now (the live plan's, computed with the same weight set) side by
 * side per area, for the dashboard's "compare with a snapshot". An area only one side has is null on
 * the other.
 */
export function compareFigures(then: PlanFigures, now: PlanFigures): FiguresComparison {
  const thenOf = new Map(then.areas.map((a) => [a.areaId, a]));
  const nowIds = new Set(now.areas.map((a) => a.areaId));
  return {
    then: then.asOf,
    now: now.asOf,
    plan: change(then.plan, now.plan),
    areas: [
      ...now.areas.map((a) => ({ areaId: a.areaId, ...change(thenOf.get(a.areaId) ?? null, a) })),
      ...then.areas
        .filter((a) => !nowIds.has(a.areaId))
        .map((a) => ({ areaId: a.areaId, ...change(a, null) })),
    ],
  };
}
