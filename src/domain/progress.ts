/**
 * Progress of objectives, areas and the plan, as percentages 0–100, from the phases' status and percent.
 * The weighting rules are in weights.ts; the same machinery computes expected progress
 * (expected-progress.ts) by swapping the per-phase value.
 */
import type { Objective, Phase, WeightSet } from './plan.ts';
import {
  meanGivenObjectiveWeight,
  normalisePhaseWeights,
  objectiveIsCounted,
  resolvedObjectiveWeights,
} from './weights.ts';

export type PhaseProgressInput = Pick<Phase, 'id' | 'objectiveId' | 'status' | 'percent' | 'weight'>;
export type ObjectiveProgressInput = Pick<Objective, 'id' | 'state' | 'weights'>;

/** An area's objectives and phases; phases of other objectives are ignored. */
export interface AreaInput<P> {
  objectives: readonly ObjectiveProgressInput[];
  phases: readonly P[];
}

/** A phase's value 0–100, or null when the phase does not count. */
export type PhaseValue<P> = (phase: P) => number | null;

type WeightedPhase = Pick<Phase, 'id' | 'objectiveId' | 'status' | 'weight'>;

function clampPercent(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/**
 * Weighted mean of values 0–100; equal weights when they sum to 0; null when empty. Summing in sorted
 * order makes the result exactly independent of the input order, and equal values return themselves,
 * so an all-done plan is exactly 100 rather than 99.99999999999999.
 */
function weightedMean(entries: readonly { weight: number; value: number }[]): number | null {
  const first = entries[0];
  if (first === undefined) return null;
  if (entries.every((e) => e.value === first.value)) return first.value;
  const sorted = [...entries].sort((a, b) => a.value - b.value || a.weight - b.weight);
  let total = 0;
  let sum = 0;
  for (const e of sorted) {
    total += e.weight;
    sum += e.weight * e.value;
  }
  const mean = total > 0 ? sum / total : sorted.reduce((s, e) => s + e.value, 0) / sorted.length;
  return clampPercent(mean);
}

/** done → 100, not started → 0, in progress or blocked → its percent clamped to 0–100, cancelled → null. */
export function phaseProgress(phase: Pick<Phase, 'status' | 'percent'>): number | null {
  switch (phase.status) {
    case 'done':
      return 100;
    case 'not_started':
      return 0;
    case 'in_progress':
    case 'blocked':
      return clampPercent(phase.percent);
    case 'cancelled':
      return null;
  }
}

/** Objective progress with a custom per-phase value; see objectiveProgress for the rules. */
export function objectiveProgressBy<P extends WeightedPhase>(
  objective: Pick<Objective, 'id' | 'state'>,
  phases: readonly P[],
  phaseValue: PhaseValue<P>,
): number | null {
  if (!objectiveIsCounted(objective)) return null;
  const own = phases.filter((phase) => phase.objectiveId === objective.id);
  const shares = normalisePhaseWeights(own);
  const entries: { weight: number; value: number }[] = [];
  for (const phase of own) {
    const share = shares.get(phase.id);
    const value = phaseValue(phase);
    if (share !== undefined && value !== null) entries.push({ weight: share, value });
  }
  return weightedMean(entries) ?? 0;
}

/**
 * The weighted mean of the objective's counting phases (phases of other objectives are ignored).
 * An objective that counts but has no counting phase is at 0: nothing of it has been done.
 * Removed and replaced objectives → null: they are not evaluated and leave the area's denominator.
 */
export function objectiveProgress(
  objective: Pick<Objective, 'id' | 'state'>,
  phases: readonly PhaseProgressInput[],
): number | null {
  return objectiveProgressBy(objective, phases, phaseProgress);
}

function groupByObjective<P extends WeightedPhase>(phases: readonly P[]): Map<string, P[]> {
  const groups = new Map<string, P[]>();
  for (const phase of phases) {
    const group = groups.get(phase.objectiveId);
    if (group) group.push(phase);
    else groups.set(phase.objectiveId, [phase]);
  }
  return groups;
}

function objectiveEntries<P extends WeightedPhase>(
  area: AreaInput<P>,
  weightSet: WeightSet,
  phaseValue: PhaseValue<P>,
  fallbackWeight: number | null,
): { weight: number; value: number }[] {
  const weights = resolvedObjectiveWeights(area.objectives, weightSet, fallbackWeight);
  const phasesOf = groupByObjective(area.phases);
  const entries: { weight: number; value: number }[] = [];
  for (const objective of area.objectives) {
    const weight = weights.get(objective.id);
    const value = objectiveProgressBy(objective, phasesOf.get(objective.id) ?? [], phaseValue);
    if (weight !== undefined && value !== null) entries.push({ weight, value });
  }
  return entries;
}

/** Area progress with a custom per-phase value; see areaProgress for the rules. */
export function areaProgressBy<P extends WeightedPhase>(
  area: AreaInput<P>,
  weightSet: WeightSet,
  phaseValue: PhaseValue<P>,
): number | null {
  return weightedMean(objectiveEntries(area, weightSet, phaseValue, null));
}

/**
 * The weighted mean of the area's counting objectives under `weightSet` (weights.ts: missing weights
 * take the mean of the area's given ones; none given → equal). Null when no objective counts.
 */
export function areaProgress(area: AreaInput<PhaseProgressInput>, weightSet: WeightSet): number | null {
  return areaProgressBy(area, weightSet, phaseProgress);
}

/** Plan progress with a custom per-phase value; see planProgress for the rules. */
export function planProgressBy<P extends WeightedPhase>(
  areas: readonly AreaInput<P>[],
  weightSet: WeightSet,
  phaseValue: PhaseValue<P>,
): number | null {
  const planMean = meanGivenObjectiveWeight(
    areas.flatMap((area) => area.objectives),
    weightSet,
  );
  return weightedMean(areas.flatMap((area) => objectiveEntries(area, weightSet, phaseValue, planMean)));
}

/**
 * The ente's score: the weighted mean of every counting objective of the plan, so each area weighs the
 * sum of its objectives' weights (what a Nucleo di Valutazione computes, not an equal vote per area).
 * Missing weights take the mean of their own area's given weights, or — when the area gives none — the
 * mean over the whole plan, so an area without weights weighs like a typical one. Null when nothing counts.
 */
export function planProgress(
  areas: readonly AreaInput<PhaseProgressInput>[],
  weightSet: WeightSet,
): number | null {
  return planProgressBy(areas, weightSet, phaseProgress);
}

/** One figure per per-phase value (e.g. actual and expected), in the order of `phaseValues`. */
export interface ProgressFigures {
  plan: (number | null)[];
  areas: (number | null)[][];
}

/**
 * planProgressBy and areaProgressBy for several per-phase values at once, with exactly the same
 * numbers: each area's phases are grouped by objective once, each objective's phase shares are
 * computed once and its value once per `phaseValues` entry, and the area and plan figures are then
 * the weighted means of those objective values (the same weights, the same summing order). The
 * separate functions compute every objective again for the plan and for its area, for each value.
 */
export function progressFiguresBy<P extends WeightedPhase>(
  areas: readonly AreaInput<P>[],
  weightSet: WeightSet,
  phaseValues: readonly PhaseValue<P>[],
): ProgressFigures {
  const planMean = meanGivenObjectiveWeight(
    areas.flatMap((area) => area.objectives),
    weightSet,
  );
  const planEntries = phaseValues.map(() => [] as { weight: number; value: number }[]);
  const areaFigures: (number | null)[][] = [];
  for (const area of areas) {
    const areaWeights = resolvedObjectiveWeights(area.objectives, weightSet, null);
    const planWeights = resolvedObjectiveWeights(area.objectives, weightSet, planMean);
    const phasesOf = groupByObjective(area.phases);
    const areaEntries = phaseValues.map(() => [] as { weight: number; value: number }[]);
    for (const objective of area.objectives) {
      if (!objectiveIsCounted(objective)) continue;
      const own = phasesOf.get(objective.id) ?? [];
      const shares = normalisePhaseWeights(own);
      const areaWeight = areaWeights.get(objective.id);
      const planWeight = planWeights.get(objective.id);
      phaseValues.forEach((phaseValue, i) => {
        const entries: { weight: number; value: number }[] = [];
        for (const phase of own) {
          const share = shares.get(phase.id);
          const value = phaseValue(phase);
          if (share !== undefined && value !== null) entries.push({ weight: share, value });
        }
        const value = weightedMean(entries) ?? 0;
        if (areaWeight !== undefined) areaEntries[i]?.push({ weight: areaWeight, value });
        if (planWeight !== undefined) planEntries[i]?.push({ weight: planWeight, value });
      });
    }
    areaFigures.push(areaEntries.map((entries) => weightedMean(entries)));
  }
  return { plan: planEntries.map((entries) => weightedMean(entries)), areas: areaFigures };
}
