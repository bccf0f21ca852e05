/**
 * Plans in and out (protocol Part 2): POST /api/plans/import (admins: a preview with `dryRun`, else
 * a draft plan, safe to repeat with the client's `planId`), the CSV/XLSX templates, and the exports
 * of a plan with its progress (every role that sees the plan; a draft only its admins).
 * Online routes, not sync mutations: a file in, a file out.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { planTableRows, templateRows } from '../../domain/plan-table/write-plan-table.ts';
import type { ParsedPlan } from '../../domain/plan-text/parsed-plan.ts';
import type { PlanWarning } from '../../domain/plan-warnings.ts';
import {
  IMPORT_LIMIT,
  planImportRequestSchema,
  planRolloverRequestSchema,
  type ImportedPlanPreview,
} from '../../shared/plan-import.ts';
import { rollOver } from '../../domain/plan-rollover.ts';
import type { SessionUser } from '../../shared/auth.ts';
import type { AppContext } from '../app.ts';
import { requireUser } from '../auth/request-user.ts';
import { writeAudit } from '../audit.ts';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { plan } from '../db/schema.ts';
import { HttpError } from '../http-errors.ts';
import { pickLang } from '../messages.ts';
import { importParsedPlan } from '../plan-import.ts';
import { openDataCsv, readOpenData } from '../plan-exchange/open-data.ts';
import { csvFromRows, xlsxFromRows } from '../plan-exchange/plan-files.ts';
import { readPlanContent } from '../plan-exchange/read-plan-content.ts';
import { carryAreaRights } from '../plans/carry-area-rights.ts';
import { findEntePlan, readPlanTables, type StoredPlan } from '../plans/plan-reading.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const planParams = z.object({ planId: z.string().min(1).max(64) });

function previewOf(plan: ParsedPlan, title: string, year: number): ImportedPlanPreview {
  return {
    title,
    year,
    acts: plan.acts,
    areas: plan.areas.map((a) => ({
      name: a.name,
      motivation: a.motivation,
      objectives: a.objectives.map((o) => ({
        number: o.number,
        title: o.title,
        state: o.state,
        motivation: o.motivation,
        weights: o.weights,
        phases: o.phases.map((p) => ({
          number: p.number,
          description: p.description,
          deadline: p.deadline,
          weight: p.weight,
          weightUnit: p.weightUnit,
        })),
      })),
    })),
  };
}

async function storedPreview(tx: Tx, stored: StoredPlan): Promise<ImportedPlanPreview> {
  const areas = await readPlanTables(tx, stored.id);
  return {
    title: stored.title,
    year: stored.year,
    acts: stored.acts,
    areas: areas.map((a) => ({
      id: a.id,
      name: a.name,
      motivation: a.motivation,
      objectives: a.objectives.map((o) => ({
        id: o.id ?? '',
        number: o.number,
        title: o.title,
        state: o.state,
        motivation: o.motivation,
        weights: o.weights,
        phases: o.phases.map((p) => ({
          id: p.id ?? '',
          number: p.number,
          description: p.description,
          deadline: p.deadline,
          weight: p.weight,
          weightUnit: p.weightUnit,
        })),
      })),
    })),
  };
}

/** One plan a year: an approved or closed plan of that year refuses another (drafts may be several). */
async function requireYearFree(tx: Tx, enteId: string, year: number): Promise<void> {
  const [taken] = await tx
    .select({ id: plan.id })
    .from(plan)
    .where(
      and(eq(plan.enteId, enteId), eq(plan.year, year), eq(plan.deleted, false), ne(plan.status, 'draft')),
    );
  if (taken) throw new HttpError('conflict', 'plan_year_taken', { year });
}

async function requireAdmin(ctx: AppContext, request: FastifyRequest): Promise<SessionUser> {
  const user = await requireUser(ctx.db, request, ctx.now());
  if (user.role !== 'admin') throw new HttpError('forbidden');
  return user;
}

/** A plan the user may see: the ente's, and a draft only for its admins (404 otherwise). */
async function visiblePlan(ctx: AppContext, request: FastifyRequest): Promise<StoredPlan> {
  const user = await requireUser(ctx.db, request, ctx.now());
  const params = planParams.safeParse(request.params);
  const stored = params.success ? await findEntePlan(ctx.db, user.enteId, params.data.planId) : null;
  if (!stored || (stored.status === 'draft' && user.role !== 'admin')) throw new HttpError('not_found');
  return stored;
}

function download(reply: FastifyReply, name: string, type: string, body: string | Uint8Array) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(typeof body === 'string' ? body : Buffer.from(body));
}

function fileName(stored: StoredPlan, ext: string): string {
  return `piano-${stored.year}-${stored.id.slice(0, 8)}.${ext}`;
}

