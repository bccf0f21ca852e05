// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makeLogin,
  makeNote,
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
import { ObjectivePage } from '../objective/objective-page.tsx';
import { EvidencePage } from './evidence-page.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const admin = makeUser({ id: 'u-admin', username: 'admin', role: 'admin', areaIds: [] });
const user = (id: string, displayName: string, role: string) => ({
  id,
  version: 1,
  username: id,
  displayName,
  role,
});

async function device(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, {}, [
    makePhase({ id: 'ph-1', number: 1, status: 'in_progress', percent: 50 }),
    makePhase({ id: 'ph-2', number: 2, status: 'done', percent: 100 }),
  ]);
  await db.areas.update(AREA_ID, { name: 'Servizi sociali' });
  await db.objectives.update(OBJECTIVE_ID, {
    number: '3',
    title: 'Sportello unico per le famiglie',
    indicator: 'Sportello aperto entro giugno',
    weights: { head: 30, giunta: 35, nucleo: 40 },
  });
  await db.users.bulkPut([
    user('u-off', 'Anna Rossi', 'officer'),
    user('u-nuc', 'Marta Neri', 'evaluator'),
    user('u-admin', 'Paolo Verdi', 'admin'),
  ]);
  await saveSession(db, makeLogin(admin));
  return db;
}

async function withEvidence(db: TraguardiDb): Promise<void> {
  // Midday times: the same calendar month in every time zone the tests may run in.
  await db.notes.put(
    makeNote({
      id: 'n-1',
      phaseId: 'ph-1',
      authorId: 'u-off',
      text: 'Sopralluogo allo sportello: arredi consegnati.',
      createdAt: '2022-03-10T11:00:00Z',
      attachmentIds: ['att-1'],
    }),
  );
  await db.phaseHistory.put({
    id: 'h-1',
    version: 1,
    phaseId: 'ph-1',
    field: 'percent',
    before: 0,
    after: 50,
    userId: 'u-off',
    at: '2022-03-10T12:00:00Z',
    conflict: false,
  });
  await db.amendments.put({
    id: 'm-1',
    version: 1,
    planId: PLAN_ID,
    entity: 'phase',
    entityId: 'ph-2',
    objectiveId: OBJECTIVE_ID,
    kind: 'update',
    before: { deadline: '2022-06-30' },
    after: { deadline: '2022-09-30' },
    motivation: 'Ritardo della fornitura',
    act: { body: 'giunta', number: '12', date: '2022-05-02' },
    userId: 'u-admin',
    createdAt: '2022-05-02T12:00:00Z',
  });
  await db.phaseVerdicts.put({
    id: 'ph-1',
    version: 1,
    phaseId: 'ph-1',
    objectiveId: OBJECTIVE_ID,
    areaId: AREA_ID,
    planId: PLAN_ID,
    verdict: 'contested',
    reason: 'Manca il verbale di consegna',
    userId: 'u-nuc',
    updatedAt: '2023-01-20T12:00:00Z',
  });
  await db.evaluations.put({
    id: OBJECTIVE_ID,
    version: 1,
    objectiveId: OBJECTIVE_ID,
    planId: PLAN_ID,
    areaId: AREA_ID,
    percent: null,
    comment: 'Dati insufficienti',
    userId: 'u-nuc',
    updatedAt: '2023-01-21T12:00:00Z',
  });
}

