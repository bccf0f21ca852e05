import { z } from 'zod';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_UNITS } from '../domain/plan.ts';

/** The `data` of each row type a pull returns (protocol v1; more fields welcome). */
const nullableText = z.string().nullable();

export const enteRowSchema = z.object({
  name: z.string(),
  /** v2: the ente's settings (ente.setSettings). */
  settings: z.object({ headsMayAmend: z.boolean() }).optional(),
});
const actRowSchema = z.object({ body: z.string(), number: z.string(), date: nullableText });
export const planRowSchema = z.object({
  enteId: z.string(),
  title: z.string(),
  years: z.array(z.number()),
  /** Extension: the approving acts (body, number, date). */
  acts: z.array(actRowSchema).optional(),
  /** v2: the performance year, the plan's life (draft → approved → closed) and its events. */
  year: z.number().optional(),
  status: z.enum(['draft', 'approved', 'closed']).optional(),
  events: z
    .array(
      z.object({
        kind: z.enum(['approved', 'closed', 'reopened']),
        at: z.string(),
        userId: z.string(),
        reason: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * Extension (plan.setScoring): how the Nucleo's achievement becomes a score under the ente's SMVP
   * (domain/scores.ts); absent means linear, capped at 100.
   */
  scoring: z
    .union([
      z.object({ kind: z.literal('linear') }),
      z.object({ kind: z.literal('threshold'), threshold: z.number() }),
    ])
    .optional(),
});
export const areaRowSchema = z.object({
  planId: z.string(),
  name: z.string(),
  position: z.number(),
  head: nullableText.optional(),
  motivation: nullableText.optional(),
});
export const objectiveRowSchema = z.object({
  areaId: z.string(),
  number: z.string(),
  title: z.string(),
  indicator: z.string(),
  subjects: z.string().optional(),
  state: z.enum(OBJECTIVE_STATES),
  motivation: nullableText,
  weights: z.object({
    head: z.number().nullable(),
    giunta: z.number().nullable(),
    nucleo: z.number().nullable(),
  }),
  position: z.number().optional(),
  /** v2: the objective this one replaces (objective.replace). */
  replaces: nullableText.optional(),
});
export const phaseRowSchema = z.object({
  objectiveId: z.string(),
  areaId: z.string(),
  number: z.number(),
  indicator: z.string(),
  subjects: z.string(),
  description: z.string(),
  weight: z.number().nullable(),
  weightUnit: z.enum(WEIGHT_UNITS).nullable(),
  deadline: nullableText,
  status: z.enum(PHASE_STATUSES),
  percent: z.number(),
  updatedBy: nullableText,
  updatedAt: nullableText,
  /** v2: taken out of an approved plan (phase.remove): cancelled for good. */
  removed: z.boolean().optional(),
});
export const noteRowSchema = z.object({
  objectiveId: z.string(),
  phaseId: nullableText,
  authorId: z.string(),
  authorName: z.string().optional(),
  text: z.string(),
  createdAt: z.string(),
  attachmentIds: z.array(z.string()),
});
export const conflictRowSchema = z.object({
  phaseId: z.string(),
  field: z.enum(['status', 'percent']),
  overwritten: z.unknown(),
  winner: z.unknown(),
  userIds: z.array(z.string()),
  createdAt: z.string(),
});
/** Extension: the history of a phase's status/percent (who, when, before, after). */
export const phaseHistoryRowSchema = z.object({
  phaseId: z.string(),
  field: z.enum(['status', 'percent']),
  before: z.unknown(),
  after: z.unknown(),
  userId: z.string(),
  userName: z.string().optional(),
  at: z.string(),
  conflict: z.boolean(),
});
/** Extension: the users of the ente, so names can be shown offline. */
export const userRowSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  areaIds: z.array(z.string()).optional(),
});

/** v2: a structural change of an approved plan, with its motivation and act (protocol Part 2). */
export const amendmentRowSchema = z.object({
  planId: z.string(),
  entity: z.enum(['area', 'objective', 'phase']),
  entityId: z.string(),
  objectiveId: nullableText.optional(),
  kind: z.enum(['add', 'update', 'remove', 'replace']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  motivation: z.string(),
  act: actRowSchema.nullable(),
  userId: z.string(),
  createdAt: z.string(),
});

/**
 * v2: the Nucleo's achievement of an objective (its id is the objectiveId: the last write wins).
 * `percent` null is "not evaluated" (NV), never 0.
 */
export const evaluationRowSchema = z.object({
  objectiveId: z.string(),
  planId: z.string(),
  areaId: z.string(),
  percent: z.number().nullable(),
  comment: z.string(),
  userId: z.string(),
  updatedAt: z.string(),
});
/** v2: the Nucleo's verdict on a phase (its id is the phaseId); null verdict: cleared. */
export const phaseVerdictRowSchema = z.object({
  phaseId: z.string(),
  objectiveId: z.string(),
  areaId: z.string(),
  /** Extension: the plan, as on every other plan row. */
  planId: z.string().optional(),
  verdict: z.enum(['validated', 'contested']).nullable(),
  reason: nullableText,
  userId: z.string(),
  updatedAt: z.string(),
});
/**
 * Extension: the area head's own assessment of an objective beside the Nucleo's (its id is the
 * objectiveId): an optional percent and a note. Seen by every role that sees the plan.
 */
export const selfAssessmentRowSchema = z.object({
  objectiveId: z.string(),
  planId: z.string(),
  areaId: z.string(),
  percent: z.number().nullable(),
  note: z.string(),
  userId: z.string(),
  updatedAt: z.string(),
});
/** v2: a phase as a monitoring snapshot froze it. */
export const snapshotPhaseSchema = z.object({
  phaseId: z.string(),
  objectiveId: z.string(),
  status: z.enum(PHASE_STATUSES),
  percent: z.number(),
  weight: z.number().nullable(),
  weightUnit: z.enum(WEIGHT_UNITS).nullable(),
  deadline: nullableText,
  removed: z.boolean(),
});
/** v2: an objective as a monitoring snapshot froze it. */
export const snapshotObjectiveSchema = z.object({
  objectiveId: z.string(),
  areaId: z.string(),
  state: z.enum(OBJECTIVE_STATES),
  weights: z.object({
    head: z.number().nullable(),
    giunta: z.number().nullable(),
    nucleo: z.number().nullable(),
  }),
});
/**
 * v2: the plan frozen at a date (snapshot.take): `takenAt` is when the server applied it. Extension:
 * `roundClosedAt`/`roundClosedBy` once the admin closes its monitoring round (snapshot.closeRound),
 * after which its monitoring reports are read-only.
 */
export const snapshotRowSchema = z.object({
  planId: z.string(),
  asOf: z.string(),
  label: z.string(),
  takenAt: z.string(),
  takenBy: z.string(),
  phases: z.array(snapshotPhaseSchema),
  objectives: z.array(snapshotObjectiveSchema),
  roundClosedAt: nullableText.optional(),
  roundClosedBy: nullableText.optional(),
});
/**
 * Extension: an area head's monitoring report on an objective for a snapshot's round (its id is
 * `<snapshotId>:<objectiveId>`: the last write wins): what was done, the criticità, whether the
 * objective can be reached by 31/12, the corrective action or amendment proposed.
 */
export const monitoringReportRowSchema = z.object({
  snapshotId: z.string(),
  planId: z.string(),
  objectiveId: z.string(),
  areaId: z.string(),
  done: z.string(),
  issues: z.string(),
  reachable: z.boolean().nullable(),
  action: z.string(),
  userId: z.string(),
  updatedAt: z.string(),
});

export const rowDataSchemas = {
  ente: enteRowSchema,
  plan: planRowSchema,
  area: areaRowSchema,
  objective: objectiveRowSchema,
  phase: phaseRowSchema,
  note: noteRowSchema,
  conflict: conflictRowSchema,
  phaseHistory: phaseHistoryRowSchema,
  user: userRowSchema,
  amendment: amendmentRowSchema,
  evaluation: evaluationRowSchema,
  phaseVerdict: phaseVerdictRowSchema,
  selfAssessment: selfAssessmentRowSchema,
  snapshot: snapshotRowSchema,
  monitoringReport: monitoringReportRowSchema,
} as const;
export type RowType = keyof typeof rowDataSchemas;
export const ROW_TYPES = Object.keys(rowDataSchemas) as RowType[];
export type RowData = { [K in RowType]: z.infer<(typeof rowDataSchemas)[K]> };

export type EnteRow = RowData['ente'];
export type PlanRow = RowData['plan'];
export type AreaRow = RowData['area'];
export type ObjectiveRow = RowData['objective'];
export type PhaseRow = RowData['phase'];
export type NoteRow = RowData['note'];
export type ConflictRow = RowData['conflict'];
export type PhaseHistoryRow = RowData['phaseHistory'];
export type UserRow = RowData['user'];
export type AmendmentRow = RowData['amendment'];
export type EvaluationRow = RowData['evaluation'];
export type PhaseVerdictRow = RowData['phaseVerdict'];
export type SelfAssessmentRow = RowData['selfAssessment'];
export type SnapshotRow = RowData['snapshot'];
export type SnapshotPhase = z.infer<typeof snapshotPhaseSchema>;
export type SnapshotObjective = z.infer<typeof snapshotObjectiveSchema>;
export type MonitoringReportRow = RowData['monitoringReport'];

/** The id of a head's monitoring report on an objective for a snapshot's round. */
export function monitoringReportId(snapshotId: string, objectiveId: string): string {
  return `${snapshotId}:${objectiveId}`;
}
