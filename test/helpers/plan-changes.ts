/**
 * The device of the plan-change tests (src/client/db/plan-changes*.idb.test.ts): the seeded plan tree
 * with two phases, the admin's session, an amendment, and a snapshot of the tables plan changes touch.
 */
import { saveSession } from '../../src/client/db/session.ts';
import type { PlanRecord, TraguardiDb } from '../../src/client/db/schema.ts';
import { makeLogin, makePhase, makeUser, newBrowser, openTab, seedPlanTree } from './device.ts';

export const admin = makeUser({ id: 'u-admin', role: 'admin', areaIds: [] });
export const amendment = {
  motivation: 'Riorganizzazione degli uffici',
  act: { body: 'giunta' as const, number: '42', date: '2022-06-30' },
};
export const PHASES = [makePhase(), makePhase({ id: 'ph-2', number: 2, deadline: '2022-09-30' })];

export async function device(plan: Partial<PlanRecord> = {}): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, plan, PHASES);
  await saveSession(db, makeLogin({ id: admin.id, role: 'admin', areaIds: [] }));
  return db;
}

/** Every row of the tables plan changes touch, to compare a device before and after. */
export async function snapshot(db: TraguardiDb) {
  return {
    ente: await db.ente.toArray(),
    plans: await db.plans.toArray(),
    areas: await db.areas.toArray(),
    objectives: await db.objectives.toArray(),
    phases: await db.phases.toArray(),
    amendments: await db.amendments.toArray(),
    objectiveFacts: await db.objectiveFacts.toArray(),
    phaseFacts: await db.phaseFacts.toArray(),
  };
}

export function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}
