/**
 * What the plan-editing forms check before anything is queued, so a user learns at the field what the
 * server would refuse: who may amend, a motivation on an approved plan, an objective number taken in
 * the area, a deadline outside the plan's year, an area that still has objectives, an incomplete act.
 * Pure; the server checks all of it again and stays the authority.
 */
import type { SessionUser } from '../../../../shared/auth.ts';
import { deadlineInYear, objectiveNumberTaken } from '../../../../domain/plan-structure.ts';
import { isIsoDate } from '../../../../domain/dates.ts';
import type { ObjectiveState } from '../../../../domain/plan.ts';
import {
  ACT_BODIES,
  AMENDMENT_MOTIVATION_MAX,
  type ActBody,
  type AmendmentInput,
} from '../../../../shared/plan-mutations.ts';
import type { AmendMessageKey } from '../../../i18n/amend-it.ts';
import type { Params } from '../../../i18n/translate.ts';

export type PlanStatus = 'draft' | 'approved' | 'closed';

/** A field's problem: the message key and its parameters. */
export interface FieldError {
  key: AmendMessageKey;
  params?: Params;
}
export type FieldErrors = Partial<Record<string, FieldError>>;

/**
 * Structural changes: the admin; a head on one of their own areas when the ente allows heads to amend.
 * A closed plan takes none (no edit controls at all).
 */
export function canAmend(
  user: SessionUser,
  planStatus: PlanStatus,
  headsMayAmend: boolean,
  areaId: string | null,
): boolean {
  if (planStatus === 'closed') return false;
  if (user.role === 'admin') return true;
  return user.role === 'head' && headsMayAmend && areaId !== null && user.areaIds.includes(areaId);
}

/** The motivation and act as typed: empty strings for what was left blank. */
export interface AmendmentDraft {
  motivation: string;
  actBody: ActBody | '';
  actNumber: string;
  actDate: string;
}

export const EMPTY_AMENDMENT: AmendmentDraft = { motivation: '', actBody: '', actNumber: '', actDate: '' };

/**
 * The amendment to send (undefined on a draft), or the errors of its fields. On an approved plan the
 * motivation is required; the act is optional but, once begun, needs body, number and date.
 */
