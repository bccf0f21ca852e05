import { useLiveQuery } from 'dexie-react-hooks';
import { evidenceTimeline, type EvidenceEntry } from '../../../../domain/evidence-timeline.ts';
import type { AreaRecord, ObjectiveRecord, PhaseRecord, PlanRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';

export interface EvidenceData {
  objective: ObjectiveRecord;
  area: AreaRecord | undefined;
  plan: PlanRecord | undefined;
  phases: PhaseRecord[];
  planEnd: string;
  entries: EvidenceEntry[];
}

/**
 * The evidence pack of an objective from the rows on the device (so it opens offline). The device
 * holds only what its user may see (the Nucleo's rows included), so nothing is filtered here. Live;
 * undefined while loading, null when the objective is not on the device.
 */
export function useEvidence(objectiveId: string): EvidenceData | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const objective = await db.objectives.get(objectiveId);
    if (!objective) return null;
    const [area, phases] = await Promise.all([
      db.areas.get(objective.areaId),
      db.phases.where('objectiveId').equals(objectiveId).sortBy('number'),
    ]);
    const plan = area ? await db.plans.get(area.planId) : undefined;
    const phaseIds = phases.map((p) => p.id);
    const [notes, history, conflicts, amendments, snapshots, verdicts, evaluation, users] = await Promise.all(
      [
        db.notes.where('objectiveId').equals(objectiveId).toArray(),
        db.phaseHistory.where('phaseId').anyOf(phaseIds).toArray(),
        db.conflicts.where('phaseId').anyOf(phaseIds).toArray(),
        plan ? db.amendments.where('planId').equals(plan.id).toArray() : [],
        plan ? db.snapshots.where('planId').equals(plan.id).toArray() : [],
        db.phaseVerdicts.where('objectiveId').equals(objectiveId).toArray(),
        db.evaluations.get(objectiveId),
        db.users.toArray(),
      ],
    );
    const years = plan ? (plan.years.length > 0 ? plan.years : [plan.year ?? new Date().getFullYear()]) : [];
    const planEnd = `${years.length > 0 ? Math.max(...years) : new Date().getFullYear()}-12-31`;
    const entries = evidenceTimeline({
      objectiveId,
      phases,
      notes,
      history,
      conflicts,
      amendments,
      // One taken offline has no frozen rows yet: it shows once the server has taken it.
      snapshots: snapshots.filter((s) => !s.pending),
      verdicts,
      evaluations: evaluation ? [evaluation] : [],
      planEnd,
      names: new Map(users.map((u) => [u.id, u.displayName])),
    });
    return { objective, area, plan, phases, planEnd, entries };
  }, [db, objectiveId]);
}
