/**
 * The Nucleo's scores as the dashboard and the area page show them: each area's and the ente's,
 * from the evaluations the device holds, under a weight set and the plan's scoring method
 * (domain/scores.ts). An objective without an evaluation, or evaluated NV, has no score and leaves
 * the denominator. Pure.
 */
import {
  areaScore,
  DEFAULT_SCORING,
  objectiveScore,
  planScore,
  type ScoredObjective,
  type ScoringMethod,
} from '../../../../domain/scores.ts';
import type { ObjectiveState, ObjectiveWeights, WeightSet } from '../../../../domain/plan.ts';
import { objectiveIsCounted } from '../../../../domain/weights.ts';

export interface ScoreInputs {
  areas: readonly { id: string; name: string }[];
  objectives: readonly {
    id: string;
    areaId: string;
    number: string;
    state: ObjectiveState;
    weights: ObjectiveWeights;
  }[];
  /** The Nucleo's achievement by objective id (null: NV). */
  achievements: ReadonlyMap<string, number | null>;
  scoring: ScoringMethod | undefined;
}

export interface ObjectiveScoreLine {
  id: string;
  number: string;
  /** The achievement given, null for NV, undefined when not evaluated at all. */
  achievement: number | null | undefined;
  score: number | null;
}

export interface AreaScoreLine {
  id: string;
  name: string;
  score: number | null;
  evaluated: number;
  /** The objectives that count (removed and replaced ones do not). */
  total: number;
  objectives: ObjectiveScoreLine[];
}

export interface Scores {
  ente: number | null;
  areas: AreaScoreLine[];
  /** Whether any objective has an evaluation on the device (a number or NV). */
  anyEvaluation: boolean;
}

export function computeScores(input: ScoreInputs, weightSet: WeightSet): Scores {
  const method = input.scoring ?? DEFAULT_SCORING;
  const byArea = input.areas.map((area) => {
    const objectives = input.objectives.filter((o) => o.areaId === area.id && objectiveIsCounted(o));
    const scored: ScoredObjective[] = objectives.map((o) => ({
      id: o.id,
      state: o.state,
      weights: o.weights,
      achievement: input.achievements.get(o.id) ?? null,
    }));
    const line: AreaScoreLine = {
      id: area.id,
      name: area.name,
      score: areaScore(scored, weightSet, method),
      evaluated: objectives.filter((o) => typeof input.achievements.get(o.id) === 'number').length,
      total: objectives.length,
      objectives: objectives.map((o) => {
        const achievement = input.achievements.get(o.id);
        return {
          id: o.id,
          number: o.number,
          achievement,
          score: objectiveScore(achievement ?? null, method),
        };
      }),
    };
    return { line, scored };
  });
  return {
    ente: planScore(
      byArea.map((a) => a.scored),
      weightSet,
      method,
    ),
    areas: byArea.map((a) => a.line),
    anyEvaluation: input.objectives.some((o) => input.achievements.has(o.id)),
  };
}
