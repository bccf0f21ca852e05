/**
 * The demo's plan of the current year (protocol Part 2, "Demo mode, part 2"): the 2022 sample rolled
 * over to this year (every objective still in the plan, deadlines moved), approved, with progress and
 * notes as a comune would have them by today, so a newcomer sees a year in progress beside the closed
 * one. Everything is labelled as demo data; the figures are deterministic for a given day.
 *
 * Progress, by phase in deadline order per area: a phase already due is done, except every seventh
 * (left in progress at 70 %) and every eleventh (not started: late); a phase due within 60 days is in
 * progress at 40 %; later ones are not started. Each change carries its history row by the area's
 * head; two notes per area name themselves as demo data.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { rollOver } from '../../domain/plan-rollover.ts';
import type { PhaseStatus } from '../../domain/plan.ts';
import type { Tx } from '../db/database.ts';
import { note, phase, phaseHistory, plan } from '../db/schema.ts';
import { importParsedPlan } from '../plan-import.ts';
import { carryAreaRights } from '../plans/carry-area-rights.ts';
import { readPlanTables } from '../plans/plan-reading.ts';
import { allocateVersions } from '../sync/versions.ts';

const DAY = 24 * 3600_000;

function progressFor(position: number, deadline: string | null, today: string, soon: string) {
  if (deadline !== null && deadline < today) {
    if (position % 11 === 10) return null;
    if (position % 7 === 6) return { status: 'in_progress' as PhaseStatus, percent: 70 };
    return { status: 'done' as PhaseStatus, percent: 100 };
  }
  if (deadline !== null && deadline <= soon) return { status: 'in_progress' as PhaseStatus, percent: 40 };
  return null;
}

export async function seedCurrentYearPlan(
  tx: Tx,
  input: {
    enteId: string;
    sourcePlanId: string;
    adminId: string; /** The user who records an area's progress, by the area's name. */
    headOf: (areaName: string) => string;
    now: Date;
  },
): Promise<string> {
  const { enteId, now } = input;
  const year = now.getUTCFullYear();
  const source = await readPlanTables(tx, input.sourcePlanId);
  const picked = new Set(source.flatMap((a) => a.objectives.flatMap((o) => (o.id ? [o.id] : []))));
  const parsed = rollOver(source, picked, year - 2022);
  const imported = await importParsedPlan(tx, {
    enteId,
    plan: parsed,
    title: `Piano della performance ${year} (dati dimostrativi)`,
    years: [year, year + 1, year + 2],
    year,
    status: 'approved',
    events: [{ kind: 'approved', at: `${year}-01-31T12:00:00.000Z`, userId: input.adminId }],
  });
  await tx
    .update(plan)
    .set({ acts: [{ body: 'giunta', number: '9', date: `${year}-01-31` }] })
    .where(eq(plan.id, imported.planId));
  await carryAreaRights(tx, { enteId, planId: imported.planId, adminId: input.adminId, now });

  const today = now.toISOString().slice(0, 10);
  const soon = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  for (const a of imported.areas) {
    const userId = input.headOf(a.name);
    const phases = a.objectives
      .flatMap((o) => o.phases)
      .map((p, order) => ({ ...p, order }))
      .sort((x, y) => (x.deadline ?? '9999').localeCompare(y.deadline ?? '9999') || x.order - y.order);
    for (const [position, p] of phases.entries()) {
      const progress = progressFor(position, p.deadline, today, soon);
      if (!progress) continue;
      const at = new Date(Math.min(now.getTime() - DAY, Date.parse(`${p.deadline ?? today}T10:00:00Z`)));
      const version = await allocateVersions(tx, enteId);
      await tx
        .update(phase)
        .set({ ...progress, updatedBy: userId, updatedAt: at, version })
        .where(eq(phase.id, p.id));
      const base = { enteId, phaseId: p.id, areaId: a.id, userId, at, conflict: false, version };
      await tx.insert(phaseHistory).values([
        { ...base, id: randomUUID(), field: 'status', before: 'not_started', after: progress.status },
        { ...base, id: randomUUID(), field: 'percent', before: 0, after: progress.percent },
      ]);
    }
    for (const [i, o] of a.objectives.slice(0, 2).entries()) {
      const version = await allocateVersions(tx, enteId);
      const createdAt = new Date(now.getTime() - (10 + i * 20) * DAY);
      await tx.insert(note).values({
        id: randomUUID(),
        enteId,
        objectiveId: o.id,
        phaseId: o.phases[0]?.id ?? null,
        areaId: a.id,
        authorId: userId,
        text:
          i === 0
            ? '[Dati dimostrativi] Verifica di metà anno: le attività procedono secondo il cronoprogramma.'
            : '[Dati dimostrativi] Sopralluogo svolto: documentazione raccolta, in attesa del parere degli uffici.',
        createdAt,
        receivedAt: createdAt,
        attachmentIds: [],
        version,
      });
    }
  }
  return imported.planId;
}
