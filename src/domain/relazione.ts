/**
 * The Relazione sulla performance (D.Lgs 150/2009 art. 10 c.1 lett. b) as a model built from the
 * year's records: per area and objective the weight, indicator, target (its phases and deadlines),
 * result (phases' status, progress), the Nucleo's achievement and score under the plan's scoring
 * method (scores.ts: NV is never 0), the deviation (consuntivo − programmato: achievement − 100) and
 * its cause as written by the Nucleo, the head and the monitoring reports, the amendments of the year;
 * counts per outcome and the area and ente totals. Pure: the page renders it, the tests read it.
 */
import type { IsoDate, ObjectiveState, ObjectiveWeights, PhaseStatus, WeightSet } from './plan.ts';
import { expectedObjectiveProgress } from './expected-progress.ts';
import { areaProgress, objectiveProgress, planProgress } from './progress.ts';
import {
  areaScore,
  DEFAULT_SCORING,
  objectiveScore,
  planScore,
  type ScoredObjective,
  type ScoringMethod,
} from './scores.ts';
import { meanGivenObjectiveWeight, objectiveIsCounted, resolvedObjectiveWeights } from './weights.ts';

export interface RelazioneAct {
  body: string;
  number: string;
  date: string | null;
}

export interface RelazioneInput {
  plan: { id: string; title: string; year: number | null; scoring?: ScoringMethod | undefined };
  weightSet: WeightSet;
  /** The day the figures are read at (today, or the plan's close). */
  asOf: IsoDate;
  /** When a phase without a deadline is due: the last day of the plan's last year. */
  planEnd: IsoDate;
  areas: readonly { id: string; name: string; head?: string | null | undefined }[];
  objectives: readonly {
    id: string;
    areaId: string;
    number: string;
    title: string;
    indicator: string;
    state: ObjectiveState;
    weights: ObjectiveWeights;
    motivation: string | null;
    position?: number | undefined;
  }[];
  phases: readonly {
    id: string;
    objectiveId: string;
    number: number;
    description: string;
    deadline: string | null;
    status: PhaseStatus;
    percent: number;
    weight: number | null;
    removed?: boolean | undefined;
  }[];
  evaluations: readonly { objectiveId: string; percent: number | null; comment: string }[];
  selfAssessments: readonly { objectiveId: string; percent: number | null; note: string }[];
  monitoringReports: readonly {
    objectiveId: string;
    issues: string;
    action: string;
    reachable: boolean | null;
    updatedAt: string;
  }[];
  amendments: readonly {
    id: string;
    entity: 'area' | 'objective' | 'phase';
    entityId: string;
    objectiveId?: string | null | undefined;
    kind: 'add' | 'update' | 'remove' | 'replace';
    motivation: string;
    act: RelazioneAct | null;
    createdAt: string;
  }[];
}

/**
 * How an objective ended: achieved (score 100), partial, not achieved (score 0), NV (the Nucleo said
 * "not evaluated"), pending (no evaluation yet), not counted (removed or replaced by amendment).
 */
export const OUTCOMES = ['achieved', 'partial', 'notAchieved', 'nv', 'pending', 'notCounted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CauseNote {
  /** Who wrote it: the Nucleo's comment, the head's self-assessment, a monitoring report. */
  source: 'nucleo' | 'head' | 'monitoring';
  text: string;
}

export interface RelazionePhase {
  id: string;
  number: number;
  description: string;
  deadline: string | null;
  status: PhaseStatus;
  percent: number;
}

export interface RelazioneAmendment {
  id: string;
  entity: 'area' | 'objective' | 'phase';
  entityId: string;
  objectiveId: string | null;
  kind: 'add' | 'update' | 'remove' | 'replace';
  motivation: string;
  act: RelazioneAct | null;
  createdAt: string;
}

export interface RelazioneObjective {
  id: string;
  number: string;
  title: string;
  indicator: string;
  state: ObjectiveState;
  counted: boolean;
  /** Its weight under the weight set (missing ones filled as the scores fill them); null when not counted. */
  weight: number | null;
  phases: RelazionePhase[];
  progress: number | null;
  expected: number | null;
  /** The Nucleo's achievement: a number, null for NV, undefined when not evaluated yet. */
  achievement: number | null | undefined;
  score: number | null;
  /** achievement − 100 (the target is full achievement); null without a number. */
  deviation: number | null;
  outcome: Outcome;
  selfAssessed: number | null;
  causes: CauseNote[];
  amendments: RelazioneAmendment[];
}

export type OutcomeCounts = Record<Outcome, number>;

export interface RelazioneArea {
  id: string;
  name: string;
  head: string | null;
  progress: number | null;
  score: number | null;
  counts: OutcomeCounts;
  objectives: RelazioneObjective[];
}

export interface Relazione {
  planId: string;
  title: string;
  year: number | null;
  scoring: ScoringMethod;
  weightSet: WeightSet;
  asOf: IsoDate;
  /** False when the Nucleo has evaluated nothing yet: the report says so instead of showing zeros. */
  hasEvaluation: boolean;
  progress: number | null;
  score: number | null;
  counts: OutcomeCounts;
  areas: RelazioneArea[];
  /** Every amendment of the plan, oldest first. */
  amendments: RelazioneAmendment[];
}

