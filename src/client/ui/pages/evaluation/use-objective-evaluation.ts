import { useLiveQuery } from 'dexie-react-hooks';
import type { EvaluationRecord, PhaseVerdictRecord, SelfAssessmentRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';

export interface ObjectiveEvaluation {
  evaluation: EvaluationRecord | undefined;
  /** The Nucleo's verdicts on the objective's phases, by phase id. */
  verdicts: Map<string, PhaseVerdictRecord>;
  selfAssessment: SelfAssessmentRecord | undefined;
  /** The rows changed on this device and not yet confirmed by a pull (their `bases` keys). */
  pending: Set<string>;
}

/**
 * The Nucleo's figures and the head's own assessment of one objective, as the device holds them
 * (the server sends each user only what they may see). Live, so an optimistic change shows at once;
 * undefined while loading.
 */
export function useObjectiveEvaluation(objectiveId: string): ObjectiveEvaluation | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [evaluation, verdicts, selfAssessment] = await Promise.all([
      db.evaluations.get(objectiveId),
      db.phaseVerdicts.where('objectiveId').equals(objectiveId).toArray(),
      db.selfAssessments.get(objectiveId),
    ]);
    const keys = [
      `evaluations:${objectiveId}`,
      `selfAssessments:${objectiveId}`,
      ...verdicts.map((v) => `phaseVerdicts:${v.id}`),
    ];
    const bases = await db.bases.bulkGet(keys);
    return {
      evaluation,
      verdicts: new Map(verdicts.map((v) => [v.phaseId, v])),
      selfAssessment,
      pending: new Set(bases.flatMap((b) => (b ? [b.key] : []))),
    };
  }, [db, objectiveId]);
}
