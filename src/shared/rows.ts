import { z } from 'zod';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_UNITS } from '../domain/plan.ts';

/** The `data` of each row type a pull returns (protocol v1; more fields welcome). */
const nullableText = z.string().nullable();

export const enteRowSchema = z.object({ name: z.string() });
export const planRowSchema = z.object({
  enteId: z.string(),
  title: z.string(),
  years: z.array(z.number()),
  /** Extension: the approving acts (body, number, date). */
  acts: z.array(z.object({ body: z.string(), number: z.string(), date: nullableText })).optional(),
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
