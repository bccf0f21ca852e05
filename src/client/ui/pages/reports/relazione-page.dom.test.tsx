// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makeLogin,
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  OBJECTIVE_ID,
  openTab,
  PLAN_ID,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import type { TraguardiDb } from '../../../db/schema.ts';
import { saveSession } from '../../../db/session.ts';
import type { Language } from '../../../i18n/translate.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { RelazionePage } from './relazione-page.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const admin = makeUser({ id: 'u-admin', username: 'admin', role: 'admin', areaIds: [] });

async function device(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(
    db,
    { status: 'closed', events: [{ kind: 'closed', at: '2023-02-10T09:00:00Z', userId: 'u-admin' }] },
    [makePhase({ status: 'done', percent: 100, deadline: '2022-06-30', description: 'Bando' })],
  );
  await db.objectives.put(
    makeObjective({
      id: 'obj-2',
      number: '2',
      title: 'Secondo obiettivo',
      weights: { head: null, giunta: 40, nucleo: null },
    }),
  );
  await db.objectives.update(OBJECTIVE_ID, {
    title: 'Primo obiettivo',
    weights: { head: null, giunta: 60, nucleo: null },
  });
  await db.phases.put(makePhase({ id: 'ph-2', objectiveId: 'obj-2', status: 'in_progress', percent: 40 }));
  await saveSession(db, makeLogin(admin));
  return db;
}

async function page(db: TraguardiDb, language: Language = 'it') {
  view = await render(<RelazionePage planId={PLAN_ID} />, { db, user: admin, language });
  const container = view.container;
  await waitFor(() => expect(container.querySelector('h1')).not.toBeNull());
  await waitFor(() => expect(container.querySelector('.report-objective')).not.toBeNull());
  return container;
}

function cell(container: HTMLElement, caption: string, row: string, col: number): string {
  const table = [...container.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  const tr = [...(table?.querySelectorAll('tr') ?? [])].find(
    (r) => r.querySelector('th')?.textContent === row,
  );
  return tr?.querySelectorAll('td')[col]?.textContent ?? `no ${caption}/${row}`;
}

describe('Relazione sulla performance page', () => {
  it('with no evaluation yet says so, and shows no score or deviation as 0', async () => {
    const container = await page(await device());
    expect(container.textContent).toContain('non ha ancora valutato alcun obiettivo');
    expect(cell(container, 'Sintesi', 'Ente', 2)).toBe('—');
    expect(cell(container, 'Obiettivi per esito', 'Da valutare', 1)).toBe('2');
    expect(container.textContent).not.toContain('Scostamento');
    expect(container.textContent).toContain('Dati al 10/02/2023');
  });

  it('prints each objective with its score, NV as NV, counts and totals (it and en)', async () => {
    const db = await device();
    const evaluation = {
      planId: PLAN_ID,
      areaId: AREA_ID,
      userId: 'u-nucleo',
      updatedAt: '2023-01-20T00:00:00Z',
      version: 1,
    };
    await db.evaluations.bulkPut([
      { ...evaluation, id: OBJECTIVE_ID, objectiveId: OBJECTIVE_ID, percent: 100, comment: '' },
      { ...evaluation, id: 'obj-2', objectiveId: 'obj-2', percent: null, comment: 'Dati mancanti' },
    ]);
    const container = await page(db);
    await waitFor(() => expect(container.querySelectorAll('.report-score')).toHaveLength(2));
    const scores = [...container.querySelectorAll('.report-objective')].map((a) => [
      a.querySelector('h3')?.textContent,
      a.querySelector('.report-score')?.textContent,
    ]);
    expect(scores).toEqual([
      ['Obiettivo 1 · Primo obiettivo', '100'],
      ['Obiettivo 2 · Secondo obiettivo', 'NV'],
    ]);
    expect(cell(container, 'Sintesi', 'Ente', 2)).toBe('100');
    expect(cell(container, 'Obiettivi per esito', 'Raggiunto', 1)).toBe('1');
    expect(cell(container, 'Obiettivi per esito', 'Non valutato (NV)', 1)).toBe('1');
    expect(container.textContent).toContain('Nucleo: Dati mancanti');
    expect(container.textContent).not.toContain('non ha ancora valutato');
    view?.unmount();
    const en = await page(db, 'en');
    await waitFor(() => expect(en.querySelectorAll('.report-score')).toHaveLength(2));
    expect(cell(en, 'Objectives by outcome', 'Not evaluated (NV)', 1)).toBe('1');
    expect(en.querySelector('h1')?.textContent).toContain('Performance report 2022');
  });
});
