/**
 * The server's tables of the performance cycle after the plan's approval (protocol Part 2
 * "Evaluation by the Nucleo", "Monitoring snapshot"): the same invariants as schema.ts, which
 * re-exports them, so migrations are generated from both.
 */
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts, versionColumns } from './columns.ts';

export interface SnapshotPhaseData {
  phaseId: string;
  objectiveId: string;
  status: string;
  percent: number;
  weight: number | null;
  weightUnit: string | null;
  deadline: string | null;
  removed: boolean;
}

export interface SnapshotObjectiveData {
  objectiveId: string;
  areaId: string;
  state: string;
  weights: { head: number | null; giunta: number | null; nucleo: number | null };
}

/**
 * The Nucleo's achievement of an objective (protocol Part 2 `evaluation` rows; id = the objectiveId).
 * `plan_id` and `area_id` are copied so visibility (admin, evaluator, the area's users while the plan
 * is open; everyone once closed) is one indexed comparison.
 */
export const evaluation = pgTable(
  'evaluation',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    areaId: text('area_id').notNull(),
    /** 0–100, or null: not evaluated (NV). */
    percent: integer('percent'),
    comment: text('comment').notNull().default(''),
    userId: text('user_id').notNull(),
    updatedAt: ts('updated_at').notNull(),
    ...versionColumns,
  },
  (t) => [
    index('evaluation_ente_version_idx').on(t.enteId, t.version),
    index('evaluation_plan_idx').on(t.planId),
  ],
);

/** The Nucleo's verdict on a phase (protocol Part 2 `phaseVerdict` rows; id = the phaseId). */
export const phaseVerdict = pgTable(
  'phase_verdict',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    objectiveId: text('objective_id').notNull(),
    areaId: text('area_id').notNull(),
    /** validated | contested, or null once cleared. */
    verdict: text('verdict'),
    reason: text('reason'),
    userId: text('user_id').notNull(),
    updatedAt: ts('updated_at').notNull(),
    ...versionColumns,
  },
  (t) => [
    index('phase_verdict_ente_version_idx').on(t.enteId, t.version),
    index('phase_verdict_plan_idx').on(t.planId),
  ],
);

/** The area head's own assessment of an objective (extension; id = the objectiveId). */
export const selfAssessment = pgTable(
  'self_assessment',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    areaId: text('area_id').notNull(),
    percent: integer('percent'),
    note: text('note').notNull().default(''),
    userId: text('user_id').notNull(),
    updatedAt: ts('updated_at').notNull(),
    ...versionColumns,
  },
  (t) => [index('self_assessment_ente_version_idx').on(t.enteId, t.version)],
);

/**
 * A monitoring snapshot (protocol Part 2): the plan's phases and objectives frozen as the server held
 * them when snapshot.take was applied. Never changed afterwards but for the close of its round.
 */
export const snapshot = pgTable(
  'snapshot',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    planId: text('plan_id').notNull(),
    asOf: text('as_of').notNull(),
    label: text('label').notNull(),
    takenAt: ts('taken_at').notNull(),
    takenBy: text('taken_by').notNull(),
    phases: jsonb('phases').$type<SnapshotPhaseData[]>().notNull(),
    objectives: jsonb('objectives').$type<SnapshotObjectiveData[]>().notNull(),
    roundClosedAt: ts('round_closed_at'),
    roundClosedBy: text('round_closed_by'),
    ...versionColumns,
  },
  (t) => [
    index('snapshot_ente_version_idx').on(t.enteId, t.version),
    index('snapshot_plan_idx').on(t.planId),
  ],
);

/** A head's monitoring report on an objective for a snapshot's round (id `<snapshotId>:<objectiveId>`). */
export const monitoringReport = pgTable(
  'monitoring_report',
  {
    id: text('id').primaryKey(),
    enteId: text('ente_id').notNull(),
    snapshotId: text('snapshot_id').notNull(),
    planId: text('plan_id').notNull(),
    objectiveId: text('objective_id').notNull(),
    areaId: text('area_id').notNull(),
    done: text('done').notNull().default(''),
    issues: text('issues').notNull().default(''),
    reachable: boolean('reachable'),
    action: text('action').notNull().default(''),
    userId: text('user_id').notNull(),
    updatedAt: ts('updated_at').notNull(),
    ...versionColumns,
  },
  (t) => [
    index('monitoring_report_ente_version_idx').on(t.enteId, t.version),
    index('monitoring_report_snapshot_idx').on(t.snapshotId),
  ],
);
