/**
 * The Nucleo's scores: per objective from its achievement percentage under the plan's scoring method
 * (its SMVP), and per area and for the ente as weighted means under a weight set, with the same weight
 * rules as progress (weights.ts). An objective not evaluated (NV, null) is never counted as 0: it
 * leaves the denominator, so the others keep their relative weights. Removed and replaced objectives
 * do not count, as for progress.
 */
import type { ObjectiveState, ObjectiveWeights, WeightSet } from './plan.ts';
import { meanGivenObjectiveWeight, objectiveIsCounted, resolvedObjectiveWeights } from './weights.ts';

/** How achievement becomes a score: linear capped at 100, or 0 below a threshold (linear above it). */
export type ScoringMethod = { kind: 'linear' } | { kind: 'threshold'; threshold: number };

export const DEFAULT_SCORING: ScoringMethod = { kind: 'linear' };

export interface ScoredObjective {
  id: string;
  state: ObjectiveState;
  weights: ObjectiveWeights;
  /** 0–100, or null: not evaluated (NV). */
  achievement: number | null;
}

/** The objective's score, or null when it was not evaluated. */
export function objectiveScore(achievement: number | null, method: ScoringMethod): number | null {
  if (achievement === null || !Number.isFinite(achievement)) return null;
  const capped = Math.min(100, Math.max(0, achievement));
  if (method.kind === 'threshold' && capped < method.threshold) return 0;
  return capped;
}

function weightedMean(
  objectives: readonly ScoredObjective[],
  weights: ReadonlyMap<string, number>,
  method: ScoringMethod,
): { sum: number; weight: number } {
  let sum = 0;
  let weight = 0;
  for (const o of objectives) {
    const score = objectiveScore(o.achievement, method);
    const w = weights.get(o.id);
    if (score === null || w === undefined) continue;
    sum += score * w;
    weight += w;
  }
  return { sum, weight };
}

/** An area's score: the weighted mean of its evaluated, counting objectives; null when none is evaluated. */
export function areaScore(
  objectives: readonly ScoredObjective[],
  weightSet: WeightSet,
  method: ScoringMethod,
): number | null {
  const counted = objectives.filter(objectiveIsCounted);
  const { sum, weight } = weightedMean(counted, resolvedObjectiveWeights(counted, weightSet), method);
  if (weight > 0) return sum / weight;
  // Every evaluated objective weighs 0: they share equally.
  const scores = counted.flatMap((o) => {
    const s = objectiveScore(o.achievement, method);
    return s === null ? [] : [s];
  });
  return scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/**
 * The ente's score: the weighted mean of every evaluated, counting objective of every area (an area
 * weighs the sum of its objectives' weights; an area giving no weights takes the plan's mean).
 */
export function planScore(
  areas: readonly (readonly ScoredObjective[])[],
  weightSet: WeightSet,
  method: ScoringMethod,
): number | null {
  const fallback = meanGivenObjectiveWeight(areas.flat(), weightSet);
  let sum = 0;
  let weight = 0;
  for (const objectives of areas) {
    const counted = objectives.filter(objectiveIsCounted);
    const part = weightedMean(counted, resolvedObjectiveWeights(counted, weightSet, fallback), method);
    sum += part.sum;
    weight += part.weight;
  }
  return weight > 0 ? sum / weight : null;
}
