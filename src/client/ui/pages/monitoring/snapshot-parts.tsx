import type {
  AreaFigures,
  Figures,
  LatePhase,
  ObjectiveFigures,
} from '../../../../domain/snapshot-figures.ts';
import type { AreaRecord, ObjectiveRecord, PhaseRecord } from '../../../db/schema.ts';
import { ScrollTable } from '../reports/relazione-parts.tsx';
import type { MonT } from './use-mon-t.ts';

/** The figures table of a snapshot: each area, then the ente, progress against expected by its date. */
export function SummaryTable({
  tr,
  asOf,
  plan,
  areas,
  areaNames,
}: {
  tr: MonT;
  asOf: string;
  plan: Figures;
  areas: AreaFigures[];
  areaNames: Map<string, string>;
}) {
  const { t, pct } = tr;
  const row = (name: string, f: Figures) => (
    <>
      <th scope="row">{name}</th>
      <td>{pct(f.progress)}</td>
      <td>{pct(f.expected)}</td>
      <td>{tr.number(f.late.length)}</td>
    </>
  );
  return (
    <ScrollTable label={t('mon.report.summary', { date: tr.dayDate(asOf) })}>
      <caption>{t('mon.report.summary', { date: tr.dayDate(asOf) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mon.report.col.where')}</th>
          <th scope="col">{t('mon.report.col.progress')}</th>
          <th scope="col">{t('mon.report.col.expected')}</th>
          <th scope="col">{t('mon.report.col.late')}</th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.areaId}>{row(areaNames.get(a.areaId) ?? a.areaId, a)}</tr>
        ))}
      </tbody>
      <tfoot>
        <tr>{row(t('mon.report.ente'), plan)}</tr>
      </tfoot>
    </ScrollTable>
  );
}

/** The late phases as the snapshot froze them, named by their live numbers (labels, not figures). */
export function LateList({
  tr,
  late,
  objectives,
  phases,
  areaNames,
}: {
  tr: MonT;
  late: LatePhase[];
  areaNames: Map<string, string>;
  objectives: Map<string, ObjectiveRecord>;
  phases: Map<string, PhaseRecord>;
}) {
  const { t } = tr;
  if (late.length === 0) return <p>{t('mon.report.late.none')}</p>;
  return (
    <ul className="mon-late">
      {late.map((p) => {
        const phase = phases.get(p.phaseId);
        const objective = objectives.get(p.objectiveId);
        return (
          <li key={p.phaseId}>
            {t('mon.report.late.item', {
              area: (objective && areaNames.get(objective.areaId)) ?? '',
              objective: objective?.number ?? '',
              phase: phase ? String(phase.number) : '',
              date: tr.dayDate(p.deadline),
            })}
            {phase?.description && <> · {phase.description}</>}
          </li>
        );
      })}
    </ul>
  );
}

/** An objective's figures line: progress against expected, or why it does not count. */
export function ObjectiveFiguresLine({ tr, figures }: { tr: MonT; figures: ObjectiveFigures }) {
  if (!figures.counted) return <p className="muted">{tr.t('mon.report.objective.notCounted')}</p>;
  return (
    <p className="mon-figures">
      {tr.t('mon.report.objective.figures', {
        progress: tr.pct(figures.progress),
        expected: tr.pct(figures.expected),
      })}
    </p>
  );
}

/** The areas of the report in the plan's order, each with its frozen objectives in number order. */
export function groupByArea(
  areas: AreaRecord[],
  figures: ObjectiveFigures[],
  objectives: Map<string, ObjectiveRecord>,
): { area: AreaRecord | null; areaId: string; objectives: ObjectiveFigures[] }[] {
  const byArea = new Map<string, ObjectiveFigures[]>();
  for (const f of figures) byArea.set(f.areaId, [...(byArea.get(f.areaId) ?? []), f]);
  const number = (f: ObjectiveFigures) => objectives.get(f.objectiveId)?.number ?? f.objectiveId;
  const ids = [
    ...areas.map((a) => a.id),
    ...[...byArea.keys()].filter((id) => !areas.some((a) => a.id === id)),
  ];
  return ids
    .filter((id) => byArea.has(id))
    .map((id) => ({
      area: areas.find((a) => a.id === id) ?? null,
      areaId: id,
      objectives: (byArea.get(id) ?? []).sort((a, b) =>
        number(a).localeCompare(number(b), 'it', { numeric: true }),
      ),
    }));
}
