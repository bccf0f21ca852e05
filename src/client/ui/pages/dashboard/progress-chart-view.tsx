/**
 * The progress-over-time chart: inline SVG (no chart library: bundle weight), the actual line solid
 * with dots and the expected line dashed, so they differ without colour; both strokes are ≥ 3:1
 * against the white card (WCAG 1.4.11). role="img" with a one-sentence summary, and every number in a
 * real table behind "Mostra i dati in tabella".
 */
import { useId } from 'react';
import { daysBetween } from '../../../../domain/dates.ts';
import type { ProgressPoint } from '../../../../domain/progress-over-time.ts';
import { useChartT } from './use-chart-t.ts';
import './progress-chart.css';

const W = 300;
const H = 176;
const LEFT = 40;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 24;
const GRID = [0, 25, 50, 75, 100];

interface Props {
  points: readonly ProgressPoint[];
  /** The plan's performance year: the x axis runs from 1/1 to 31/12. */
  year: number;
  /** The day of the last point when it is not today (a plan whose year is over). */
  closedOn: string | null;
}

function xOf(date: string, year: number): number {
  const span = daysBetween(`${year}-01-01`, `${year}-12-31`);
  const day = Math.min(span, Math.max(0, daysBetween(`${year}-01-01`, date)));
  return LEFT + (day / span) * (W - LEFT - RIGHT);
}

function yOf(value: number): number {
  return TOP + (1 - value / 100) * (H - TOP - BOTTOM);
}

function path(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

export function ProgressChartView({ points, year, closedOn }: Props) {
  const { t, percent, date, locale } = useChartT();
  const titleId = useId();
  const counted = points.filter((p): p is ProgressPoint & { progress: number } => p.progress !== null);
  const first = counted[0];
  const last = counted.at(-1);
  if (!first || !last) return <p className="muted">{t('chart.notCounted')}</p>;
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'narrow', timeZone: 'UTC' });
  const pct = (value: number | null) => (value === null ? t('chart.none') : percent(value));
  const expected = pct(last.expected);
  const summary =
    counted.length === 1
      ? t('chart.summaryOne', { last: percent(last.progress), expected })
      : t(closedOn ? 'chart.summaryOn' : 'chart.summary', {
          first: percent(first.progress),
          month: month.format(Date.parse(`${first.date}T00:00:00Z`)),
          last: percent(last.progress),
          date: closedOn ? date(closedOn) : '',
          expected,
        });
  const actual = counted.map((p) => ({ x: xOf(p.date, year), y: yOf(p.progress) }));
  const due = counted.flatMap((p) =>
    p.expected === null ? [] : [{ x: xOf(p.date, year), y: yOf(p.expected) }],
  );
  const months = Array.from({ length: 12 }, (_, m) => {
    const mid = `${year}-${String(m + 1).padStart(2, '0')}-15`;
    return { x: xOf(mid, year), label: shortMonth.format(Date.parse(`${mid}T00:00:00Z`)) };
  });
  return (
    <section className="card progress-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('chart.title')}</h2>
      <p className="small muted">
        {closedOn ? t('chart.introClosed', { date: date(closedOn) }) : t('chart.intro')}
      </p>
      <ul className="chart-legend small" aria-label={t('chart.legend')}>
        <li>
          <svg width="32" height="12" aria-hidden="true" focusable="false">
            <line x1="2" y1="6" x2="30" y2="6" className="chart-line-actual" />
            <circle cx="16" cy="6" r="3.5" className="chart-dot" />
          </svg>
          {t('chart.actual')}
        </li>
        <li>
          <svg width="32" height="12" aria-hidden="true" focusable="false">
            <line x1="2" y1="6" x2="30" y2="6" className="chart-line-expected" />
          </svg>
          {t('chart.expected')}
        </li>
      </ul>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        {GRID.map((g) => (
          <g key={g}>
            <line x1={LEFT} x2={W - RIGHT} y1={yOf(g)} y2={yOf(g)} className="chart-grid" />
            <text x={LEFT - 4} y={yOf(g) + 4} textAnchor="end" className="chart-axis">
              {percent(g)}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <text key={i} x={m.x} y={H - 8} textAnchor="middle" className="chart-axis">
            {m.label}
          </text>
        ))}
        {due.length > 0 && <path d={path(due)} className="chart-line-expected" />}
        <path d={path(actual)} className="chart-line-actual" />
        {actual.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r="3.5" className="chart-dot" />
        ))}
      </svg>
      <p className="chart-summary">{summary}</p>
      <details className="chart-data">
        <summary>{t('chart.showTable')}</summary>
        <table className="chart-table">
          <caption className="visually-hidden">{t('chart.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.date')}</th>
              <th scope="col">{t('chart.progress')}</th>
              <th scope="col">{t('chart.expectedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <th scope="row">{date(p.date)}</th>
                <td>{pct(p.progress)}</td>
                <td>{pct(p.expected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
