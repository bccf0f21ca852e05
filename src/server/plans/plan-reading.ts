/**
 * A stored plan read back as the tables of its areas, objectives and phases (ids included, in the
 * plan's order), for the exports and for an import answered again. Tombstones are left out; a
 * draft is read only by admins (the caller checks).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TableArea, TableObjective, TablePhase } from '../../domain/plan-table/write-plan-table.ts';
import type { ObjectiveState, PhaseStatus, WeightUnit } from '../../domain/plan.ts';
import type { Queryable } from '../db/database.ts';
import { area, objective, phase, plan } from '../db/schema.ts';

export type StoredPlan = typeof plan.$inferSelect;

export async function findEntePlan(q: Queryable, enteId: string, planId: string): Promise<StoredPlan | null> {
  const [row] = await q
    .select()
    .from(plan)
    .where(and(eq(plan.id, planId), eq(plan.enteId, enteId), eq(plan.deleted, false)));
  return row ?? null;
}

export async function readPlanTables(q: Queryable, planId: string): Promise<(TableArea & { id: string })[]> {
  const areas = await q
    .select()
    .from(area)
    .where(and(eq(area.planId, planId), eq(area.deleted, false)))
    .orderBy(asc(area.position), asc(area.id));
  if (areas.length === 0) return [];
  const areaIds = areas.map((a) => a.id);
  const objectives = await q
    .select()
    .from(objective)
    .where(and(inArray(objective.areaId, areaIds), eq(objective.deleted, false)))
    .orderBy(asc(objective.position), asc(objective.id));
  const phases = await q
    .select()
    .from(phase)
    .where(and(inArray(phase.areaId, areaIds), eq(phase.deleted, false)))
    .orderBy(asc(phase.number), asc(phase.id));
  const phasesOf = new Map<string, TablePhase[]>();
  for (const p of phases) {
    const list = phasesOf.get(p.objectiveId) ?? [];
    list.push({
      id: p.id,
      number: p.number,
      description: p.description,
      indicator: p.indicator,
      subjects: p.subjects,
      weight: p.weight,
      weightUnit: p.weightUnit as WeightUnit | null,
      deadline: p.deadline,
      status: p.status as PhaseStatus,
      percent: p.percent,
    });
    phasesOf.set(p.objectiveId, list);
  }
  const objectivesOf = new Map<string, TableObjective[]>();
  for (const o of objectives) {
    const list = objectivesOf.get(o.areaId) ?? [];
    list.push({
      id: o.id,
      number: o.number,
      title: o.title,
      indicator: o.indicator,
      subjects: o.subjects,
      state: o.state as ObjectiveState,
      motivation: o.motivation,
      weights: { head: o.weightHead, giunta: o.weightGiunta, nucleo: o.weightNucleo },
      phases: phasesOf.get(o.id) ?? [],
    });
    objectivesOf.set(o.areaId, list);
  }
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    motivation: a.motivation,
    objectives: objectivesOf.get(a.id) ?? [],
  }));
}