export function emptyCounts(): OutcomeCounts {
  return { achieved: 0, partial: 0, notAchieved: 0, nv: 0, pending: 0, notCounted: 0 };
}

export function outcomeOf(
  counted: boolean,
  achievement: number | null | undefined,
  score: number | null,
): Outcome {
  if (!counted) return 'notCounted';
  if (achievement === undefined) return 'pending';
  if (achievement === null || score === null) return 'nv';
  if (score >= 100) return 'achieved';
  if (score <= 0) return 'notAchieved';
  return 'partial';
}

function causesOf(
  objectiveId: string,
  evaluation: { comment: string } | undefined,
  self: { note: string } | undefined,
  reports: RelazioneInput['monitoringReports'],
): CauseNote[] {
  const causes: CauseNote[] = [];
  const nucleo = evaluation?.comment.trim();
  if (nucleo) causes.push({ source: 'nucleo', text: nucleo });
  const head = self?.note.trim();
  if (head) causes.push({ source: 'head', text: head });
  // Every round's criticità and corrective action, oldest first: the deviation's history.
  const own = reports
    .filter((r) => r.objectiveId === objectiveId)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  for (const r of own) {
    const text = [r.issues.trim(), r.action.trim()].filter(Boolean).join(' — ');
    if (text) causes.push({ source: 'monitoring', text });
  }
  return causes;
}

function byPosition(
  a: { position?: number | undefined; number: string },
  b: { position?: number | undefined; number: string },
): number {
  return (a.position ?? 0) - (b.position ?? 0) || a.number.localeCompare(b.number, 'it', { numeric: true });
}

function toAmendment(a: RelazioneInput['amendments'][number]): RelazioneAmendment {
  return { ...a, objectiveId: a.objectiveId ?? (a.entity === 'objective' ? a.entityId : null) };
}

export function buildRelazione(input: RelazioneInput): Relazione {
  const method = input.plan.scoring ?? DEFAULT_SCORING;
  const evaluations = new Map(input.evaluations.map((e) => [e.objectiveId, e]));
  const selves = new Map(input.selfAssessments.map((s) => [s.objectiveId, s]));
  const amendments = input.amendments.map(toAmendment).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // A phase taken out by amendment is cancelled for good: it counts as cancelled.
  const phases = input.phases.map((p) => (p.removed ? { ...p, status: 'cancelled' as const } : p));
  const fallback = meanGivenObjectiveWeight(input.objectives, input.weightSet);
  const totals = emptyCounts();
  const scoredAreas: ScoredObjective[][] = [];
  const progressAreas: { objectives: RelazioneInput['objectives']; phases: typeof phases }[] = [];

  const areas = input.areas.map((area): RelazioneArea => {
    const objectives = input.objectives.filter((o) => o.areaId === area.id).sort(byPosition);
    const ownPhases = phases.filter((p) => objectives.some((o) => o.id === p.objectiveId));
    const weights = resolvedObjectiveWeights(objectives, input.weightSet, fallback);
    const counts = emptyCounts();
    const scored: ScoredObjective[] = [];
    const lines = objectives.map((o): RelazioneObjective => {
      const own = ownPhases.filter((p) => p.objectiveId === o.id).sort((a, b) => a.number - b.number);
      const counted = objectiveIsCounted(o);
      const evaluation = evaluations.get(o.id);
      const achievement = evaluation ? evaluation.percent : undefined;
      const score = counted ? objectiveScore(achievement ?? null, method) : null;
      const outcome = outcomeOf(counted, achievement, score);
      counts[outcome] += 1;
      totals[outcome] += 1;
      if (counted)
        scored.push({ id: o.id, state: o.state, weights: o.weights, achievement: achievement ?? null });
      return {
        id: o.id,
        number: o.number,
        title: o.title,
        indicator: o.indicator,
        state: o.state,
        counted,
        weight: weights.get(o.id) ?? null,
        phases: own.map((p) => ({
          id: p.id,
          number: p.number,
          description: p.description,
          deadline: p.deadline,
          status: p.status,
          percent: p.percent,
        })),
        progress: objectiveProgress(o, own),
        expected: expectedObjectiveProgress(o, own, input.asOf, input.planEnd),
        achievement,
        score,
        deviation: typeof achievement === 'number' && counted ? achievement - 100 : null,
        outcome,
        selfAssessed: selves.get(o.id)?.percent ?? null,
        causes: causesOf(o.id, evaluation, selves.get(o.id), input.monitoringReports),
        amendments: amendments.filter((a) => a.objectiveId === o.id),
      };
    });
    scoredAreas.push(scored);
    progressAreas.push({ objectives, phases: ownPhases });
    return {
      id: area.id,
      name: area.name,
      head: area.head ?? null,
      progress: areaProgress({ objectives, phases: ownPhases }, input.weightSet),
      score: areaScore(scored, input.weightSet, method),
      counts,
      objectives: lines,
    };
  });

  return {
    planId: input.plan.id,
    title: input.plan.title,
    year: input.plan.year,
    scoring: method,
    weightSet: input.weightSet,
    asOf: input.asOf,
    hasEvaluation: input.evaluations.some((e) => input.objectives.some((o) => o.id === e.objectiveId)),
    progress: planProgress(progressAreas, input.weightSet),
    score: planScore(scoredAreas, input.weightSet, method),
    counts: totals,
    areas,
    amendments,
  };
}
