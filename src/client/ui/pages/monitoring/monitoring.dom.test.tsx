// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makeLogin,
  makePhase,
  makeUser,
  newBrowser,
  OBJECTIVE_ID,
  openTab,
  PLAN_ID,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import type { SessionUser } from '../../../../shared/auth.ts';
import type { SnapshotRecord, TraguardiDb } from '../../../db/schema.ts';
import { saveSession } from '../../../db/session.ts';
import type { Language } from '../../../i18n/translate.ts';
import { localIsoDate } from '../../hooks/use-today.ts';
import { button, click, submit, type } from '../../testing/dom-actions.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { MonitoringPage } from './monitoring-page.tsx';
import { SnapshotPage } from './snapshot-page.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const admin = makeUser({ id: 'u-admin', username: 'admin', role: 'admin', areaIds: [] });
const head = makeUser({ id: 'u-head', username: 'resp', role: 'head', areaIds: [AREA_ID] });
const officer = makeUser({ id: 'u-off', username: 'istr', role: 'officer', areaIds: [AREA_ID] });

// Live: the phase is done. Frozen by the snapshot: half way, and late at its date.
const LIVE = [makePhase({ status: 'done', percent: 100, deadline: '2022-05-31', description: 'Bando' })];
const SNAPSHOT: SnapshotRecord = {
  id: 'snap-1',
  version: 1,
  planId: PLAN_ID,
  asOf: '2022-06-30',
  label: 'Monitoraggio di giugno',
  takenAt: '2022-07-03T08:00:00.000Z',
  takenBy: admin.id,
  phases: [
    {
      phaseId: 'ph-1',
      objectiveId: OBJECTIVE_ID,
      status: 'in_progress',
      percent: 50,
      weight: null,
      weightUnit: null,
      deadline: '2022-05-31',
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
  roundClosedAt: null,
  roundClosedBy: null,
};

async function deviceOf(user: SessionUser, snapshots: SnapshotRecord[] = [SNAPSHOT]): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, {}, LIVE);
  await db.snapshots.bulkPut(snapshots);
  await saveSession(db, makeLogin(user));
  return db;
}

async function snapshotPage(db: TraguardiDb, user: SessionUser, language: Language = 'it') {
  view = await render(<SnapshotPage planId={PLAN_ID} snapshotId={SNAPSHOT.id} />, { db, user, language });
  const container = view.container;
  await waitFor(() => expect(container.querySelector('.report-objective')).not.toBeNull());
  return container;
}

function row(container: HTMLElement, name: string): string[] {
  const tr = [...container.querySelectorAll('table tr')].find(
    (r) => r.querySelector('th')?.textContent === name,
  );
  return [...(tr?.querySelectorAll('td') ?? [])].map((td) => td.textContent ?? '');
}

describe('the plan’s monitoring page', () => {
  it('lists the snapshots newest first; the admin takes one offline: blank title refused at the field, then pending', async () => {
    const older = { ...SNAPSHOT, id: 'snap-0', asOf: '2022-03-31', label: 'Monitoraggio di marzo' };
    const db = await deviceOf(admin, [older, SNAPSHOT]);
    view = await render(<MonitoringPage planId={PLAN_ID} />, { db, user: admin });
    const container = view.container;
    await waitFor(() => expect(container.querySelectorAll('.mon-item')).toHaveLength(2));
    expect([...container.querySelectorAll('.mon-item h3')].map((h) => h.textContent)).toEqual([
      'Monitoraggio di giugno',
      'Monitoraggio di marzo',
    ]);
    expect(container.querySelector('.mon-item')?.textContent).toContain('Dati al 30/06/2022');
    const asOf = container.querySelector<HTMLInputElement>('#mon-take-asOf');
    expect(asOf?.value).toBe(localIsoDate(new Date()));

    await type(asOf, '2022-02-30');
    await submit(container.querySelector('form'));
    await waitFor(() => expect(asOf?.getAttribute('aria-invalid')).toBe('true'));
    expect(container.textContent).toContain('Scrivi una data valida nel formato AAAA-MM-GG.');
    expect(container.textContent).toContain('Scrivi il titolo della rilevazione.');
    expect(await db.outbox.count()).toBe(0);

    await type(asOf, '2022-09-30');
    await type(container.querySelector('#mon-take-label'), 'Monitoraggio di settembre');
    await submit(container.querySelector('form'));
    await waitFor(() => expect(container.querySelectorAll('.mon-item')).toHaveLength(3));
    const first = container.querySelector('.mon-item');
    expect(first?.querySelector('h3')?.textContent).toBe('Monitoraggio di settembre');
    expect(first?.textContent).toContain('In attesa di sincronizzazione');
    expect(container.textContent).toContain('Rilevazione salvata sul dispositivo');
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['snapshot.take']);
  });

  it('gives no form to a head, and speaks English', async () => {
    const db = await deviceOf(head);
    view = await render(<MonitoringPage planId={PLAN_ID} />, { db, user: head, language: 'en' });
    const container = view.container;
    await waitFor(() => expect(container.querySelectorAll('.mon-item')).toHaveLength(1));
    expect(container.querySelector('form')).toBeNull();
    expect(container.querySelector('h1')?.textContent).toContain('Mid-year monitoring');
    expect(container.textContent).toContain('Monitoring open');
  });
});

