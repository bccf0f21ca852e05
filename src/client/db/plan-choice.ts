/**
 * The plan the user chose to look at, remembered on the device in `meta` (per device, not synced: two
 * people on one ente may look at different years). Only an id: which plans exist is read from the
 * pulled rows each time, so a choice whose plan is gone (or not visible to this user) simply falls
 * back to the default (ui/plan-choice/choose-plan.ts). Works offline.
 */
import type { TraguardiDb } from './schema.ts';

export const SELECTED_PLAN_KEY = 'selectedPlan';

/** The stored choice, or null when the user never chose. */
export async function readPlanChoice(db: TraguardiDb): Promise<string | null> {
  const value = (await db.meta.get(SELECTED_PLAN_KEY))?.value;
  return typeof value === 'string' ? value : null;
}

/** Remembers `planId` as the plan to show; idempotent. The plan need not be on the device yet. */
export async function storePlanChoice(db: TraguardiDb, planId: string): Promise<void> {
  await db.meta.put({ key: SELECTED_PLAN_KEY, value: planId });
}
