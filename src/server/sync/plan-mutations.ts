/**
 * The plan mutations of protocol v2 (src/shared/plan-mutations.ts): recognised by name, their args
 * parsed with the shared schemas (an invalid one is a permanent `invalid` rejection, as in v1), and
 * dispatched to their handlers, which read and write inside the push transaction (plan-context.ts).
 */
import {
  planMutationArgsSchemas,
  type PlanMutationArgs,
  type PlanMutationName,
} from '../../shared/plan-mutations.ts';
import { refuseUnclearCycleArgs } from './evaluation-args.ts';
import { setObjectiveEvaluation, setPhaseVerdict, setSelfAssessment } from './evaluation-mutations.ts';
import { addObjective, removeObjective, replaceObjective, updateObjective } from './objective-amendments.ts';
import type { PlanCtx, PlanOutcome } from './plan-context.ts';
import {
  addArea,
  approvePlan,
  removeArea,
  setAmendmentAct,
  setEnteSettings,
  updateArea,
} from './plan-life-mutations.ts';
import { addPhase, removePhase, updatePhase } from './phase-amendments.ts';
import { closePlan, reopenPlan, setPlanScoring } from './plan-close-mutations.ts';
import { parseArgs } from './rejection.ts';
import { closeMonitoringRound, setMonitoringReport, takeSnapshot } from './snapshot-mutations.ts';

export function isPlanMutationName(name: string): name is PlanMutationName {
  return Object.hasOwn(planMutationArgsSchemas, name);
}

type Handlers = {
  [K in PlanMutationName]: (ctx: PlanCtx, args: PlanMutationArgs[K]) => Promise<PlanOutcome>;
};

const HANDLERS: Handlers = {
  'plan.approve': approvePlan,
  'ente.setSettings': setEnteSettings,
  'area.add': addArea,
  'area.update': updateArea,
  'area.remove': removeArea,
  'objective.add': addObjective,
  'objective.update': updateObjective,
  'objective.remove': removeObjective,
  'objective.replace': replaceObjective,
  'phase.add': addPhase,
  'phase.update': updatePhase,
  'phase.remove': removePhase,
  'amendment.setAct': setAmendmentAct,
  'evaluation.setObjective': setObjectiveEvaluation,
  'evaluation.setPhaseVerdict': setPhaseVerdict,
  'plan.close': closePlan,
  'plan.reopen': reopenPlan,
  'plan.setScoring': setPlanScoring,
  'selfAssessment.set': setSelfAssessment,
  'snapshot.take': takeSnapshot,
  'monitoring.setReport': setMonitoringReport,
  'snapshot.closeRound': closeMonitoringRound,
};

/** Parses and applies one plan mutation; throws a Rejection, before writing anything, when refused. */
export function applyPlanMutation<K extends PlanMutationName>(
  ctx: PlanCtx,
  name: K,
  args: unknown,
): Promise<PlanOutcome> {
  refuseUnclearCycleArgs(name, args);
  const parsed = parseArgs(planMutationArgsSchemas[name], args) as PlanMutationArgs[K];
  return HANDLERS[name](ctx, parsed);
}

/** What an audit entry names for a plan mutation: the entity its args address. */
export function planMutationEntity(
  name: PlanMutationName,
  args: unknown,
): { entity: string; entityId: string } {
  const a = (args ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof a[key] === 'string' ? (a[key] as string) : '');
  if (name.startsWith('phase.')) return { entity: 'phase', entityId: pick('phaseId') };
  if (name.startsWith('objective.')) return { entity: 'objective', entityId: pick('objectiveId') };
  if (name.startsWith('area.')) return { entity: 'area', entityId: pick('areaId') };
  if (name === 'amendment.setAct') return { entity: 'amendment', entityId: pick('amendmentId') };
  if (name.startsWith('plan.')) return { entity: 'plan', entityId: pick('planId') };
  if (name === 'evaluation.setObjective' || name === 'selfAssessment.set')
    return { entity: 'objective', entityId: pick('objectiveId') };
  if (name === 'evaluation.setPhaseVerdict') return { entity: 'phase', entityId: pick('phaseId') };
  if (name.startsWith('snapshot.')) return { entity: 'snapshot', entityId: pick('snapshotId') };
  if (name === 'monitoring.setReport')
    return { entity: 'monitoringReport', entityId: `${pick('snapshotId')}:${pick('objectiveId')}` };
  return { entity: 'ente', entityId: '' };
}
