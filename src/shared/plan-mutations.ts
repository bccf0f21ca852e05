/**
 * Args of the plan mutations of protocol v2 (Part 2 of ../shared/protocol.md, docs/protocol.md):
 * the plan's life and its amendments, pushed like every mutation (offline, exactly once).
 *
 * - Ids are the client's: an `*.add` or `objective.replace` whose id already exists answers `applied`
 *   and changes nothing.
 * - In `changes`, `null` clears a field; an absent field is left as it is.
 * - On an approved plan every mutation here but `plan.approve`, `ente.setSettings` and
 *   `amendment.setAct` must carry `amendment` (motivation 1–2,000 characters, the act optional);
 *   the server refuses it `invalid` without one. On a draft the amendment is ignored.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { WEIGHT_UNITS } from '../domain/plan.ts';
import { cycleMutationArgsSchemas } from './cycle-mutations.ts';

const id = z.string().min(1).max(64);
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });
const weight = z.number().finite().nonnegative().max(10_000);

export const ACT_BODIES = ['giunta', 'consiglio', 'sindaco', 'dirigente', 'altro'] as const;
export type ActBody = (typeof ACT_BODIES)[number];

export const actSchema = z.object({
  body: z.enum(ACT_BODIES),
  number: z.string().trim().min(1).max(50),
  date: isoDate,
});
export type Act = z.infer<typeof actSchema>;

export const AMENDMENT_MOTIVATION_MAX = 2000;
export const amendmentSchema = z.object({
  motivation: z.string().trim().min(1).max(AMENDMENT_MOTIVATION_MAX),
  act: actSchema.optional(),
});
export type AmendmentInput = z.infer<typeof amendmentSchema>;

const amendment = { amendment: amendmentSchema.optional() };

export const objectiveWeightsArgsSchema = z.object({
  head: weight.nullable(),
  giunta: weight.nullable(),
  nucleo: weight.nullable(),
});

const objectiveNumber = z.string().trim().min(1).max(20);
const title = z.string().trim().min(1).max(2000);
const longText = z.string().max(2000);
const phaseNumber = z.number().int().min(1).max(999);

export const planApproveArgsSchema = z.object({ planId: id, act: actSchema });
export const enteSetSettingsArgsSchema = z.object({ headsMayAmend: z.boolean() });

export const areaAddArgsSchema = z.object({
  areaId: id,
  planId: id,
  name: z.string().trim().min(1).max(300),
  position: z.number().int().min(0).max(10_000).optional(),
  ...amendment,
});
export const areaUpdateArgsSchema = z.object({
  areaId: id,
  changes: z
    .object({
      name: z.string().trim().min(1).max(300).optional(),
      position: z.number().int().min(0).max(10_000).optional(),
      /** The head's name as the plan prints it ("Dott.ssa Rossi"), or null. */
      head: z.string().trim().max(300).nullable().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, { message: 'no change' }),
  ...amendment,
});
/** Extension: an area without objectives taken out of the plan (refused while it has objectives). */
export const areaRemoveArgsSchema = z.object({ areaId: id, ...amendment });

export const objectiveAddArgsSchema = z.object({
  objectiveId: id,
  areaId: id,
  number: objectiveNumber,
  title,
  indicator: longText.optional(),
  subjects: longText.optional(),
  weights: objectiveWeightsArgsSchema.optional(),
  ...amendment,
});
export const objectiveUpdateArgsSchema = z.object({
  objectiveId: id,
  changes: z
    .object({
      number: objectiveNumber.optional(),
      title: title.optional(),
      indicator: longText.nullable().optional(),
      subjects: longText.nullable().optional(),
      weights: objectiveWeightsArgsSchema.optional(),
    })
    .refine((c) => Object.keys(c).length > 0, { message: 'no change' }),
  ...amendment,
});
export const objectiveRemoveArgsSchema = z.object({ objectiveId: id, ...amendment });
export const objectiveReplaceArgsSchema = z.object({
  objectiveId: id,
  replacement: z.object({
    objectiveId: id,
    number: objectiveNumber,
    title,
    indicator: longText.optional(),
    weights: objectiveWeightsArgsSchema.optional(),
  }),
  ...amendment,
});

export const phaseAddArgsSchema = z.object({
  phaseId: id,
  objectiveId: id,
  number: phaseNumber,
  description: z.string().trim().min(1).max(2000),
  indicator: longText.optional(),
  subjects: longText.optional(),
  weight: weight.nullable().optional(),
  weightUnit: z.enum(WEIGHT_UNITS).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  ...amendment,
});
export const phaseUpdateArgsSchema = z.object({
  phaseId: id,
  changes: z
    .object({
      number: phaseNumber.optional(),
      description: z.string().trim().min(1).max(2000).optional(),
      indicator: longText.nullable().optional(),
      subjects: longText.nullable().optional(),
      weight: weight.nullable().optional(),
      weightUnit: z.enum(WEIGHT_UNITS).nullable().optional(),
      deadline: isoDate.nullable().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, { message: 'no change' }),
  ...amendment,
});
export const phaseRemoveArgsSchema = z.object({ phaseId: id, ...amendment });

export const amendmentSetActArgsSchema = z.object({ amendmentId: id, act: actSchema });

export const planMutationArgsSchemas = {
  'plan.approve': planApproveArgsSchema,
  'ente.setSettings': enteSetSettingsArgsSchema,
  'area.add': areaAddArgsSchema,
  'area.update': areaUpdateArgsSchema,
  'area.remove': areaRemoveArgsSchema,
  'objective.add': objectiveAddArgsSchema,
  'objective.update': objectiveUpdateArgsSchema,
  'objective.remove': objectiveRemoveArgsSchema,
  'objective.replace': objectiveReplaceArgsSchema,
  'phase.add': phaseAddArgsSchema,
  'phase.update': phaseUpdateArgsSchema,
  'phase.remove': phaseRemoveArgsSchema,
  'amendment.setAct': amendmentSetActArgsSchema,
  // Evaluation, close/reopen, snapshots and monitoring (shared/cycle-mutations.ts).
  ...cycleMutationArgsSchemas,
} as const;
export type PlanMutationName = keyof typeof planMutationArgsSchemas;
export type PlanMutationArgs = { [K in PlanMutationName]: z.infer<(typeof planMutationArgsSchemas)[K]> };

/** The plan mutations that change the structure: amendments once the plan is approved. */
export const STRUCTURE_MUTATIONS = [
  'area.add',
  'area.update',
  'area.remove',
  'objective.add',
  'objective.update',
  'objective.remove',
  'objective.replace',
  'phase.add',
  'phase.update',
  'phase.remove',
] as const satisfies readonly PlanMutationName[];
export type StructureMutationName = (typeof STRUCTURE_MUTATIONS)[number];
