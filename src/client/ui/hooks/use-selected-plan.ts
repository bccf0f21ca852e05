import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { readPlanChoice, storePlanChoice } from '../../db/plan-choice.ts';
import type { PlanRecord } from '../../db/schema.ts';
import { canAdminister } from '../permissions.ts';
import { choosePlan, planAsOf, visiblePlans, yearEnd } from '../plan-choice/choose-plan.ts';
import { useDb } from './use-db.ts';
import { useSession } from './use-session.ts';
import { useToday } from './use-today.ts';

export interface SelectedPlan {
  /** The plans the user may pick, newest year first. */
  plans: PlanRecord[];
  /** The plan every page shows; null before the first pull. */
  plan: PlanRecord | null;
  /** The ids of the selected plan's areas: the filter every page applies to its rows. */
  areaIds: ReadonlySet<string>;
  /** The device's calendar day. */
  today: string;
  /** The day the plan is seen as of: today, or 31/12 of its year once that is over. */
  asOf: string;
  /** The year's last day when the year is over (asOf is then that day), else null. */
  closedOn: string | null;
  /** Remembers the choice on the device (Dexie meta); every page follows at once. */
  select: (planId: string) => Promise<void>;
}

/**
 * The plan the pages show (plan-choice/choose-plan.ts decides which) and its area ids, live: a pull
 * bringing a new plan, or a choice made in another tab, re-renders every user of this hook.
 * Undefined while loading.
 */
export function useSelectedPlan(): SelectedPlan | undefined {
  const db = useDb();
  const { user } = useSession();
  const today = useToday();
  const canSeeDrafts = canAdminister(user);
  const data = useLiveQuery(async () => {
    const [plans, areas, stored] = await Promise.all([
      db.plans.toArray(),
      db.areas.toArray(),
      readPlanChoice(db),
    ]);
    return { plans, areas, stored };
  }, [db]);
  const select = useCallback((planId: string) => storePlanChoice(db, planId), [db]);
  return useMemo(() => {
    if (!data) return undefined;
    const plan = choosePlan(data.plans, data.stored, today, canSeeDrafts);
    const asOf = planAsOf(plan, today);
    return {
      plans: visiblePlans(data.plans, canSeeDrafts),
      plan,
      areaIds: new Set(data.areas.filter((a) => a.planId === plan?.id).map((a) => a.id)),
      today,
      asOf,
      closedOn: plan && asOf !== today ? yearEnd(plan) : null,
      select,
    };
  }, [data, today, canSeeDrafts, select]);
}
