/**
 * The rules of a plan's structure through its life, shared by the server's deciders and the device's
 * optimistic applier (so both reach the same state from the same mutations):
 * - a draft is edited freely; an approved plan changes only by amendment (a motivation, the act
 *   optional); a closed plan is locked;
 * - an objective number is taken once per area among the objectives that count;
 * - a deadline falls within the plan's year;
 * - an amendment records only the fields it changed, before and after.
 */
import type { ObjectiveState } from './plan.ts';

export const PLAN_STATUSES = ['draft', 'approved', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type GateRefusal = {
  ok: false;
  code: 'locked' | 'invalid';
  key: 'plan_locked' | 'amendment_required';
};
export type Gate = { ok: true; amending: boolean } | GateRefusal;

/** Whether a structural change may go ahead on a plan in this status, and whether it is an amendment. */
export function structureGate(status: PlanStatus, hasAmendment: boolean): Gate {
  if (status === 'closed') return { ok: false, code: 'locked', key: 'plan_locked' };
  if (status === 'draft') return { ok: true, amending: false };
  if (!hasAmendment) return { ok: false, code: 'invalid', key: 'amendment_required' };
  return { ok: true, amending: true };
}

/** Progress, notes and evaluation: only on an approved plan (a draft takes none; closed is locked). */
export function progressGate(
  status: PlanStatus,
): { ok: true } | { ok: false; code: 'locked' | 'illegal_transition'; key: 'plan_locked' | 'plan_draft' } {
  if (status === 'closed') return { ok: false, code: 'locked', key: 'plan_locked' };
  if (status === 'draft') return { ok: false, code: 'illegal_transition', key: 'plan_draft' };
  return { ok: true };
}

/** Objectives taken out of the plan (removed, replaced) free their number. */
export function objectiveCounts(state: ObjectiveState): boolean {
  return state === 'active' || state === 'modified';
}

function foldNumber(number: string): string {
  return number.trim().toLowerCase();
}

export function objectiveNumberTaken(
  objectives: Iterable<{ id: string; number: string; state: ObjectiveState }>,
  number: string,
  exceptId: string | null,
): boolean {
  const wanted = foldNumber(number);
  for (const o of objectives) {
    if (o.id !== exceptId && objectiveCounts(o.state) && foldNumber(o.number) === wanted) return true;
  }
  return false;
}

export function deadlineInYear(deadline: string | null, year: number): boolean {
  return deadline === null || deadline.slice(0, 4) === String(year);
}

/** The state an objective takes when an approved plan amends its fields; null when it may not change. */
export function stateAfterUpdate(state: ObjectiveState, amending: boolean): ObjectiveState | null {
  if (!objectiveCounts(state)) return null;
  return amending ? 'modified' : state;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields `changes` really changes, with their values before and after; absent fields are left
 * out, `null` clears. Empty objects when nothing changes (an update that changes nothing).
 */
export function changedFields<T extends object>(
  current: T,
  changes: { [K in keyof T]?: T[K] | null | undefined },
): { before: Partial<T>; after: Partial<T>; next: T } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  const next = { ...current };
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const value = changes[key];
    if (value === undefined) continue;
    if (same(current[key], value)) continue;
    before[key] = current[key];
    after[key] = value as T[keyof T];
    next[key] = value as T[keyof T];
  }
  return { before, after, next };
}