describe('the snapshot’s monitoring report', () => {
  it('shows the frozen figures, not the live ones, and the late phase at its date', async () => {
    const db = await deviceOf(officer);
    const container = await snapshotPage(db, officer);
    expect(row(container, 'Ente')).toEqual(['50%', '100%', '1']);
    expect(container.querySelector('caption')?.textContent).toBe('Avanzamento e atteso al 30/06/2022');
    expect(container.querySelector('.mon-figures')?.textContent).toBe('Avanzamento 50%, atteso 100%');
    expect(container.querySelector('.mon-late')?.textContent).toContain(
      'Area, obiettivo 1, fase 1: scadenza 31/05/2022',
    );
    expect(container.textContent).toContain('Nessun report di monitoraggio.');
    // An officer reads, never writes; nobody but the admin closes.
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Stampa o salva come PDF',
    ]);
  });

  it('the area’s head writes the report offline; the admin closes the round and it is read-only', async () => {
    const db = await deviceOf(head);
    let container = await snapshotPage(db, head);
    await click(container, 'Scrivi il report');
    const form = container.querySelector<HTMLFormElement>('form');
    await type(form?.querySelector('#mon-report-obj-1-done') ?? null, 'Avviata la gara');
    await type(form?.querySelector('#mon-report-obj-1-issues') ?? null, 'Ritardo del fornitore');
    await act(async () => form?.querySelector<HTMLInputElement>('#mon-report-obj-1-reachable-no')?.click());
    await type(form?.querySelector('#mon-report-obj-1-action') ?? null, 'Variazione della scadenza');
    await submit(form ?? null);
    await waitFor(() => expect(container.querySelector('form')).toBeNull());
    expect(await db.monitoringReports.get(`${SNAPSHOT.id}:${OBJECTIVE_ID}`)).toMatchObject({
      done: 'Avviata la gara',
      issues: 'Ritardo del fornitore',
      reachable: false,
      action: 'Variazione della scadenza',
      userId: head.id,
    });
    await waitFor(() =>
      expect(container.querySelector('.report-facts')?.textContent).toContain('Ritardo del fornitore'),
    );
    expect(container.querySelector('.report-facts')?.textContent).toContain('Raggiungibile entro il 31/12No');
    await waitFor(() =>
      expect(container.querySelector('.mon-report')?.textContent).toContain('in attesa di sincronizzazione'),
    );
    button(container, 'Modifica il report');
    view?.unmount();

    await saveSession(db, makeLogin(admin));
    container = await snapshotPage(db, admin);
    await click(container, 'Chiudi il monitoraggio');
    expect(container.textContent).toContain('Chiudere il monitoraggio «Monitoraggio di giugno»?');
    await click(container, 'Chiudi');
    await waitFor(() => expect(container.textContent).toContain('i report sono in sola lettura'));
    expect((await db.snapshots.get(SNAPSHOT.id))?.roundClosedBy).toBe(admin.id);
    expect(container.textContent).not.toContain('Modifica il report');
    view?.unmount();

    container = await snapshotPage(db, head, 'en');
    expect(container.textContent).toContain('the reports are read-only');
    expect(container.textContent).toContain('Issues (criticità)');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Print or save as PDF',
    ]);
  });
});
