/**
 * What the evaluation forms check before anything is queued, with the server's own limits
 * (shared/cycle-mutations.ts), so a user learns at the field what the server would refuse: an
 * achievement 0–100 or "not evaluated" (NV, never 0), a reason for a contested phase and for a
 * reopening, a threshold 1–100, the length of every text. Pure; the server checks it all again.
 */
import {
  EVALUATION_COMMENT_MAX,
  REASON_MAX,
  type scoringSchema,
} from '../../../../shared/cycle-mutations.ts';
import type { z } from 'zod';
import type { EvalMessageKey } from '../../../i18n/eval-it.ts';
import type { MonMessageKey } from '../../../i18n/mon-it.ts';
import type { Params } from '../../../i18n/translate.ts';

export interface FieldError {
  /** The monitoring forms' own errors are in their catalog (use-eval-t.ts ExtraCatalogContext). */
  key: EvalMessageKey | MonMessageKey;
  params?: Params;
}
export type FieldErrors = Partial<Record<string, FieldError>>;
type Reading<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function done<T>(errors: FieldErrors, value: () => T): Reading<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() };
}

/** A whole percentage 0–100 as typed ("80", " 80 "); null when it is not one. */
export function parsePercent(text: string, min = 0): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= 100 ? n : null;
}

function checkLength(errors: FieldErrors, field: string, text: string, max: number): void {
  if (text.length > max) errors[field] = { key: 'eval.error.tooLong', params: { max } };
}

export interface EvaluationDraft {
  percent: string;
  notEvaluated: boolean;
  comment: string;
}

/** evaluation.setObjective's args but the id: NV is null, otherwise a percentage is required. */
export function readEvaluation(draft: EvaluationDraft): Reading<{ percent: number | null; comment: string }> {
  const errors: FieldErrors = {};
  let percent: number | null = null;
  if (!draft.notEvaluated) {
    percent = parsePercent(draft.percent);
    if (draft.percent.trim() === '') errors.percent = { key: 'eval.error.percentRequired' };
    else if (percent === null) errors.percent = { key: 'eval.error.percent' };
  }
  checkLength(errors, 'comment', draft.comment, EVALUATION_COMMENT_MAX);
  return done(errors, () => ({ percent, comment: draft.comment.trim() }));
}

export type VerdictChoice = '' | 'validated' | 'contested';

export interface VerdictDraft {
  verdict: VerdictChoice;
  reason: string;
}

/** evaluation.setPhaseVerdict's args but the id: '' clears the verdict; contested needs a reason. */
export function readVerdict(
  draft: VerdictDraft,
): Reading<{ verdict: 'validated' | 'contested' | null; reason?: string }> {
  const errors: FieldErrors = {};
  const reason = draft.reason.trim();
  if (draft.verdict === 'contested' && reason === '') errors.reason = { key: 'eval.error.reasonRequired' };
  if (draft.verdict !== '') checkLength(errors, 'reason', reason, REASON_MAX);
  return done(errors, () =>
    draft.verdict === ''
      ? { verdict: null }
      : { verdict: draft.verdict, ...(reason === '' ? {} : { reason }) },
  );
}

export interface SelfAssessmentDraft {
  percent: string;
  note: string;
}

/** selfAssessment.set's args but the id: the percentage is optional (blank: none). */
export function readSelfAssessment(
  draft: SelfAssessmentDraft,
): Reading<{ percent: number | null; note: string }> {
  const errors: FieldErrors = {};
  const blank = draft.percent.trim() === '';
  const percent = blank ? null : parsePercent(draft.percent);
  if (!blank && percent === null) errors.percent = { key: 'eval.error.percent' };
  checkLength(errors, 'note', draft.note, EVALUATION_COMMENT_MAX);
  return done(errors, () => ({ percent, note: draft.note.trim() }));
}

/** plan.reopen's reason: required, at most REASON_MAX characters. */
export function readReopenReason(text: string): Reading<string> {
  const errors: FieldErrors = {};
  const reason = text.trim();
  if (reason === '') errors.reason = { key: 'reopen.error.reasonRequired' };
  else checkLength(errors, 'reason', reason, REASON_MAX);
  return done(errors, () => reason);
}

export type Scoring = z.infer<typeof scoringSchema>;

export interface ScoringDraft {
  kind: Scoring['kind'];
  threshold: string;
}

/** plan.setScoring's method: linear, or a threshold 1–100. */
export function readScoring(draft: ScoringDraft): Reading<Scoring> {
  const errors: FieldErrors = {};
  if (draft.kind === 'linear') return { ok: true, value: { kind: 'linear' } };
  const threshold = parsePercent(draft.threshold, 1);
  if (threshold === null) errors.threshold = { key: 'eval.error.thresholdRequired' };
  return done(errors, () => ({ kind: 'threshold' as const, threshold: threshold ?? 0 }));
}
