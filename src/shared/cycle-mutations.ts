/**
 * Args of the mutations of the performance cycle after the plan's approval (protocol Part 2
 * "Evaluation by the Nucleo" and "Monitoring snapshot", with this server's extensions), pushed like
 * every mutation (offline, exactly once) and decided one at a time as the plan mutations are
 * (shared/plan-mutations.ts, which registers them).
 *
 * - `evaluation.*` are the evaluator's; `plan.close` the evaluator's or an admin's; `plan.reopen`,
 *   `plan.setScoring` and `snapshot.closeRound` an admin's; `snapshot.take` an admin's or the
 *   evaluator's; `selfAssessment.set` and `monitoring.setReport` the area's head's (and an admin's).
 * - On a closed plan every one of them but `plan.close` (unchanged) and `plan.reopen` is `locked`.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';

const id = z.string().min(1).max(64);
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });
const percent = z.number().int().min(0).max(100);

export const EVALUATION_COMMENT_MAX = 5000;
export const REASON_MAX = 2000;
export const MONITORING_TEXT_MAX = 5000;
export const SNAPSHOT_LABEL_MAX = 200;

const reason = z.string().trim().min(1).max(REASON_MAX);

export const evaluationSetObjectiveArgsSchema = z.object({
  objectiveId: id,
  /** null: not evaluated (NV), never 0. */
  percent: percent.nullable(),
  comment: z.string().max(EVALUATION_COMMENT_MAX),
});

export const evaluationSetPhaseVerdictArgsSchema = z
  .object({
    phaseId: id,
    /** null clears the verdict. */
    verdict: z.enum(['validated', 'contested']).nullable(),
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .refine((a) => a.verdict !== 'contested' || (a.reason ?? '').length > 0, {
    message: 'a contested verdict needs its reason',
    path: ['reason'],
  });

export const planCloseArgsSchema = z.object({ planId: id });
export const planReopenArgsSchema = z.object({ planId: id, reason });

export const scoringSchema = z.union([
  z.object({ kind: z.literal('linear') }),
  z.object({ kind: z.literal('threshold'), threshold: z.number().int().min(1).max(100) }),
]);
/** Extension: the plan's scoring method (its SMVP): linear capped at 100, or 0 below a threshold. */
export const planSetScoringArgsSchema = z.object({ planId: id, scoring: scoringSchema });

/** Extension: the area head's own assessment of an objective (percent optional, with a note). */
export const selfAssessmentSetArgsSchema = z.object({
  objectiveId: id,
  percent: percent.nullable(),
  note: z.string().max(EVALUATION_COMMENT_MAX),
});

export const snapshotTakeArgsSchema = z.object({
  snapshotId: id,
  planId: id,
  asOf: isoDate,
  label: z.string().trim().min(1).max(SNAPSHOT_LABEL_MAX),
});

/** Extension: a head's monitoring report on an objective for a snapshot's round (last write wins). */
export const monitoringSetReportArgsSchema = z.object({
  snapshotId: id,
  objectiveId: id,
  done: z.string().max(MONITORING_TEXT_MAX),
  issues: z.string().max(MONITORING_TEXT_MAX),
  /** Whether the objective can still be reached by 31/12; null: not said. */
  reachable: z.boolean().nullable(),
  action: z.string().max(MONITORING_TEXT_MAX),
});

/** Extension: the admin closes a snapshot's monitoring round; its reports become read-only. */
export const snapshotCloseRoundArgsSchema = z.object({ snapshotId: id });

export const cycleMutationArgsSchemas = {
  'evaluation.setObjective': evaluationSetObjectiveArgsSchema,
  'evaluation.setPhaseVerdict': evaluationSetPhaseVerdictArgsSchema,
  'plan.close': planCloseArgsSchema,
  'plan.reopen': planReopenArgsSchema,
  'plan.setScoring': planSetScoringArgsSchema,
  'selfAssessment.set': selfAssessmentSetArgsSchema,
  'snapshot.take': snapshotTakeArgsSchema,
  'monitoring.setReport': monitoringSetReportArgsSchema,
  'snapshot.closeRound': snapshotCloseRoundArgsSchema,
} as const;
export type CycleMutationName = keyof typeof cycleMutationArgsSchemas;
