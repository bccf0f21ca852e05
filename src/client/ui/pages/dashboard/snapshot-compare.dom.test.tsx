// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  OBJECTIVE_ID,
  PLAN_ID,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import type { SnapshotRecord, TraguardiDb } from '../../../db/schema.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { clearSnapshot } from './dashboard-snapshot.ts';
import { DashboardPage } from './dashboard-page.tsx';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  clearSnapshot();
});

function snapshot(overrides: Partial<SnapshotRecord>): SnapshotRecord {
  return {
    id: 'snap-june',
    version: 1,
    planId: PLAN_ID,
    asOf: '2022-06-30',
    label: 'Monitoraggio di giugno',
    takenAt: '2022-07-01T08:00:00.000Z',
    takenBy: 'u-1',
    // Then: the first phase at 20%, the second not started.
    phases: [
      {
        phaseId: 'ph-1',
        objectiveId: OBJECTIVE_ID,
        status: 'in_progress',
        percent: 20,
        weight: null,
        weightUnit: null,
        deadline: '2022-03-31',
        removed: false,
      },
      {
        phaseId: 'ph-2',
        objectiveId: OBJECTIVE_ID,
        status: 'not_started',
        percent: 0,
        weight: null,
        weightUnit: null,
        deadline: '2022-09-30',
        removed: false,
      },
    ],
    objectives: [
      {
        objectiveId: OBJECTIVE_ID,
        areaId: AREA_ID,
        state: 'active',
        weights: { head: null, giunta: null, nucleo: null },
      },
    ],
    ...overrides,
  };
}

async function seed(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  // Now: the first phase done, the second at 40% (the plan seen as of 31/12/2022).
  await seedPlanTree(db, { year: 2022, years: [2022, 2023, 2024] }, [
    makePhase({ id: 'ph-1', number: 1, status: 'done', deadline: '2022-03-31' }),
    makePhase({ id: 'ph-2', number: 2, status: 'in_progress', percent: 40, deadline: '2022-09-30' }),
  ]);
  await db.snapshots.bulkPut([
    snapshot({}),
    // Taken on this device and not yet synced: no frozen rows, not offered.
    snapshot({
      id: 'snap-pending',
      label: 'In attesa',
      asOf: '2022-09-30',
      phases: [],
      objectives: [],
      pending: true,
    }),
  ]);
  return db;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const rowText = (v: Rendered, key: string) =>
  v.container.querySelector(`.compare-row[data-area="${key}"]`)?.textContent?.replace(/\s+/g, ' ');

describe('the dashboard compared with a monitoring snapshot', () => {
  it('offers the frozen snapshots and shows each area then and now, with the change in words', async () => {
    const db = await seed();
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() => expect(view!.container.querySelector('.snapshot-compare select')).not.toBeNull());
    const select = view.container.querySelector<HTMLSelectElement>('.snapshot-compare select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Nessun confronto',
      '30 giu 2022 · Monitoraggio di giugno',
    ]);
    expect(view.container.querySelector('.snapshot-compare label')?.textContent).toBe(
      'Confronta con il monitoraggio del …',
    );
    await choose(select, 'snap-june');
    await waitFor(() => expect(rowText(view!, AREA_ID)).toBeDefined());
    expect(rowText(view, AREA_ID)).toBe('Area: Allora 10%, ora 70% (su di 60 punti)');
    expect(rowText(view, 'plan')).toBe('Ente: Allora 10%, ora 70% (su di 60 punti)');
    expect(view.container.querySelector('.compare-result h2')?.textContent).toBe(
      'Confronto con il monitoraggio del 30 giu 2022',
    );
    await choose(select, '');
    expect(view.container.querySelector('.compare-result')).toBeNull();
  });

  it('is absent when the plan has no frozen snapshot, and speaks English', async () => {
    const db = await seed();
    await db.snapshots.delete('snap-june');
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }), language: 'en' });
    await waitFor(() => expect(view!.container.querySelector('.area-card')).not.toBeNull());
    expect(view.container.querySelector('.snapshot-compare')).toBeNull();
    view.unmount();
    await db.snapshots.put(snapshot({}));
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }), language: 'en' });
    await waitFor(() => expect(view!.container.querySelector('.snapshot-compare select')).not.toBeNull());
    await choose(view.container.querySelector<HTMLSelectElement>('.snapshot-compare select')!, 'snap-june');
    await waitFor(() => expect(rowText(view!, AREA_ID)).toBe('Area: Then 10%, now 70% (up 60 points)'));
  });
});
