/**
 * The dashboard's figures, every one taken from the domain calculations (progress.ts,
 * expected-progress.ts, deadlines.ts) so what the screen shows equals what the Nucleo computes.
 * Grouping and sorting only: no arithmetic on progress here.
 */
import { phaseCounts, type PhaseCounts } from '../../../../domain/deadlines.ts';
import {
  expectedAreaProgress,
  expectedObjectiveProgress,
  planAndAreaProgress,
} from '../../../../domain/expected-progress.ts';
import type { WeightSet } from '../../../../domain/plan.ts';
import { areaProgress, objectiveProgress } from '../../../../domain/progress.ts';
import { objectiveIsCounted } from '../../../../domain/weights.ts';
import type { ObjectiveFact, PhaseFact } from '../../../db/facts.ts';
import type { AreaRecord, ObjectiveRecord } from '../../../db/schema.ts';
import type { PlanData } from '../../hooks/use-plan-data.ts';

export interface Figures {
  progress: number | null;
  expected: number | null;
  counts: PhaseCounts;
}

export interface AreaFigures extends Figures {
  area: AreaRecord;
  objectiveCount: number;
}

export interface ObjectiveFigures<O extends ObjectiveFact = ObjectiveRecord> extends Figures {
  objective: O;
  phaseCount: number;
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

/** Phases of objectives that are evaluated (removed and replaced ones are listed apart). */
function countedPhases(objectives: readonly ObjectiveFact[], phases: readonly PhaseFact[]): PhaseFact[] {
  const counted = new Set(objectives.filter(objectiveIsCounted).map((o) => o.id));
  return phases.filter((p) => counted.has(p.objectiveId));
}

export interface DashboardFigures {
  plan: Figures;
  areas: AreaFigures[];
}

export function dashboardFigures(data: PlanData, weightSet: WeightSet, today: string): DashboardFigures {
  const objectivesOf = groupBy(data.objectives, (o) => o.areaId);
  const phasesOf = groupBy(data.phases, (p) => p.areaId);
  const inputs = data.areas.map((area) => ({
    area,
    objectives: objectivesOf.get(area.id) ?? [],
    phases: phasesOf.get(area.id) ?? [],
  }));
  // Each objective's actual and expected progress once, for its area and the plan (equal to
  // planProgress / areaProgress and their expected counterparts: progress.property.test.ts).
  const progress = planAndAreaProgress(inputs, weightSet, today, data.planEnd);
  return {
    plan: {
      ...progress.plan,
      counts: phaseCounts(countedPhases(data.objectives, data.phases), today),
    },
    areas: inputs.map((input, i) => ({
      area: input.area,
      objectiveCount: input.objectives.filter(objectiveIsCounted).length,
      progress: progress.areas[i]?.progress ?? null,
      expected: progress.areas[i]?.expected ?? null,
      counts: phaseCounts(countedPhases(input.objectives, input.phases), today),
    })),
  };
}

export interface AreaDetail<O extends ObjectiveFact = ObjectiveRecord> extends Figures {
  area: AreaRecord;
  objectives: ObjectiveFigures<O>[];
  /** Removed (stralcio) and replaced objectives, with their motivation. */
  setAside: O[];
}

/** `data` needs only this area's objectives and phases (useAreaData); others are ignored. */
export function areaDetail<O extends ObjectiveFact>(
  data: PlanData<O>,
  areaId: string,
  weightSet: WeightSet,
  today: string,
): AreaDetail<O> | null {
  const area = data.areas.find((a) => a.id === areaId);
  if (!area) return null;
  const objectives = data.objectives.filter((o) => o.areaId === areaId);
  const phases = data.phases.filter((p) => p.areaId === areaId);
  const phasesOf = groupBy(phases, (p) => p.objectiveId);
  const input = { objectives, phases };
  return {
    area,
    progress: areaProgress(input, weightSet),
    expected: expectedAreaProgress(input, weightSet, today, data.planEnd),
    counts: phaseCounts(countedPhases(objectives, phases), today),
    objectives: objectives.filter(objectiveIsCounted).map((objective) => {
      const own = phasesOf.get(objective.id) ?? [];
      return {
        objective,
        phaseCount: own.length,
        progress: objectiveProgress(objective, own),
        expected: expectedObjectiveProgress(objective, own, today, data.planEnd),
        counts: phaseCounts(own, today),
      };
    }),
    setAside: objectives.filter((o) => !objectiveIsCounted(o)),
  };
}
