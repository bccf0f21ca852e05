/**
 * Which of the device's plans a page shows, and as of which day. Pure: the plans, the stored choice
 * and today come in as arguments.
 *
 * - A draft is offered to admins only (the server sends drafts to admins only; this keeps a device
 *   that changed hands from showing one).
 * - The stored choice wins while its plan is on the device; otherwise the plan of the current year
 *   (an approved one before a draft of the same year), else the latest approved (or closed) one,
 *   else the latest draft.
 * - A plan whose year is over is seen as of its last day (31/12 of its year): deadlines, lateness
 *   and expected progress do not keep running after the year they measure.
 */
import { compareIsoDates } from '../../../domain/dates.ts';
import type { PlanRecord } from '../../db/schema.ts';

export type PlanChoiceInput = Pick<PlanRecord, 'id' | 'years' | 'year' | 'status'>;

/** The performance year: `year` (v2), else the first of `years`. */
export function planYear(plan: Pick<PlanRecord, 'years' | 'year'>): number | null {
  return plan.year ?? (plan.years.length > 0 ? Math.min(...plan.years) : null);
}

function statusOf(plan: PlanChoiceInput): 'draft' | 'approved' | 'closed' {
  return plan.status ?? 'approved';
}

/** The plans the user may pick, newest year first (a draft after the approved plan of its year). */
export function visiblePlans<P extends PlanChoiceInput>(plans: readonly P[], canSeeDrafts: boolean): P[] {
  const rank = (p: P) => (statusOf(p) === 'draft' ? 1 : 0);
  return plans
    .filter((p) => canSeeDrafts || statusOf(p) !== 'draft')
    .sort((a, b) => (planYear(b) ?? 0) - (planYear(a) ?? 0) || rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export function choosePlan<P extends PlanChoiceInput>(
  plans: readonly P[],
  stored: string | null,
  today: string,
  canSeeDrafts: boolean,
): P | null {
  const visible = visiblePlans(plans, canSeeDrafts);
  const chosen = stored === null ? undefined : visible.find((p) => p.id === stored);
  if (chosen) return chosen;
  const year = Number(today.slice(0, 4));
  const current = visible.find((p) => planYear(p) === year);
  if (current) return current;
  return visible.find((p) => statusOf(p) !== 'draft') ?? visible[0] ?? null;
}

/** The last day of the plan's year, or null when it has no year. */
export function yearEnd(plan: Pick<PlanRecord, 'years' | 'year'>): string | null {
  const year = planYear(plan);
  return year === null ? null : `${year}-12-31`;
}

/** The day the plan is seen as of: today, or its year's last day once that has passed. */
export function planAsOf(plan: Pick<PlanRecord, 'years' | 'year'> | null | undefined, today: string): string {
  const end = plan ? yearEnd(plan) : null;
  return end !== null && compareIsoDates(today, end) > 0 ? end : today;
}
