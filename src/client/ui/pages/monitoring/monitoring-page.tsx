import { useState } from 'react';
import { mayTakeSnapshot, snapshotGate } from '../../../../domain/monitoring-rules.ts';
import { SNAPSHOT_LABEL_MAX } from '../../../../shared/cycle-mutations.ts';
import type { SnapshotRecord } from '../../../db/schema.ts';
import { Breadcrumb } from '../../components/breadcrumb.tsx';
import { Link } from '../../components/link.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { useToday } from '../../hooks/use-today.ts';
import { useUserNames } from '../../hooks/use-user-names.ts';
import { paths } from '../../router/routes.ts';
import { cycleChange, CycleForm, type CycleReading } from '../evaluation/cycle-form.tsx';
import { TextField } from '../evaluation/eval-fields.tsx';
import { PlanLockedNotice } from '../evaluation/plan-locked-notice.tsx';
import { ExtraCatalogContext } from '../evaluation/use-eval-t.ts';
import { useSavedNotice } from '../plan-amend/use-saved-notice.ts';
import { readSnapshot } from './mon-rules.ts';
import { usePlanSnapshots } from './use-monitoring.ts';
import { MON_CATALOG, useMonT, type MonT } from './use-mon-t.ts';
import './monitoring.css';

/**
 * Monitoraggio intermedio of a plan: its snapshots, newest first (one taken on this device and not
 * yet synced says so), and for the admin and the evaluator the form that takes one (queued like every
 * change, so it works offline). Read from the device.
 */
export function MonitoringPage({ planId }: { planId: string }) {
  return (
    <ExtraCatalogContext.Provider value={MON_CATALOG}>
      <MonitoringContent planId={planId} />
    </ExtraCatalogContext.Provider>
  );
}

function MonitoringContent({ planId }: { planId: string }) {
  const tr = useMonT();
  const { t } = tr;
  const { user } = useSession();
  const data = usePlanSnapshots(planId);
  const names = useUserNames();
  const { saved, ref, markSaved } = useSavedNotice();
  // A new form (and a new snapshot id) after each snapshot taken.
  const [round, setRound] = useState(0);
  if (data === undefined) return <p className="page-loading">{t('app.loading')}</p>;
  if (data === null) {
    return (
      <>
        <PageTitle title={t('app.pageNotFound')}>{t('app.pageNotFound')}</PageTitle>
        <p className="alert">{t('report.notOnDevice')}</p>
      </>
    );
  }
  const { plan, snapshots } = data;
  const title = t('mon.title');
  const mayTake = mayTakeSnapshot(user.role) && snapshotGate(plan.status ?? 'approved').ok;
  return (
    <div className="monitoring-page">
      <Breadcrumb
        items={[
          { href: paths.dashboard(), label: t('dashboard.title') },
          { href: paths.plan(plan.id), label: plan.title },
        ]}
      />
      <PageTitle title={`${title} · ${plan.title}`} className="detail-title">
        <span className="title-kicker">{plan.title}</span>
        {title}
      </PageTitle>
      <p>{t('mon.intro')}</p>
      <PlanLockedNotice plan={plan} />
      <div role="status">
        {saved && (
          <p ref={ref} tabIndex={-1} className="alert alert-success">
            {t('mon.take.queued')}
          </p>
        )}
      </div>
      {mayTake && (
        <TakeSnapshotForm
          key={round}
          planId={plan.id}
          onDone={() => {
            setRound((n) => n + 1);
            markSaved();
          }}
        />
      )}
      <section className="section" aria-labelledby="mon-list-title">
        <h2 id="mon-list-title">{t('mon.list.title')}</h2>
        {snapshots.length === 0 ? (
          <p>{t('mon.list.none')}</p>
        ) : (
          <ul className="mon-list">
            {snapshots.map((s) => (
              <SnapshotItem key={s.id} snapshot={s} tr={tr} takenBy={names.get(s.takenBy) ?? ''} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SnapshotItem({ snapshot: s, tr, takenBy }: { snapshot: SnapshotRecord; tr: MonT; takenBy: string }) {
  const { t } = tr;
  return (
    <li className="card mon-item">
      <h3>
        <Link href={paths.planSnapshot(s.planId, s.id)}>{s.label}</Link>
      </h3>
      <p>
        <strong>{t('mon.list.asOf', { date: tr.dayDate(s.asOf) })}</strong>
      </p>
      <p className="muted small">
        {t('mon.list.takenAt', { when: tr.dateTime(s.takenAt) })}
        {takenBy && <> {t('mon.list.by', { name: takenBy })}</>}
      </p>
      {s.pending ? (
        <p className="alert alert-warning mon-pending">{t('mon.list.pending')}</p>
      ) : (
        <p className="badge">{t(s.roundClosedAt ? 'mon.list.roundClosed' : 'mon.list.roundOpen')}</p>
      )}
    </li>
  );
}

/** snapshot.take: the date defaults to today, the title is required. */
function TakeSnapshotForm({ planId, onDone }: { planId: string; onDone: () => void }) {
  const { t } = useMonT();
  const today = useToday();
  const [snapshotId] = useState(() => crypto.randomUUID());
  const [asOf, setAsOf] = useState(today);
  const [label, setLabel] = useState('');
  const read = (): CycleReading => {
    const r = readSnapshot({ asOf, label });
    return r.ok ? { ok: true, change: cycleChange('snapshot.take', { snapshotId, planId, ...r.value }) } : r;
  };
  return (
    <CycleForm
      id="mon-take"
      title={t('mon.take.title')}
      read={read}
      onDone={onDone}
      submitLabel="mon.take.submit"
    >
      {(errors) => (
        <>
          <TextField
            form="mon-take"
            name="asOf"
            label="mon.take.field.asOf"
            hint={t('mon.take.field.asOfHint')}
            required
            errors={errors}
            value={asOf}
            onChange={setAsOf}
          />
          <TextField
            form="mon-take"
            name="label"
            label="mon.take.field.label"
            hint={t('mon.take.field.labelHint', { max: SNAPSHOT_LABEL_MAX })}
            required
            errors={errors}
            value={label}
            onChange={setLabel}
          />
        </>
      )}
    </CycleForm>
  );
}
