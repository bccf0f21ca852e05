import { useState } from 'react';
import { MONITORING_TEXT_MAX } from '../../../../shared/cycle-mutations.ts';
import type { MonitoringReportRecord } from '../../../db/schema.ts';
import type { MonMessageKey } from '../../../i18n/mon-it.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { cycleChange, CycleForm, type CycleChange, type CycleReading } from '../evaluation/cycle-form.tsx';
import { RadioField, TextField } from '../evaluation/eval-fields.tsx';
import { useSavedNotice } from '../plan-amend/use-saved-notice.ts';
import {
  readReport,
  reportDraft,
  type ReachableChoice,
  type ReportDraft,
  type ReportValue,
} from './mon-rules.ts';
import type { MonT } from './use-mon-t.ts';

const REACHABLE: { value: ReachableChoice; label: MonMessageKey }[] = [
  { value: 'yes', label: 'mon.report.reachable.yes' },
  { value: 'no', label: 'mon.report.reachable.no' },
  { value: '', label: 'mon.report.reachable.unsaid' },
];

function reachableText(tr: MonT, reachable: boolean | null): string {
  if (reachable === null) return tr.t('mon.report.reachable.unsaid');
  return tr.t(reachable ? 'mon.report.reachable.yes' : 'mon.report.reachable.no');
}

/**
 * The head's monitoring report on one objective for a round: read by everyone who sees the plan;
 * written and changed, offline too, by the area's head (or an admin) while the round and the plan are
 * open (`editable`).
 */
export function ObjectiveReport({
  tr,
  snapshotId,
  objectiveId,
  number,
  report,
  pending,
  editable,
}: {
  tr: MonT;
  snapshotId: string;
  objectiveId: string;
  number: string;
  report: MonitoringReportRecord | undefined;
  pending: boolean;
  editable: boolean;
}) {
  const { t } = tr;
  const names = useUserNames();
  const [editing, setEditing] = useState(false);
  const { saved, ref, markSaved } = useSavedNotice();
  const formId = `mon-report-${objectiveId}`;
  return (
    <div className="mon-report">
      {report ? (
        <dl className="report-facts">
          <dt>{t('mon.report.field.done')}</dt>
          <dd>{report.done || t('report.none')}</dd>
          <dt>{t('mon.report.field.issues')}</dt>
          <dd>{report.issues || t('report.none')}</dd>
          <dt>{t('mon.report.field.reachable')}</dt>
          <dd>{reachableText(tr, report.reachable)}</dd>
          <dt>{t('mon.report.field.action')}</dt>
          <dd>{report.action || t('report.none')}</dd>
        </dl>
      ) : (
        <p className="muted">{t('mon.report.objective.none')}</p>
      )}
      {report && (
        <p className="muted small">
          {t('mon.report.by', { name: names.get(report.userId) ?? '', when: tr.dateTime(report.updatedAt) })}
          {pending && <> · {t('mon.report.pendingSync')}</>}
        </p>
      )}
      <div role="status">
        {saved && (
          <p ref={ref} tabIndex={-1} className="alert alert-success report-screen-only">
            {t('mon.report.saved')}
          </p>
        )}
      </div>
      {editable && !editing && (
        <button type="button" className="btn btn-outline report-screen-only" onClick={() => setEditing(true)}>
          {t(report ? 'mon.report.edit' : 'mon.report.write')}
        </button>
      )}
      {editable && editing && (
        <ReportForm
          id={formId}
          title={t('mon.report.formTitle', { number })}
          tr={tr}
          initial={reportDraft(report)}
          toChange={(value) => cycleChange('monitoring.setReport', { snapshotId, objectiveId, ...value })}
          onDone={() => {
            setEditing(false);
            markSaved();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}

function ReportForm({
  id,
  title,
  tr,
  initial,
  toChange,
  onDone,
  onCancel,
}: {
  id: string;
  title: string;
  tr: MonT;
  initial: ReportDraft;
  toChange: (value: ReportValue) => CycleChange;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const set = (field: keyof ReportDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const read = (): CycleReading => {
    const r = readReport(draft);
    return r.ok ? { ok: true, change: toChange(r.value) } : r;
  };
  const hint = tr.t('mon.report.field.textHint', { max: MONITORING_TEXT_MAX });
  return (
    <div className="report-screen-only">
      <CycleForm id={id} title={title} read={read} onDone={onDone} onCancel={onCancel}>
        {(errors) => (
          <>
            <TextField
              form={id}
              name="done"
              label="mon.report.field.done"
              hint={hint}
              multiline
              errors={errors}
              value={draft.done}
              onChange={set('done')}
            />
            <TextField
              form={id}
              name="issues"
              label="mon.report.field.issues"
              hint={hint}
              multiline
              errors={errors}
              value={draft.issues}
              onChange={set('issues')}
            />
            <RadioField
              form={id}
              name="reachable"
              label="mon.report.field.reachable"
              errors={errors}
              value={draft.reachable}
              onChange={(v: ReachableChoice) => setDraft((d) => ({ ...d, reachable: v }))}
              options={REACHABLE}
            />
            <TextField
              form={id}
              name="action"
              label="mon.report.field.action"
              hint={hint}
              multiline
              errors={errors}
              value={draft.action}
              onChange={set('action')}
            />
          </>
        )}
      </CycleForm>
    </div>
  );
}
