// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import type { PhaseHistoryRecord, TraguardiDb } from '../../../db/schema.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { AreaPage } from './area-page.tsx';
import { ProgressChartView } from './progress-chart-view.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function change(
  phaseId: string,
  field: 'status' | 'percent',
  before: unknown,
  after: unknown,
  at: string,
): PhaseHistoryRecord {
  return {
    id: crypto.randomUUID(),
    version: 1,
    phaseId,
    field,
    before,
    after,
    at,
    userId: 'u-1',
    conflict: false,
  };
}

/** The 2022 plan (seen as of 31/12/2022): one phase done in March, one at 40% since May. */
async function seed(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, { year: 2022, years: [2022, 2023, 2024] }, [
    makePhase({ id: 'ph-1', number: 1, status: 'done', deadline: '2022-03-31' }),
    makePhase({ id: 'ph-2', number: 2, status: 'in_progress', percent: 40, deadline: '2022-09-30' }),
  ]);
  await db.phaseHistory.bulkPut([
    change('ph-1', 'status', 'not_started', 'done', '2022-03-10T09:00:00.000Z'),
    change('ph-2', 'status', 'not_started', 'in_progress', '2022-05-02T09:00:00.000Z'),
    change('ph-2', 'percent', 0, 40, '2022-05-02T09:00:00.000Z'),
  ]);
  return db;
}

const rowsOf = (v: Rendered) =>
  [...v.container.querySelectorAll('.chart-table tbody tr')].map((tr) =>
    [...tr.children].map((cell) => cell.textContent?.replace(/\s/g, ' ')),
  );

describe('the area page’s progress chart', () => {
  it('draws the months rebuilt from the history, says them in a sentence and lists them in a table', async () => {
    const db = await seed();
    view = await render(<AreaPage id={AREA_ID} />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() => expect(view!.container.querySelector('.chart-svg')).not.toBeNull());
    const svg = view.container.querySelector('.chart-svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Avanzamento: 0% a fine gennaio, 70% al 31 dic 2022; atteso 100%.',
    );
    const rows = rowsOf(view);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['31 gen 2022', '0%', '0%']);
    expect(rows[2]).toEqual(['31 mar 2022', '50%', '50%']);
    expect(rows[4]).toEqual(['31 mag 2022', '70%', '50%']);
    expect(rows[11]).toEqual(['31 dic 2022', '70%', '100%']);
    // The last row is the figure the page shows above the chart.
    expect(view.container.querySelector('.plan-summary .progress-text')?.textContent).toContain(
      'Avanzamento 70% · atteso 100%',
    );
    expect(view.container.querySelector('details.chart-data summary')?.textContent).toBe(
      'Mostra i dati in tabella',
    );
    // The expected line is dashed, the actual one is not: they differ without colour.
    expect(view.container.querySelectorAll('.chart-svg path.chart-line-expected')).toHaveLength(1);
    expect(view.container.querySelectorAll('.chart-svg circle.chart-dot')).toHaveLength(12);
  });

  it('speaks English too', async () => {
    const db = await seed();
    view = await render(<AreaPage id={AREA_ID} />, { db, user: makeUser({ role: 'admin' }), language: 'en' });
    await waitFor(() => expect(view!.container.querySelector('.chart-svg')).not.toBeNull());
    expect(view.container.querySelector('.chart-svg')?.getAttribute('aria-label')).toBe(
      'Progress: 0% at the end of January, 70% on 31 Dec 2022; expected 100%.',
    );
    expect(view.container.querySelector('details.chart-data summary')?.textContent).toBe(
      'Show the data as a table',
    );
  });

  it('says "oggi" while the year runs, and has nothing to draw when nothing counts', async () => {
    const points = [
      { date: '2026-01-31', progress: 10, expected: 0 },
      { date: '2026-02-28', progress: 30, expected: 50 },
      { date: '2026-03-12', progress: 55, expected: 70 },
    ];
    view = await render(<ProgressChartView points={points} year={2026} closedOn={null} />);
    expect(view.container.querySelector('.chart-svg')?.getAttribute('aria-label')).toBe(
      'Avanzamento: 10% a fine gennaio, 55% oggi; atteso 70%.',
    );
    expect(view.container.textContent).toContain('l’ultimo punto è oggi');
    view.unmount();
    view = await render(<ProgressChartView points={[points[2]!]} year={2026} closedOn={null} />);
    expect(view.container.querySelector('.chart-svg')?.getAttribute('aria-label')).toBe(
      'Avanzamento: 55% oggi; atteso 70%.',
    );
    view.unmount();
    const none = [{ date: '2026-01-31', progress: null, expected: null }];
    view = await render(<ProgressChartView points={none} year={2026} closedOn={null} />);
    expect(view.container.querySelector('.chart-svg')).toBeNull();
    expect(view.container.textContent).toContain('Nessun obiettivo dell’area è valutato');
  });
});
