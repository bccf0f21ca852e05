/**
 * What the monitoring forms check before anything is queued, with the server's own limits
 * (shared/cycle-mutations.ts): a real calendar day as the snapshot's date, a title, the length of
 * every text of a head's report. Pure; the server checks it all again.
 */
import { MONITORING_TEXT_MAX, SNAPSHOT_LABEL_MAX } from '../../../../shared/cycle-mutations.ts';
import type { FieldErrors } from '../evaluation/eval-rules.ts';

type Reading<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function done<T>(errors: FieldErrors, value: () => T): Reading<T> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: value() };
}

/** 'YYYY-MM-DD' naming a day that exists (not 2022-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

export interface SnapshotDraft {
  asOf: string;
  label: string;
}

/** snapshot.take's args but the ids. */
export function readSnapshot(draft: SnapshotDraft): Reading<{ asOf: string; label: string }> {
  const errors: FieldErrors = {};
  const asOf = draft.asOf.trim();
  const label = draft.label.trim();
  if (!isCalendarDay(asOf)) errors.asOf = { key: 'mon.error.asOf' };
  if (label === '') errors.label = { key: 'mon.error.labelRequired' };
  else if (label.length > SNAPSHOT_LABEL_MAX)
    errors.label = { key: 'mon.error.tooLong', params: { max: SNAPSHOT_LABEL_MAX } };
  return done(errors, () => ({ asOf, label }));
}

export type ReachableChoice = '' | 'yes' | 'no';

export interface ReportDraft {
  done: string;
  issues: string;
  reachable: ReachableChoice;
  action: string;
}

export interface ReportValue {
  done: string;
  issues: string;
  reachable: boolean | null;
  action: string;
}

/** monitoring.setReport's args but the ids: every text optional, '' for "not said" reachability. */
export function readReport(draft: ReportDraft): Reading<ReportValue> {
  const errors: FieldErrors = {};
  const texts = { done: draft.done.trim(), issues: draft.issues.trim(), action: draft.action.trim() };
  for (const [field, text] of Object.entries(texts))
    if (text.length > MONITORING_TEXT_MAX)
      errors[field] = { key: 'mon.error.tooLong', params: { max: MONITORING_TEXT_MAX } };
  return done(errors, () => ({
    ...texts,
    reachable: draft.reachable === '' ? null : draft.reachable === 'yes',
  }));
}

/** A report's draft from what is saved (or an empty one). */
export function reportDraft(saved: ReportValue | undefined): ReportDraft {
  if (!saved) return { done: '', issues: '', reachable: '', action: '' };
  return {
    done: saved.done,
    issues: saved.issues,
    reachable: saved.reachable === null ? '' : saved.reachable ? 'yes' : 'no',
    action: saved.action,
  };
}