export function registerPlanRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/plans/import',
    { bodyLimit: Math.ceil(IMPORT_LIMIT * 1.4) + 4096 },
    async (request, reply) => {
      const user = await requireAdmin(ctx, request);
      const parsed = planImportRequestSchema.safeParse(request.body);
      if (!parsed.success)
        throw new HttpError('bad_request', 'bad_envelope', { detail: parsed.error.issues[0]?.message ?? '' });
      const input = parsed.data;
      const lang = pickLang(request.headers['accept-language']);
      const read = await readPlanContent(input.format, input.content, input.year);
      if (!read.ok) {
        const { message, messageEn, ...where } = read.problem;
        return reply
          .code(400)
          .send({ error: { code: 'bad_request', message: lang === 'en' ? messageEn : message, ...where } });
      }
      const title = input.title ?? `Piano della performance ${input.year}`;
      const warnings = read.warnings.map((w: PlanWarning) => ({
        ...(input.format === 'text' ? { line: w.line } : { row: w.line }),
        message: lang === 'en' ? w.messageEn : w.message,
      }));
      if (input.dryRun) return { plan: previewOf(read.plan, title, input.year), warnings };

      const now = ctx.now();
      const result = await ctx.db.transaction(async (tx) => {
        const existing = input.planId ? await findEntePlan(tx, user.enteId, input.planId) : null;
        if (existing) return { status: 200, stored: existing };
        await requireYearFree(tx, user.enteId, input.year);
        const imported = await importParsedPlan(tx, {
          enteId: user.enteId,
          plan: read.plan,
          title,
          years: [input.year, input.year + 1, input.year + 2],
          year: input.year,
          status: 'draft',
          ...(input.planId ? { planId: input.planId } : {}),
        });
        await carryAreaRights(tx, { enteId: user.enteId, planId: imported.planId, adminId: user.id, now });
        await writeAudit(tx, {
          enteId: user.enteId,
          at: now,
          userId: user.id,
          action: 'plan.import',
          entity: 'plan',
          entityId: imported.planId,
          after: { title, year: input.year, format: input.format },
        });
        const stored = await findEntePlan(tx, user.enteId, imported.planId);
        if (!stored) throw new Error('imported plan not found');
        return { status: 201, stored };
      });
      const plan = await ctx.db.transaction((tx) => storedPreview(tx, result.stored));
      return reply.code(result.status).send({ plan, warnings, planId: result.stored.id });
    },
  );

  // Extension: a new draft for another year with the objectives the admin picks, deadlines moved.
  app.post('/api/plans/:planId/rollover', async (request, reply) => {
    const user = await requireAdmin(ctx, request);
    const params = planParams.safeParse(request.params);
    const parsed = planRolloverRequestSchema.safeParse(request.body);
    if (!parsed.success)
      throw new HttpError('bad_request', 'bad_envelope', { detail: parsed.error.issues[0]?.message ?? '' });
    const input = parsed.data;
    const now = ctx.now();
    const result = await ctx.db.transaction(async (tx) => {
      const source = params.success ? await findEntePlan(tx, user.enteId, params.data.planId) : null;
      if (!source) throw new HttpError('not_found');
      const existing = await findEntePlan(tx, user.enteId, input.newPlanId);
      if (existing) return { status: 200, stored: existing };
      await requireYearFree(tx, user.enteId, input.year);
      const parsedPlan = rollOver(
        await readPlanTables(tx, source.id),
        new Set(input.objectiveIds),
        input.year - source.year,
      );
      const imported = await importParsedPlan(tx, {
        enteId: user.enteId,
        plan: parsedPlan,
        title: input.title ?? `Piano della performance ${input.year}`,
        years: [input.year, input.year + 1, input.year + 2],
        year: input.year,
        status: 'draft',
        planId: input.newPlanId,
      });
      await carryAreaRights(tx, { enteId: user.enteId, planId: imported.planId, adminId: user.id, now });
      await writeAudit(tx, {
        enteId: user.enteId,
        at: now,
        userId: user.id,
        action: 'plan.import',
        entity: 'plan',
        entityId: imported.planId,
        after: { rolledOverFrom: source.id, year: input.year, objectives: input.objectiveIds.length },
      });
      const stored = await findEntePlan(tx, user.enteId, imported.planId);
      if (!stored) throw new Error('rolled-over plan not found');
      return { status: 201, stored };
    });
    const plan = await ctx.db.transaction((tx) => storedPreview(tx, result.stored));
    return reply.code(result.status).send({ plan, warnings: [], planId: result.stored.id });
  });

  app.get('/api/plans/template.csv', async (_request, reply) =>
    download(
      reply,
      'modello-piano.csv',
      'text/csv; charset=utf-8',
      await csvFromRows(templateRows('it', new Date().getFullYear())),
    ),
  );
  app.get('/api/plans/template.xlsx', async (_request, reply) =>
    download(
      reply,
      'modello-piano.xlsx',
      XLSX_TYPE,
      await xlsxFromRows(templateRows('it', new Date().getFullYear()), 'Piano'),
    ),
  );

  app.get('/api/plans/:planId/export.csv', async (request, reply) => {
    const stored = await visiblePlan(ctx, request);
    const rows = planTableRows(await readPlanTables(ctx.db, stored.id));
    return download(reply, fileName(stored, 'csv'), 'text/csv; charset=utf-8', await csvFromRows(rows));
  });
  app.get('/api/plans/:planId/export.xlsx', async (request, reply) => {
    const stored = await visiblePlan(ctx, request);
    const rows = planTableRows(await readPlanTables(ctx.db, stored.id));
    return download(reply, fileName(stored, 'xlsx'), XLSX_TYPE, await xlsxFromRows(rows, 'Piano'));
  });
  // Open data for Amministrazione Trasparente (docs/open-data.md): one row per objective.
  app.get('/api/plans/:planId/open-data.csv', async (request, reply) => {
    const stored = await visiblePlan(ctx, request);
    const csv = await openDataCsv(await readOpenData(ctx.db, stored, ctx.now()));
    return download(reply, `dati-aperti-performance-${stored.year}.csv`, 'text/csv; charset=utf-8', csv);
  });
}
