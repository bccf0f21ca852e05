/**
 * Schemas of the domain entities as they cross the wire (sync rows, mutations, imports). Each schema is
 * checked at compile time against the domain type, so the two cannot drift apart: a field added to
 * src/domain/plan.ts without its schema here fails the typecheck.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import type {
  ApprovingAct,
  Area,
  Ente,
  Note,
  Objective,
  ObjectiveWeights,
  Phase,
  Plan,
} from '../domain/plan.ts';
import { OBJECTIVE_STATES, PHASE_STATUSES, WEIGHT_SETS, WEIGHT_UNITS } from '../domain/plan.ts';

export const NOTE_TEXT_MAX = 5000;

// Ids are uuids when minted by the app, but imports and tests use readable ids: only bound the size.
export const idSchema = z.string().min(1).max(128);
export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

const weightSchema = z.number().finite().nonnegative();

export const phaseStatusSchema = z.enum(PHASE_STATUSES);
export const weightSetSchema = z.enum(WEIGHT_SETS);
export const weightUnitSchema = z.enum(WEIGHT_UNITS);
export const objectiveStateSchema = z.enum(OBJECTIVE_STATES);

export const enteSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(300),
});

export const approvingActSchema = z.object({
  body: z.string().min(1).max(300),
  number: z.string().min(1).max(50),
  date: isoDateSchema.nullable(),
});

export const planSchema = z.object({
  id: idSchema,
  enteId: idSchema,
  title: z.string().min(1).max(500),
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  acts: z.array(approvingActSchema),
});

export const areaSchema = z.object({
  id: idSchema,
  planId: idSchema,
  name: z.string().min(1).max(300),
  head: z.string().max(300).nullable(),
  position: z.number().int().nonnegative(),
  motivation: z.string().max(5000).nullable(),
});

export const objectiveWeightsSchema = z.object({
  head: weightSchema.nullable(),
  giunta: weightSchema.nullable(),
  nucleo: weightSchema.nullable(),
});

export const objectiveSchema = z.object({
  id: idSchema,
  areaId: idSchema,
  number: z.string().min(1).max(20),
  title: z.string().min(1).max(2000),
  indicator: z.string().max(2000),
  subjects: z.string().max(2000),
  weights: objectiveWeightsSchema,
  state: objectiveStateSchema,
  motivation: z.string().max(5000).nullable(),
});

// No cross-field refinements (e.g. done ⇒ percent 100) so that mutation schemas can .pick() fields;
// the calculations already read a done phase as 100 whatever its percent.
export const phaseSchema = z.object({
  id: idSchema,
  objectiveId: idSchema,
  areaId: idSchema,
  number: z.number().int().positive(),
  indicator: z.string().max(2000),
  subjects: z.string().max(2000),
  description: z.string().max(10000),
  weight: weightSchema.nullable(),
  weightUnit: weightUnitSchema.nullable(),
  deadline: isoDateSchema.nullable(),
  status: phaseStatusSchema,
  percent: z.number().min(0).max(100),
  updatedBy: idSchema.nullable(),
  updatedAt: isoDateTimeSchema.nullable(),
});

export const noteTextSchema = z
  .string()
  .min(1)
  .max(NOTE_TEXT_MAX)
  .refine((text) => text.trim().length > 0, { message: 'a note cannot be blank' });

export const noteSchema = z.object({
  id: idSchema,
  objectiveId: idSchema,
  phaseId: idSchema.nullable(),
  authorId: idSchema,
  text: noteTextSchema,
  createdAt: isoDateTimeSchema,
  attachmentIds: z.array(idSchema).max(20),
});

// Compile-time checks both ways: what a schema accepts is a domain value, and every domain value's
// shape is what the schema describes (no field missing on either side).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _checks = {
  ente: true satisfies Same<z.infer<typeof enteSchema>, Ente>,
  act: true satisfies Same<z.infer<typeof approvingActSchema>, ApprovingAct>,
  plan: true satisfies Same<z.infer<typeof planSchema>, Plan>,
  area: true satisfies Same<z.infer<typeof areaSchema>, Area>,
  weights: true satisfies Same<z.infer<typeof objectiveWeightsSchema>, ObjectiveWeights>,
  objective: true satisfies Same<z.infer<typeof objectiveSchema>, Objective>,
  phase: true satisfies Same<z.infer<typeof phaseSchema>, Phase>,
  note: true satisfies Same<z.infer<typeof noteSchema>, Note>,
};
const _phaseType: z.ZodType<Phase> = phaseSchema;
