/**
 * "Confronta con il monitoraggio del …" on the dashboard (its own lazy chunk, with its catalog): the
 * plan's monitoring snapshots on the device — not those still pending, which have no frozen rows — and,
 * once one is chosen, each area's progress then (snapshotFigures, as of the snapshot's day) and now
 * (planFigures of the live rows, as of the dashboard's day), with the change in words, not only in
 * colour (compareFigures). The choice lives in memory: a comparison is a look, not a setting.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { WeightSet } from '../../../../domain/plan.ts';
import {
  compareFigures,
  planFigures,
  snapshotFigures,
  type Change,
} from '../../../../domain/snapshot-figures.ts';
import type { SnapshotRecord } from '../../../db/schema.ts';
import { useDb } from '../../hooks/use-db.ts';
import { usePlanData } from '../../hooks/use-plan-data.ts';
import { useChartT } from './use-chart-t.ts';
import './snapshot-compare.css';

function useFrozenSnapshots(planId: string): SnapshotRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () =>
      (await db.snapshots.where('planId').equals(planId).toArray())
        .filter((s) => !s.pending)
        .sort((a, b) => b.asOf.localeCompare(a.asOf) || b.takenAt.localeCompare(a.takenAt)),
    [db, planId],
  );
}

interface Props {
  planId: string;
  weightSet: WeightSet;
  /** The dashboard's day: today, or 31/12 of a plan year that is over. */
  asOf: string;
  /** The dashboard's areas, for their names. */
  areas: readonly { id: string; name: string }[];
}

export function SnapshotCompare({ planId, weightSet, asOf, areas }: Props) {
  const { t, date } = useChartT();
  const selectId = useId();
  const snapshots = useFrozenSnapshots(planId);
  const [chosenId, setChosenId] = useState('');
  const chosen = snapshots?.find((s) => s.id === chosenId);
  if (!snapshots || snapshots.length === 0) return null;
  return (
    <section className="card snapshot-compare">
      <div className="field">
        <label htmlFor={selectId}>{t('compare.label')}</label>
        <select
          id={selectId}
          className="select"
          value={chosen ? chosenId : ''}
          onChange={(e) => setChosenId(e.target.value)}
        >
          <option value="">{t('compare.noneChosen')}</option>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {t('compare.option', { date: date(s.asOf), label: s.label })}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <Comparison snapshot={chosen} planId={planId} weightSet={weightSet} asOf={asOf} areas={areas} />
      )}
    </section>
  );
}

function Comparison({ snapshot, planId, weightSet, asOf, areas }: Props & { snapshot: SnapshotRecord }) {
  const { t, date, percent, number } = useChartT();
  const titleId = useId();
  // The live rows, read only while a comparison is shown (the dashboard may show cached figures).
  const data = usePlanData(planId);
  const comparison = useMemo(() => {
    if (!data) return undefined;
    const areaIds = data.areas.map((a) => a.id);
    const now = planFigures(
      { areaIds, objectives: data.objectives, phases: data.phases },
      weightSet,
      asOf,
      data.planEnd,
    );
    return compareFigures(snapshotFigures(snapshot, areaIds, weightSet, data.planEnd), now);
  }, [data, snapshot, weightSet, asOf]);
  if (!comparison) return <p className="muted">{t('compare.loading')}</p>;
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? t('chart.none') : percent(value);
  const changeText = (c: Change) => {
    if (c.progressDelta === null || !c.then || !c.now) return t('chart.none');
    // The points between the two percents as written (19% → 29% is 10 points), not the rounded
    // difference of the exact values (9.6 → "9"), which would read as a mistake beside them.
    const points = Math.round(c.now.progress ?? 0) - Math.round(c.then.progress ?? 0);
    if (points > 0) return t('compare.up', { value: number(points) });
    if (points < 0) return t('compare.down', { value: number(-points) });
    return t('compare.same');
  };
  const row = (key: string, name: string, c: Change) => (
    <li key={key} className="compare-row" data-area={key}>
      <span className="compare-name">
        {name}
        <span className="visually-hidden">: </span>
      </span>
      <span className="compare-figures">
        {t('compare.then')} {pct(c.then?.progress)}, {t('compare.now')} {pct(c.now?.progress)}{' '}
        <span className={`compare-change${(c.progressDelta ?? 0) < 0 ? ' is-down' : ''}`}>
          ({changeText(c)})
        </span>
      </span>
    </li>
  );
  return (
    <div className="compare-result" aria-live="polite">
      <h2 id={titleId}>{t('compare.title', { date: date(comparison.then) })}</h2>
      <p className="small muted">
        {t('compare.intro', { then: date(comparison.then), now: date(comparison.now) })}
      </p>
      <ul className="plain-list compare-list" aria-labelledby={titleId}>
        {row('plan', t('compare.plan'), comparison.plan)}
        {comparison.areas.map((a) => row(a.areaId, names.get(a.areaId) ?? a.areaId, a))}
      </ul>
    </div>
  );
}
