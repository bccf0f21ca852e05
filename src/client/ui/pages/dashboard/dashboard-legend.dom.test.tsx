// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeUser, newBrowser, openTab, seedPlanTree } from '../../../../../test/helpers/device.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { META } from '../../../db/meta.ts';
import { clearSnapshot } from './dashboard-snapshot.ts';
import { DashboardPage } from './dashboard-page.tsx';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  clearSnapshot();
});

const legendOf = (v: Rendered) => v.container.querySelector('.progress-legend')?.textContent ?? '';

describe('the progress legend on the dashboard', () => {
  it('names 31/12 of a plan year that is over, the day its expected marker is computed as of', async () => {
    const db = openTab(newBrowser());
    // The device's calendar is past 2022, so the plan is seen as of 31/12/2022 (useSelectedPlan).
    await seedPlanTree(db, { year: 2022, years: [2022, 2023, 2024] });
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() => expect(legendOf(view!)).toContain('Atteso al 31/12/2022'));
    expect(legendOf(view)).not.toContain('a oggi');
    view.unmount();
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }), language: 'en' });
    await waitFor(() => expect(legendOf(view!)).toContain('Expected by 31/12/2022'));
  });

  it('says "today" while the plan year runs', async () => {
    const db = openTab(newBrowser());
    const year = new Date().getFullYear();
    await seedPlanTree(db, { year, years: [year, year + 1, year + 2] });
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() => expect(legendOf(view!)).toContain('Atteso a oggi'));
  });
});

describe('the dashboard during a first sync', () => {
  it('says the plan is not on the device while the core is being stored, and shows the figures once it is', async () => {
    const db = openTab(newBrowser());
    const year = new Date().getFullYear();
    await seedPlanTree(db, { year, years: [year, year + 1, year + 2] });
    await db.meta.put({ key: META.firstSync, value: { stage: 'core', coreNotes: 0 } });
    view = await render(<DashboardPage />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() =>
      expect(view!.container.textContent).toContain('Il piano non è ancora sul dispositivo'),
    );
    expect(legendOf(view)).toBe('');
    await act(async () => {
      await db.meta.delete(META.firstSync);
    });
    await waitFor(() => expect(legendOf(view!)).toContain('Atteso a oggi'));
    expect(view.container.textContent).not.toContain('Il piano non è ancora sul dispositivo');
  });
});