export function readAmendment(
  draft: AmendmentDraft,
  status: PlanStatus,
): { ok: true; amendment: AmendmentInput | undefined } | { ok: false; errors: FieldErrors } {
  if (status !== 'approved') return { ok: true, amendment: undefined };
  const errors: FieldErrors = {};
  const motivation = draft.motivation.trim();
  if (motivation === '') errors.motivation = { key: 'amend.error.motivationRequired' };
  else if (motivation.length > AMENDMENT_MOTIVATION_MAX) {
    errors.motivation = { key: 'amend.error.tooLong', params: { max: AMENDMENT_MOTIVATION_MAX } };
  }
  const number = draft.actNumber.trim();
  const begun = draft.actBody !== '' || number !== '' || draft.actDate !== '';
  if (begun) {
    if (draft.actBody === '' || !(ACT_BODIES as readonly string[]).includes(draft.actBody)) {
      errors.actBody = { key: 'amend.error.actIncomplete' };
    }
    if (number === '') errors.actNumber = { key: 'amend.error.actIncomplete' };
    if (!isIsoDate(draft.actDate)) errors.actDate = { key: 'amend.error.date' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const act =
    begun && draft.actBody !== '' ? { body: draft.actBody, number, date: draft.actDate } : undefined;
  return { ok: true, amendment: act ? { motivation, act } : { motivation } };
}

/** '' → null (no weight); otherwise a number 0–10,000 written with a comma or a point. */
export function parseWeight(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 10_000) return { ok: false };
  return { ok: true, value };
}

export interface ObjectiveDraft {
  number: string;
  title: string;
  indicator: string;
  subjects: string;
  head: string;
  giunta: string;
  nucleo: string;
}

export interface ObjectiveValues {
  number: string;
  title: string;
  indicator: string;
  subjects: string;
  weights: { head: number | null; giunta: number | null; nucleo: number | null };
}

/** An objective's fields as typed, checked against the other objectives of its area. */
export function readObjective(
  draft: ObjectiveDraft,
  areaObjectives: Iterable<{ id: string; number: string; state: ObjectiveState }>,
  exceptId: string | null,
): { ok: true; values: ObjectiveValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = draft.number.trim();
  if (number === '') errors.number = { key: 'amend.error.required' };
  else if (objectiveNumberTaken(areaObjectives, number, exceptId)) {
    errors.number = { key: 'amend.error.numberTaken', params: { number } };
  }
  const title = draft.title.trim();
  if (title === '') errors.title = { key: 'amend.error.required' };
  const weights = {
    head: null as number | null,
    giunta: null as number | null,
    nucleo: null as number | null,
  };
  for (const key of ['head', 'giunta', 'nucleo'] as const) {
    const w = parseWeight(draft[key]);
    if (w.ok) weights[key] = w.value;
    else errors[key] = { key: 'amend.error.weight' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: { number, title, indicator: draft.indicator, subjects: draft.subjects, weights },
  };
}

export interface PhaseDraft {
  number: string;
  description: string;
  indicator: string;
  subjects: string;
  weight: string;
  weightUnit: 'percent' | 'points' | '';
  deadline: string;
}

export interface PhaseValues {
  number: number;
  description: string;
  indicator: string;
  subjects: string;
  weight: number | null;
  weightUnit: 'percent' | 'points' | null;
  deadline: string | null;
}

/** A phase's fields as typed: number free among the objective's phases, deadline in the plan's year. */
export function readPhase(
  draft: PhaseDraft,
  siblings: Iterable<{ id: string; number: number; removed?: boolean | undefined }>,
  exceptId: string | null,
  planYear: number | null,
): { ok: true; values: PhaseValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = Number(draft.number.trim());
  if (!/^\d+$/.test(draft.number.trim()) || number < 1 || number > 999) {
    errors.number = { key: 'amend.error.phaseNumber' };
  } else {
    for (const p of siblings) {
      if (p.id !== exceptId && !p.removed && p.number === number) {
        errors.number = { key: 'amend.error.phaseNumberTaken', params: { number: String(number) } };
      }
    }
  }
  const description = draft.description.trim();
  if (description === '') errors.description = { key: 'amend.error.required' };
  const weight = parseWeight(draft.weight);
  if (!weight.ok) errors.weight = { key: 'amend.error.weight' };
  const deadline = draft.deadline === '' ? null : draft.deadline;
  if (deadline !== null && !isIsoDate(deadline)) errors.deadline = { key: 'amend.error.date' };
  else if (planYear !== null && !deadlineInYear(deadline, planYear)) {
    errors.deadline = { key: 'amend.error.deadlineYear', params: { year: String(planYear) } };
  }
  if (Object.keys(errors).length > 0 || !weight.ok) return { ok: false, errors };
  return {
    ok: true,
    values: {
      number,
      description,
      indicator: draft.indicator,
      subjects: draft.subjects,
      weight: weight.value,
      weightUnit: draft.weightUnit === '' ? null : draft.weightUnit,
      deadline,
    },
  };
}

/** An area may leave the plan only once no objective is left in it (the server refuses it too). */
export function areaRemovalError(objectiveCount: number): FieldError | null {
  return objectiveCount > 0
    ? { key: 'amend.error.areaHasObjectives', params: { count: objectiveCount } }
    : null;
}

/** Only the fields that differ from the current row: what an `*.update` sends in `changes`. */
export function diffChanges<T extends object>(current: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(current[key] ?? null) !== JSON.stringify(next[key] ?? null)) changes[key] = next[key];
  }
  return changes;
}
