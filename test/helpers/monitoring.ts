/**
 * Monitoring over real HTTP (tests of snapshot.take, monitoring.setReport, snapshot.closeRound): the
 * mutations as drafts, the demo's users signed in, and the live plan a device pulled read back in
 * the shapes the domain's figures and the dashboard read.
 */
import type { PhaseFact, ObjectiveFact } from '../../src/client/db/facts.ts';
import type { AreaRecord, PlanRecord } from '../../src/client/db/schema.ts';
import type { PlanData } from '../../src/client/ui/hooks/use-plan-data.ts';
import type { FigureInput, FreezablePhase } from '../../src/domain/snapshot-figures.ts';
import type { z } from 'zod';
import { rowDataSchemas, type SnapshotRow } from '../../src/shared/rows.ts';
import { loginAs, type Session } from './server.ts';
import type { DraftMutation, TestDevice } from './server-sync.ts';

export const take = (snapshotId: string, planId: string, asOf: string, label: string): DraftMutation => ({
  name: 'snapshot.take',
  args: { snapshotId, planId, asOf, label },
});

export interface ReportArgs {
  done: string;
  issues: string;
  reachable: boolean | null;
  action: string;
}

export const report = (snapshotId: string, objectiveId: string, content: ReportArgs): DraftMutation => ({
  name: 'monitoring.setReport',
  args: { snapshotId, objectiveId, ...content },
});

export const closeRound = (snapshotId: string): DraftMutation => ({
  name: 'snapshot.closeRound',
  args: { snapshotId },
});

export async function monitoringUsers(server: { url: string }) {
  return {
    admin: await loginAs(server, 'admin'),
    evaluator: await loginAs(server, 'nucleo'),
    head: await loginAs(server, 'resp.persona'),
    otherHead: await loginAs(server, 'resp.suap'),
    officer: await loginAs(server, 'istruttore.persona'),
    viewer: await loginAs(server, 'lettore'),
    otherEnte: await loginAs(server, 'admin.prova'),
  } satisfies Record<string, Session>;
}
export type MonitoringUsers = Awaited<ReturnType<typeof monitoringUsers>>;

/** The pulled snapshot row's data, parsed with the shared schema (the device reads it so). */
export function snapshotOf(device: TestDevice, id: string): SnapshotRow | undefined {
  const row = device.row('snapshot', id);
  return row ? rowDataSchemas.snapshot.parse(row.data) : undefined;
}

/** The device's live rows of a type (tombstones left out), parsed as the device stores them. */
function records<T>(
  device: TestDevice,
  type: string,
  schema: z.ZodType<T>,
): (T & { id: string; version: number })[] {
  return device
    .all(type)
    .filter((r) => !r.deleted)
    .map((r) => ({ ...schema.parse(r.data), id: r.id, version: r.version }));
}

/** The plan as the device holds it, as the dashboard reads it (use-plan-data.ts, without Dexie). */
export function planDataOf(device: TestDevice, planId: string): PlanData {
  const plan: PlanRecord | null =
    records(device, 'plan', rowDataSchemas.plan).find((p) => p.id === planId) ?? null;
  const areas: AreaRecord[] = records(device, 'area', rowDataSchemas.area)
    .filter((a) => a.planId === planId)
    .sort((a, b) => a.position - b.position);
  const inPlan = new Set(areas.map((a) => a.id));
  const objectives: ObjectiveFact[] = records(device, 'objective', rowDataSchemas.objective).filter((o) =>
    inPlan.has(o.areaId),
  );
  const phases: PhaseFact[] = records(device, 'phase', rowDataSchemas.phase).filter((p) =>
    inPlan.has(p.areaId),
  );
  const lastYear = Math.max(...(plan?.years ?? [2022]));
  return { enteName: null, plan, areas, objectives, phases, planEnd: `${lastYear}-12-31`, version: null };
}

/** The same plan as the domain's figures and freezePlan read it. */
export function liveInputOf(device: TestDevice, planId: string): FigureInput & { phases: FreezablePhase[] } {
  const data = planDataOf(device, planId);
  const removed = new Set(
    records(device, 'phase', rowDataSchemas.phase)
      .filter((p) => p.removed)
      .map((p) => p.id),
  );
  return {
    areaIds: data.areas.map((a) => a.id),
    objectives: data.objectives,
    phases: data.phases.map((p) => ({ ...p, removed: removed.has(p.id) })),
  };
}
