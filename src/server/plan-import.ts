/**
 * The plan importer service: stores a ParsedPlan (domain/plan-text) for an ente as plan, area,
 * objective and phase rows with fresh uuids, every phase not started. Runs in the caller's
 * transaction; the rows take consecutive versions from the ente's counter (one each, so a pull page
 * can end between any two of them). Not idempotent: importing twice makes two plans.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedPlan } from '../domain/plan-text/parsed-plan.ts';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './db/database.ts';
import { area, objective, phase, plan, type PlanEvent } from './db/schema.ts';
import { allocateVersions } from './sync/versions.ts';

export interface ImportedPhase {
  id: string;
  number: number;
  deadline: string | null;
}
export interface ImportedObjective {
  id: string;
  number: string;
  state: string;
  phases: ImportedPhase[];
}
export interface ImportedArea {
  id: string;
  name: string;
  objectives: ImportedObjective[];
}
export interface ImportedPlan {
  planId: string;
  areas: ImportedArea[];
}

async function insertChunked<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500));
}

export async function importParsedPlan(
  tx: Tx,
  input: {
    enteId: string;
    plan: ParsedPlan;
    title: string;
    years: number[];
    /** The performance year; the first of `years` when absent. */
    year?: number;
    /** `draft` for an admin's import (protocol Part 2); the demo stores its plan approved. */
    status?: 'draft' | 'approved';
    events?: PlanEvent[];
    /** The client's id for the plan (an import safe to repeat); a fresh uuid when absent. */
    planId?: string;
  },
): Promise<ImportedPlan> {
  const { enteId, plan: parsed } = input;
  const count =
    1 + parsed.areas.reduce((n, a) => n + 1 + a.objectives.reduce((m, o) => m + 1 + o.phases.length, 0), 0);
  let version = await allocateVersions(tx, enteId, count);
  const next = () => version++;

  const planId = input.planId ?? randomUUID();
  await tx.insert(plan).values({
    id: planId,
    enteId,
    title: input.title,
    years: input.years,
    year: input.year ?? input.years[0] ?? new Date().getFullYear(),
    status: input.status ?? 'approved',
    events: input.events ?? [],
    acts: parsed.acts,
    version: next(),
  });
  const areaRows: (typeof area.$inferInsert)[] = [];
  const objectiveRows: (typeof objective.$inferInsert)[] = [];
  const phaseRows: (typeof phase.$inferInsert)[] = [];
  const imported: ImportedArea[] = parsed.areas.map((a, areaIndex) => {
    const areaId = randomUUID();
    areaRows.push({
      id: areaId,
      enteId,
      planId,
      name: a.name,
      position: areaIndex,
      head: null,
      motivation: a.motivation,
      version: next(),
    });
    const objectives = a.objectives.map((o, objectiveIndex) => {
      const objectiveId = randomUUID();
      objectiveRows.push({
        id: objectiveId,
        enteId,
        areaId,
        number: o.number,
        title: o.title,
        indicator: o.indicator,
        subjects: o.subjects,
        state: o.state,
        motivation: o.motivation,
        weightHead: o.weights.head,
        weightGiunta: o.weights.giunta,
        weightNucleo: o.weights.nucleo,
        position: objectiveIndex,
        version: next(),
      });
      const phases = o.phases.map((p) => {
        const phaseId = randomUUID();
        phaseRows.push({
          id: phaseId,
          enteId,
          objectiveId,
          areaId,
          number: p.number,
          indicator: p.indicator,
          subjects: p.subjects,
          description: p.description,
          weight: p.weight,
          weightUnit: p.weightUnit,
          deadline: p.deadline,
          status: 'not_started',
          percent: 0,
          version: next(),
        });
        return { id: phaseId, number: p.number, deadline: p.deadline };
      });
      return { id: objectiveId, number: o.number, state: o.state, phases };
    });
    return { id: areaId, name: a.name, objectives };
  });
  await insertChunked(tx, area, areaRows);
  await insertChunked(tx, objective, objectiveRows);
  await insertChunked(tx, phase, phaseRows);
  return { planId, areas: imported };
}
