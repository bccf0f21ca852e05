/**
 * POST /api/plans/import (protocol Part 2 "Import"): the request, and the plan as read, returned for
 * the preview (`dryRun`) and after storing it as a draft (with the new ids).
 */
import { z } from 'zod';

export const IMPORT_LIMIT = 10 * 1024 * 1024;

export const planImportRequestSchema = z.object({
  format: z.enum(['text', 'csv', 'xlsx']),
  content: z.string().min(1).max(IMPORT_LIMIT),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(500).optional(),
  planId: z.uuid().optional(),
  dryRun: z.boolean().optional(),
});
export type PlanImportRequest = z.infer<typeof planImportRequestSchema>;

export const importedPhaseSchema = z.object({
  id: z.string().optional(),
  number: z.number(),
  description: z.string(),
  deadline: z.string().nullable(),
  weight: z.number().nullable(),
  weightUnit: z.enum(['percent', 'points']).nullable(),
});
export const importedObjectiveSchema = z.object({
  id: z.string().optional(),
  number: z.string(),
  title: z.string(),
  state: z.enum(['active', 'modified', 'replaced', 'removed']),
  motivation: z.string().nullable(),
  weights: z.object({
    head: z.number().nullable(),
    giunta: z.number().nullable(),
    nucleo: z.number().nullable(),
  }),
  phases: z.array(importedPhaseSchema),
});
export const importedPlanSchema = z.object({
  title: z.string(),
  year: z.number(),
  acts: z.array(z.object({ body: z.string(), number: z.string(), date: z.string().nullable() })),
  areas: z.array(
    z.object({
      id: z.string().optional(),
      name: z.string(),
      motivation: z.string().nullable(),
      objectives: z.array(importedObjectiveSchema),
    }),
  ),
});
export const planWarningSchema = z.object({
  line: z.number().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export const planImportResponseSchema = z.object({
  plan: importedPlanSchema,
  warnings: z.array(planWarningSchema),
  planId: z.string().optional(),
});
export type PlanImportResponse = z.infer<typeof planImportResponseSchema>;
export type ImportedPlanPreview = z.infer<typeof importedPlanSchema>;

/** POST /api/plans/<planId>/rollover (extension): a new draft for another year from chosen objectives. */
export const planRolloverRequestSchema = z.object({
  newPlanId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(500).optional(),
  objectiveIds: z.array(z.string().min(1).max(64)).max(10_000),
});
export type PlanRolloverRequest = z.infer<typeof planRolloverRequestSchema>;
