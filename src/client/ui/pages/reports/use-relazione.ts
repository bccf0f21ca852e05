import { useLiveQuery } from 'dexie-react-hooks';
import { buildRelazione, type Relazione } from '../../../../domain/relazione.ts';
import type { PlanRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import { rowsOfKeys } from '../../../db/rows-of-keys.ts';

/** The day the Relazione's figures are read at: the plan's last close, else today. */
export function relazioneAsOf(plan: Pick<PlanRecord, 'events' | 'status'>, today: string): string {
  if (plan.status !== 'closed') return today;
  const closes = (plan.events ?? []).filter((e) => e.kind === 'closed').map((e) => e.at.slice(0, 10));
  return closes.sort().at(-1) ?? today;
}

export interface RelazioneData {
  plan: PlanRecord;
  relazione: Relazione;
}

/**
 * The Relazione of a plan from the rows on the device (so it opens offline), with the Nucleo's weight
 * set (Nucleo first, as the scores). Live; undefined while loading, null without the plan.
 */
export function useRelazione(planId: string, today: string): RelazioneData | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const plan = await db.plans.get(planId);
    if (!plan) return null;
    const areas = await db.areas.where('planId').equals(planId).sortBy('position');
    const areaIds = areas.map((a) => a.id);
    const [objectives, phases, evaluations, selfAssessments, monitoringReports, amendments] =
      await Promise.all([
        rowsOfKeys(db.objectives, 'areaId', areaIds),
        rowsOfKeys(db.phases, 'areaId', areaIds),
        db.evaluations.where('planId').equals(planId).toArray(),
        db.selfAssessments.where('planId').equals(planId).toArray(),
        rowsOfKeys(db.monitoringReports, 'areaId', areaIds),
        db.amendments.where('planId').equals(planId).toArray(),
      ]);
    const lastYear = Math.max(
      ...(plan.years.length > 0 ? plan.years : [plan.year ?? new Date().getFullYear()]),
    );
    const relazione = buildRelazione({
      plan: {
        id: plan.id,
        title: plan.title,
        year: plan.year ?? plan.years[0] ?? null,
        scoring: plan.scoring,
      },
      weightSet: 'nucleo',
      asOf: relazioneAsOf(plan, today),
      planEnd: `${lastYear}-12-31`,
      areas,
      objectives,
      phases,
      evaluations,
      selfAssessments,
      monitoringReports,
      amendments,
    });
    return { plan, relazione };
  }, [db, planId, today]);
}
