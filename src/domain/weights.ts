/**
 * Weights: how much each phase counts inside its objective, and how much each objective counts inside
 * its area and the plan. The rules (docs/calculations.md says them in plain words):
 * - only phases that are not cancelled, and objectives that are not removed or replaced, count;
 * - a weight that is missing, negative or not a finite number is "not given";
 * - some weights given, some not → each missing one takes the mean of the given ones, so an unweighted
 *   item counts like a typical one rather than vanishing (0) or dominating;
 * - no weight given, or the given weights sum to 0 → equal shares.
 * Percent and points are both relative sizes, so they are normalised the same way.
 */
import type { Objective, ObjectiveState, Phase, WeightSet } from './plan.ts';

export type PhaseWeightInput = Pick<Phase, 'id' | 'status' | 'weight'>;
export type ObjectiveWeightInput = Pick<Objective, 'id' | 'state' | 'weights'>;

const NON_COUNTING_STATES: readonly ObjectiveState[] = ['removed', 'replaced'];

export function phaseIsCounted(phase: Pick<Phase, 'status'>): boolean {
  return phase.status !== 'cancelled';
}

/** Removed (stralcio) and replaced objectives stay in the plan for the record but are not evaluated. */
export function objectiveIsCounted(objective: Pick<Objective, 'state'>): boolean {
  return !NON_COUNTING_STATES.includes(objective.state);
}

function given(weight: number | null): number | null {
  return weight !== null && Number.isFinite(weight) && weight >= 0 ? weight : null;
}

function mean(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Missing weights take the mean of the given ones; when none is given, `fallback`, else 1. */
function fillMissing(
  items: readonly { id: string; weight: number | null }[],
  fallback: number | null,
): Map<string, number> {
  const weights = items.map((item) => given(item.weight));
  const fill = mean(weights.filter((w): w is number => w !== null)) ?? fallback ?? 1;
  return new Map(items.map((item, i) => [item.id, weights[i] ?? fill]));
}

/** Scales weights into shares summing to 1; equal shares when they sum to 0. */
function toShares(weights: ReadonlyMap<string, number>): Map<string, number> {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  const shares = new Map<string, number>();
  for (const [id, weight] of weights) shares.set(id, total > 0 ? weight / total : 1 / weights.size);
  return shares;
}

/**
 * Each counting phase's share of its objective, by phase id; shares sum to 1 (empty map when no phase
 * counts). Cancelled phases are absent, so the remaining ones are rescaled to fill their place.
 */
export function normalisePhaseWeights(phases: readonly PhaseWeightInput[]): Map<string, number> {
  return toShares(fillMissing(phases.filter(phaseIsCounted), null));
}

/**
 * The objective's weight under a weight set, before filling in missing ones: 'nucleo' falls back to the
 * Giunta's and then the head's proposal (the Nucleo often confirms the Giunta without restating it),
 * 'giunta' to the head's, 'head' to nothing; 'equal' is 1 for every objective.
 */
export function effectiveObjectiveWeight(
  objective: Pick<Objective, 'weights'>,
  weightSet: WeightSet,
): number | null {
  const { head, giunta, nucleo } = objective.weights;
  switch (weightSet) {
    case 'nucleo':
      return given(nucleo) ?? given(giunta) ?? given(head);
    case 'giunta':
      return given(giunta) ?? given(head);
    case 'head':
      return given(head);
    case 'equal':
      return 1;
  }
}

/**
 * The weights of the counting objectives of a group (an area), by objective id, missing ones filled
 * with the mean of the group's given weights. `fallbackWeight` fills them when the group gives none:
 * the plan passes the mean over the whole plan, so an area without weights weighs like a typical one.
 */
export function resolvedObjectiveWeights(
  objectives: readonly ObjectiveWeightInput[],
  weightSet: WeightSet,
  fallbackWeight: number | null = null,
): Map<string, number> {
  return fillMissing(
    objectives
      .filter(objectiveIsCounted)
      .map((objective) => ({ id: objective.id, weight: effectiveObjectiveWeight(objective, weightSet) })),
    fallbackWeight,
  );
}

/** Each counting objective's share of its group, by objective id; shares sum to 1. */
export function objectiveShares(
  objectives: readonly ObjectiveWeightInput[],
  weightSet: WeightSet,
): Map<string, number> {
  return toShares(resolvedObjectiveWeights(objectives, weightSet));
}

/** The mean of the weights given under `weightSet` across the counting objectives, or null if none. */
export function meanGivenObjectiveWeight(
  objectives: readonly ObjectiveWeightInput[],
  weightSet: WeightSet,
): number | null {
  return mean(
    objectives
      .filter(objectiveIsCounted)
      .map((objective) => effectiveObjectiveWeight(objective, weightSet))
      .filter((w): w is number => w !== null),
  );
}
