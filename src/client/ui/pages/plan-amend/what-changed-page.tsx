import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { planChanges, type EntityChange } from '../../../../domain/plan-diff.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { paths } from '../../router/routes.ts';
import { approvalInstant, pickedRange, type ChangeRange } from './change-range.ts';
import { describeField } from './describe-change.ts';
import { entityLabel } from './entity-label.ts';
import { useAmendments, type AmendmentsData } from './use-amendments.ts';
import { useAmendT } from './use-amend-t.ts';
import './plan-amend.css';

const ORDER = { area: 0, objective: 1, phase: 2 } as const;

/**
 * "What changed": the plan between its approval and now, or between two days the user picks, each
 * area, objective and phase marked as the paper plan prints changes in bold — added, removed
 * (stralciato), replaced, modified with each field before and after; the new values in <strong> and
 * a word for the mark, never colour alone.
 */
export function WhatChangedPage({ planId }: { planId: string }) {
  const tr = useAmendT();
  const { t } = tr;
  const data = useAmendments({ planId });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [picked, setPicked] = useState<ChangeRange | null>(null);
  const [rangeError, setRangeError] = useState(false);
  const errorId = useId();
  const fromRef = useRef<HTMLInputElement>(null);
  const approval = data ? approvalInstant(data.plan.events) : null;
  const changes = useMemo(
    () => (data ? sortedChanges(data, picked ?? { from: approval, to: null }) : []),
    [data, picked, approval],
  );
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p>{t('amend.planNotFound')}</p>
      </>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const r = pickedRange(from, to);
    setRangeError(r === null);
    if (r === null) fromRef.current?.focus();
    else setPicked(r);
  };
  return (
    <>
      <Breadcrumb items={[{ href: paths.dashboard(), label: t('dashboard.title') }]} />
      <PageTitle title={t('amend.changes.title')}>{t('amend.changes.title')}</PageTitle>
      <p className="lead">{t('amend.changes.intro')}</p>
      <form className="card range-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="changes-from">{t('amend.changes.from')}</label>
          <input
            ref={fromRef}
            id="changes-from"
            className="input"
            type="date"
            value={from}
            aria-invalid={rangeError || undefined}
            aria-describedby={rangeError ? errorId : undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="changes-to">{t('amend.changes.to')}</label>
          <input
            id="changes-to"
            className="input"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          {t('amend.changes.show')}
        </button>
        {rangeError && (
          <p id={errorId} className="field-error" role="alert">
            {t('amend.changes.rangeError')}
          </p>
        )}
      </form>
      <p className="muted" aria-live="polite">
        {picked === null && approval
          ? t('amend.changes.sinceApproval', { date: tr.dayDate(approval) })
          : [from && tr.dayDate(from), to && tr.dayDate(to)].filter(Boolean).join(' – ')}
      </p>
      {changes.length === 0 ? (
        <p>{t('amend.changes.none')}</p>
      ) : (
        <ul className="plain-list amend-list" aria-label={t('amend.changes.title')}>
          {changes.map((change) => (
            <ChangeItem key={`${change.entity}:${change.entityId}`} change={change} data={data} />
          ))}
        </ul>
      )}
      <p>
        <Link href={paths.planAmendments(planId)}>{t('amend.register.link')}</Link>
      </p>
    </>
  );
}

function sortedChanges(data: AmendmentsData, range: ChangeRange): EntityChange[] {
  const records = data.amendments.map(({ amendment: a }) => a);
  return planChanges(records, range).sort((a, b) => ORDER[a.entity] - ORDER[b.entity]);
}

function ChangeItem({ change, data }: { change: EntityChange; data: AmendmentsData }) {
  const tr = useAmendT();
  const { t } = tr;
  const recorded = Object.fromEntries(change.fields.map((f) => [f.field, f.after ?? f.before]));
  const subject = entityLabel(change.entity, change.entityId, recorded, data, t);
  const lines =
    change.mark === 'modified'
      ? change.fields.flatMap((f) => describeField(f.field, f.before, f.after, tr))
      : [];
  return (
    <li className={`card change-${change.mark}`} data-change={change.mark} data-entity-id={change.entityId}>
      <p>
        <span className="change-mark">{t(`amend.mark.${change.mark}`)}</span>{' '}
        <span className="change-subject">
          {change.mark === 'added' ? (
            <strong>{subject.text}</strong>
          ) : subject.objectiveId ? (
            <Link href={paths.objective(subject.objectiveId)}>{subject.text}</Link>
          ) : (
            subject.text
          )}
        </span>
      </p>
      {lines.length > 0 && (
        <ul className="amend-lines">
          {lines.map((line) => (
            <li key={line.label}>
              {line.label}: {line.before} → <strong>{line.after}</strong>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