async function page(db: TraguardiDb, language: Language = 'it', id = OBJECTIVE_ID) {
  view = await render(<EvidencePage objectiveId={id} />, { db, user: admin, language });
  const container = view.container;
  await waitFor(() => expect(container.querySelector('h1')).not.toBeNull());
  return container;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the evidence pack page', () => {
  it('shows the objective’s header, then every entry by month, oldest first, with who and what', async () => {
    const db = await device();
    await withEvidence(db);
    const container = await page(db);
    await waitFor(() => expect(container.querySelectorAll('.evidence-entry')).toHaveLength(5));
    expect(text(container.querySelector('h1'))).toBe(
      'Fascicolo delle evidenze · Obiettivo 3Sportello unico per le famiglie',
    );
    const facts = text(container.querySelector('.evidence-facts'));
    expect(facts).toContain('Servizi sociali');
    expect(facts).toContain('Sportello aperto entro giugno');
    expect(facts).toContain('Nucleo 40 · Giunta 35 · Responsabile 30');
    expect(facts).toContain('Attivo');
    expect(facts).toContain('Avanzamento oggi75%');
    expect(container.querySelector('button')?.textContent).toBe('Stampa o salva come PDF');

    const months = [...container.querySelectorAll('.evidence-month')].map((m) => [
      text(m.querySelector('h3')),
      [...m.querySelectorAll('.evidence-entry')].map((e) => e.getAttribute('data-kind')),
    ]);
    expect(months).toEqual([
      ['marzo 2022', ['note', 'change']],
      ['maggio 2022', ['amendment']],
      ['gennaio 2023', ['verdict', 'evaluation']],
    ]);
    const entries = [...container.querySelectorAll('.evidence-entry')].map(text);
    expect(entries[0]).toMatch(/Nota · fase 1 · Chi: Anna Rossi/);
    expect(entries[0]).toContain('Sopralluogo allo sportello: arredi consegnati.');
    expect(entries[1]).toMatch(/Modifica · fase 1 · Chi: Anna Rossi.*Avanzamento: 0% → 50%/);
    expect(entries[2]).toContain('Modifica di fase');
    expect(entries[2]).toContain('Motivazione: Ritardo della fornitura');
    expect(entries[2]).toContain('Atto: Giunta comunale n. 12 · 02/05/2022');
    expect(entries[2]).toContain('Paolo Verdi');
    expect(entries[3]).toMatch(/Esito del Nucleo · fase 1 · Chi: Marta Neri/);
    expect(entries[3]).toContain('Fase contestata');
    expect(entries[3]).toContain('Motivo: Manca il verbale di consegna');
    expect(entries[4]).toContain('Grado di raggiungimento: NV (non valutato)');
    expect(entries[4]).toContain('Commento: Dati insufficienti');
    // Each entry's time is machine-readable.
    expect(container.querySelector('.evidence-entry time')?.getAttribute('datetime')).toBe(
      '2022-03-10T11:00:00Z',
    );
    // The photo is neither on this device nor reachable here: said in words, not left blank.
    expect(text(container.querySelector('.evidence-photos'))).not.toBe('');
  });

  it('shows a monitoring snapshot’s frozen figures and a conflict, and leaves out a snapshot not yet synced', async () => {
    const db = await device();
    const frozen = { weight: null, weightUnit: null, deadline: '2022-06-30', removed: false };
    await db.snapshots.bulkPut([
      {
        id: 's-1',
        version: 1,
        planId: PLAN_ID,
        asOf: '2022-07-31',
        label: 'Monitoraggio di luglio',
        takenAt: '2022-08-01T12:00:00Z',
        takenBy: 'u-admin',
        objectives: [
          {
            objectiveId: OBJECTIVE_ID,
            areaId: AREA_ID,
            state: 'active',
            weights: { head: 1, giunta: 1, nucleo: 1 },
          },
        ],
        phases: [
          { ...frozen, phaseId: 'ph-1', objectiveId: OBJECTIVE_ID, status: 'in_progress', percent: 20 },
          { ...frozen, phaseId: 'ph-2', objectiveId: OBJECTIVE_ID, status: 'done', percent: 100 },
        ],
      },
      {
        id: 's-2',
        version: 0,
        pending: true,
        planId: PLAN_ID,
        asOf: '2022-09-30',
        label: 'Non ancora sincronizzato',
        takenAt: '2022-09-30T12:00:00Z',
        takenBy: 'u-admin',
        objectives: [],
        phases: [],
      },
    ]);
    await db.conflicts.put({
      id: 'c-1',
      version: 1,
      phaseId: 'ph-1',
      field: 'percent',
      overwritten: 30,
      winner: 50,
      userIds: ['u-off', 'u-admin'],
      createdAt: '2022-09-05T12:00:00Z',
    });
    const container = await page(db);
    await waitFor(() => expect(container.querySelectorAll('.evidence-entry')).toHaveLength(2));
    const [snapshot, conflict] = [...container.querySelectorAll('.evidence-entry')].map(text);
    // Phase 1 at 20% and phase 2 done, equal weights: 60%; phase 1 was late on 31/07.
    expect(snapshot).toMatch(/Monitoraggio · Chi: Paolo Verdi/);
    expect(snapshot).toContain('Monitoraggio al 31/07/2022 · Monitoraggio di luglio');
    expect(snapshot).toContain('Avanzamento 60% (atteso 100%) · fasi in ritardo: 1');
    expect(conflict).toMatch(/Conflitto · fase 1 · Chi: Modifiche di Anna Rossi, Paolo Verdi/);
    expect(conflict).toContain('Avanzamento: tenuto 50%, sovrascritto 30%');
    expect(text(container)).not.toContain('Non ancora sincronizzato');
  });

  it('reads in English', async () => {
    const db = await device();
    await withEvidence(db);
    const container = await page(db, 'en');
    await waitFor(() => expect(container.querySelectorAll('.evidence-entry')).toHaveLength(5));
    expect(text(container.querySelector('h1'))).toContain('Evidence pack · Objective 3');
    expect(text(container.querySelector('.evidence-month h3'))).toBe('March 2022');
    expect(text(container)).toContain('Phase contested');
    expect(text(container)).toContain('Achievement: NV (not evaluated)');
    expect(container.querySelector('button')?.textContent).toBe('Print or save as PDF');
  });

  it('says when there is no evidence yet, and when the objective is not on the device', async () => {
    const db = await device();
    const container = await page(db);
    await waitFor(() =>
      expect(text(container)).toContain('Nessuna evidenza registrata su questo obiettivo.'),
    );
    expect(container.querySelectorAll('.evidence-entry')).toHaveLength(0);
    view?.unmount();
    const missing = await page(db, 'it', 'obj-none');
    expect(text(missing)).toContain('Questo obiettivo non è su questo dispositivo.');
  });

  it('is linked from the objective page', async () => {
    const db = await device();
    view = await render(<ObjectivePage id={OBJECTIVE_ID} />, { db, user: admin });
    const container = view.container;
    await waitFor(() =>
      expect(container.querySelector('a[href="/obiettivi/obj-1/evidenze"]')?.textContent).toBe(
        'Fascicolo delle evidenze',
      ),
    );
  });
});
