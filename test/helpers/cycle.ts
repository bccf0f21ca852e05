/**
 * The Nucleo's mutations and the demo's people for the evaluation and close tests (integration, over
 * real HTTP):
 *
 *   const demo = await demoCycle(server);                 // every demo user signed in, the 2022 plan read
 *   await push(demo.nucleo, [evaluate(objectiveId, 80, 'Raggiunto')]);
 *   expect(codes(await push(demo.officer, [close(demo.planId)]))).toEqual(['forbidden']);
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/db/database.ts';
import type { PushResult } from '../../src/shared/push.ts';
import { loginAs, type TestServer } from './server.ts';
import { TestDevice, type DraftMutation } from './server-sync.ts';

export const m = (name: string, args: Record<string, unknown>): DraftMutation => ({ name, args });
export const evaluate = (objectiveId: string, percent: number | null, comment = ''): DraftMutation =>
  m('evaluation.setObjective', { objectiveId, percent, comment });
export const verdict = (
  phaseId: string,
  value: 'validated' | 'contested' | null,
  reason?: string,
): DraftMutation =>
  m('evaluation.setPhaseVerdict', { phaseId, verdict: value, ...(reason === undefined ? {} : { reason }) });
export const selfAssess = (objectiveId: string, percent: number | null, note = ''): DraftMutation =>
  m('selfAssessment.set', { objectiveId, percent, note });
export const close = (planId: string): DraftMutation => m('plan.close', { planId });
export const reopen = (planId: string, reason?: string): DraftMutation =>
  m('plan.reopen', reason === undefined ? { planId } : { planId, reason });
export const amendment = { motivation: 'Riprogrammazione approvata in Giunta' };

export async function push(device: TestDevice, drafts: DraftMutation[]): Promise<PushResult[]> {
  return (await device.push(drafts)).results;
}

/** Each result as its status, or its reason code when rejected. */
export function codes(results: readonly PushResult[]): string[] {
  return results.map((r) => r.reason?.code ?? r.status);
}

export interface DemoObjective {
  id: string;
  areaId: string;
  state: string;
  number: string;
}
export interface DemoPhase {
  id: string;
  objectiveId: string;
  areaId: string;
  status: string;
  removed?: boolean;
}

/** Every demo user of Asola on a v2 device of their own, and the 2022 plan as the admin pulls it. */
export async function demoCycle(server: TestServer) {
  const device = async (username: string) => new TestDevice(await loginAs(server, username), undefined, 2);
  const admin = await device('admin');
  const nucleo = await device('nucleo');
  const headPersona = await device('resp.persona');
  const headSuap = await device('resp.suap');
  const officer = await device('istruttore.persona');
  const viewer = await device('lettore');
  const provaAdmin = await device('admin.prova');
  await admin.pullAll();
  const plans = admin.all<{ year: number; status: string }>('plan').filter((p) => p.data.year === 2022);
  const planId = plans[0]?.id;
  if (!planId) throw new Error('no 2022 plan');
  const areas = admin.all<{ name: string; planId: string }>('area').filter((a) => a.data.planId === planId);
  const areaId = (fragment: string): string => {
    const a = areas.find((r) => r.data.name.toLowerCase().includes(fragment));
    if (!a) throw new Error(`no area ${fragment}`);
    return a.id;
  };
  const areaIds = new Set(areas.map((a) => a.id));
  const objectives: DemoObjective[] = admin
    .all<Omit<DemoObjective, 'id'>>('objective')
    .filter((o) => areaIds.has(o.data.areaId))
    .map((o) => ({ id: o.id, ...o.data }));
  const phases: DemoPhase[] = admin
    .all<Omit<DemoPhase, 'id'>>('phase')
    .filter((p) => areaIds.has(p.data.areaId))
    .map((p) => ({ id: p.id, ...p.data }));
  const counting = (o: DemoObjective) => o.state === 'active' || o.state === 'modified';
  /** The open objectives of an area, in a stable order. */
  const openObjectives = (fragment: string) =>
    objectives
      .filter((o) => o.areaId === areaId(fragment) && counting(o))
      .sort((a, b) => a.id.localeCompare(b.id));
  const phasesOf = (objectiveId: string) =>
    phases
      .filter((p) => p.objectiveId === objectiveId && !p.removed)
      .sort((a, b) => a.id.localeCompare(b.id));
  return {
    admin,
    nucleo,
    headPersona,
    headSuap,
    officer,
    viewer,
    provaAdmin,
    planId,
    areaId,
    objectives,
    openObjectives,
    phasesOf,
  };
}

/** Rows of a server query (for checks the wire does not show: versions, audit entries). */
export async function query<T>(server: TestServer, q: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await server.database.db.execute(q));
}

/** The audit entries of one device, oldest first, as [action, entity, entityId]. */
export async function auditOf(server: TestServer, device: TestDevice): Promise<[string, string, string][]> {
  const rows = await query<{ action: string; entity: string; entity_id: string }>(
    server,
    sql`SELECT action, entity, entity_id FROM audit_entry WHERE client_id = ${device.clientId} ORDER BY at, id`,
  );
  return rows.map((r) => [r.action, r.entity, r.entity_id]);
}
