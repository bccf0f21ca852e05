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
import type { PlanRecord, TraguardiDb } from '../../../db/schema.ts';
import { saveSession } from '../../../db/session.ts';
import type { Language } from '../../../i18n/translate.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { EvaluationSection } from './evaluation-section.tsx';
import { PlanCycleSection } from './plan-cycle-section.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const evaluator = makeUser({ id: 'u-nucleo', username: 'nucleo', role: 'evaluator', areaIds: [] });
const head = makeUser({ id: 'u-head', username: 'resp', role: 'head', areaIds: [AREA_ID] });
const admin = makeUser({ id: 'u-admin', username: 'admin', role: 'admin', areaIds: [] });
const PHASES = [makePhase(), makePhase({ id: 'ph-2', number: 2, description: 'Seconda fase' })];

async function deviceOf(user: SessionUser, plan: Partial<PlanRecord> = {}): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, plan, PHASES);
  await saveSession(db, makeLogin(user));
  return db;
}

async function section(user: SessionUser, db: TraguardiDb, language: Language = 'it') {
  const objective = await db.objectives.get(OBJECTIVE_ID);
  const plan = await db.plans.get(PLAN_ID);
  if (!objective) throw new Error('no objective seeded');
  view = await render(<EvaluationSection objective={objective} phases={PHASES} plan={plan} progress={40} />, {
    db,
    user,
    language,
  });
  const container = view.container;
  await waitFor(() => expect(container.querySelector('#eval-title')).not.toBeNull());
  return container;
}

function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}" in: ${container.textContent}`);
  return found;
}

async function click(container: HTMLElement, text: string) {
  await act(async () => button(container, text).click());
}

async function type(field: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!field) throw new Error('no field');
  await act(async () => {
    // React listens to the native setter's input event.
    const proto =
      field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(container: HTMLElement) {
  await act(async () => container.querySelector('form')?.requestSubmit());
}

/** Waits until an async check of the device's rows passes. */
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      // Inside act: the form's own state updates, made as the same write settles, are React's to flush.
      await act(check);
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }
}

/** The error tied to a control by aria-describedby. */
function errorOf(container: HTMLElement, field: Element | null): string | null | undefined {
  const ids = field?.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => container.querySelector(`#${id}`)).find((e) => e?.className === 'field-error')
    ?.textContent;
}

describe('the Nucleo’s evaluation form', () => {
  it('refuses a percent outside 0–100 and a missing one at the field, focused, nothing queued', async () => {
    const db = await deviceOf(evaluator);
    const container = await section(evaluator, db);
    expect(container.textContent).toContain('Il Nucleo non ha ancora valutato questo obiettivo.');
    await click(container, 'Valuta l’obiettivo');
    const percent = container.querySelector<HTMLInputElement>(`#eval-${OBJECTIVE_ID}-percent`);
    await type(percent, '150');
    await submit(container);
    await waitFor(() => expect(percent?.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(container, percent)).toBe('La percentuale è un numero intero da 0 a 100.');
    expect(document.activeElement).toBe(percent);
    expect(container.textContent).toContain('Correggi i campi indicati.');
    await type(percent, '');
    await submit(container);
    await waitFor(() =>
      expect(errorOf(container, percent)).toBe(
        'Scrivi la percentuale di raggiungimento, oppure scegli «Non valutato».',
      ),
    );
    await type(percent, '7,5');
    await submit(container);
    await waitFor(() =>
      expect(errorOf(container, percent)).toBe('La percentuale è un numero intero da 0 a 100.'),
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('"Non valutato" saves NV (null, never 0) and shows NV at once, offline', async () => {
    const db = await deviceOf(evaluator);
    const container = await section(evaluator, db);
    await click(container, 'Valuta l’obiettivo');
    const nv = container.querySelector<HTMLInputElement>(`#eval-${OBJECTIVE_ID}-notEvaluated`);
    await act(async () => nv?.click());
    expect(container.querySelector(`#eval-${OBJECTIVE_ID}-percent`)).toBeNull();
    await type(container.querySelector('textarea'), 'Dati non forniti');
    await submit(container);
    await waitFor(() =>
      expect(container.querySelector('.eval-figure')?.textContent).toBe('NV (non valutato)'),
    );
    expect(container.textContent).toContain('Commento: Dati non forniti');
    expect(container.textContent).toContain('In attesa di sincronizzazione');
    expect(container.textContent).toContain('Salvato sul dispositivo');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'evaluation.setObjective',
      args: { objectiveId: OBJECTIVE_ID, percent: null, comment: 'Dati non forniti' },
    });
  });

  it('a contested verdict needs its reason (at the field); with it, the verdict shows with the reason', async () => {
    const db = await deviceOf(evaluator);
    const container = await section(evaluator, db);
    await click(container, 'Esito della fase 2');
    const contested = container.querySelector<HTMLInputElement>('#verdict-ph-2-verdict-contested');
    await act(async () => contested?.click());
    await submit(container);
    const reason = container.querySelector<HTMLTextAreaElement>('#verdict-ph-2-reason');
    await waitFor(() => expect(reason?.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(container, reason)).toBe('Scrivi il motivo: una fase contestata lo richiede.');
    expect(document.activeElement).toBe(reason);
    expect(await db.outbox.count()).toBe(0);
    await type(reason, 'Manca il verbale');
    await submit(container);
    await waitFor(() =>
      expect(container.querySelector('[data-verdict="contested"]')?.textContent).toContain(
        'Motivo: Manca il verbale',
      ),
    );
    expect(container.querySelector('[data-verdict="contested"] .eval-badge')?.textContent).toBe('Contestata');
  });

  it('in English too', async () => {
    const db = await deviceOf(evaluator);
    const container = await section(evaluator, db, 'en');
    await click(container, 'Verdict on phase 1');
    await act(async () =>
      container.querySelector<HTMLInputElement>('#verdict-ph-1-verdict-contested')?.click(),
    );
    await submit(container);
    const reason = container.querySelector('#verdict-ph-1-reason');
    await waitFor(() =>
      expect(errorOf(container, reason)).toBe('Write the reason: a contested phase needs one.'),
    );
    await click(container, 'Cancel');
    await click(container, 'Evaluate the objective');
    const percent = container.querySelector<HTMLInputElement>(`#eval-${OBJECTIVE_ID}-percent`);
    await type(percent, '-3');
    await submit(container);
    await waitFor(() =>
      expect(errorOf(container, percent)).toBe('The percentage is a whole number from 0 to 100.'),
    );
  });
});

describe('the head’s own assessment', () => {
  it('the area’s head writes it beside the computed progress; a wrong percent is refused at the field', async () => {
    const db = await deviceOf(head);
    const container = await section(head, db);
    expect(container.textContent).toContain('Avanzamento calcolato dalle fasi40%');
    // The Nucleo's form is the evaluator's alone.
    expect(container.textContent).not.toContain('Valuta l’obiettivo');
    await click(container, 'Scrivi la tua autovalutazione');
    const percent = container.querySelector<HTMLInputElement>(`#self-${OBJECTIVE_ID}-percent`);
    await type(percent, 'molto');
    await submit(container);
    await waitFor(() =>
      expect(errorOf(container, percent)).toBe('La percentuale è un numero intero da 0 a 100.'),
    );
    await type(percent, '85');
    await type(container.querySelector('textarea'), 'Tutto fatto tranne la fase 2');
    await submit(container);
    await waitFor(() => expect(container.textContent).toContain('Percentuale indicata dal responsabile85%'));
    expect(await db.selfAssessments.get(OBJECTIVE_ID)).toMatchObject({ percent: 85, userId: head.id });
  });

  it('an officer while the plan is open: no forms, the Nucleo’s figures not held, and says so', async () => {
    const officer = makeUser({ id: 'u-off', role: 'officer', areaIds: [AREA_ID] });
    const db = await deviceOf(officer);
    const container = await section(officer, db);
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(container.textContent).toContain('Finché il piano è aperto le valutazioni del Nucleo');
  });

  it('on a closed plan no form is offered to anyone', async () => {
    const db = await deviceOf(evaluator, { status: 'closed' });
    const container = await section(evaluator, db);
    expect(container.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('closing and reopening the plan', () => {
  async function planSection(user: SessionUser, db: TraguardiDb) {
    const plan = await db.plans.get(PLAN_ID);
    if (!plan) throw new Error('no plan');
    view = await render(<PlanCycleSection plan={plan} />, { db, user });
    return view.container;
  }

  it('the evaluator closes after a confirmation; the plan is closed on the device at once', async () => {
    const db = await deviceOf(evaluator);
    const container = await planSection(evaluator, db);
    expect(container.textContent).toContain('Metodo attuale: lineare, fino a 100.');
    // Only an admin chooses the method.
    expect(container.textContent).not.toContain('Salva il metodo');
    await click(container, 'Chiudi il piano');
    expect(document.activeElement?.textContent).toBe('Chiudere il piano «Piano 2022»?');
    expect((await db.plans.get(PLAN_ID))?.status).toBe('approved');
    await click(container, 'Sì, chiudi il piano');
    await eventually(async () => expect((await db.plans.get(PLAN_ID))?.status).toBe('closed'));
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['plan.close']);
  });

  it('reopening needs its reason (at the field); the admin’s reopen is queued with it', async () => {
    const db = await deviceOf(admin, { status: 'closed' });
    const container = await planSection(admin, db);
    expect(container.textContent).toContain('Piano chiuso');
    await click(container, 'Riapri il piano');
    const reason = container.querySelector<HTMLTextAreaElement>('#reopen-reason');
    await submit(container);
    await waitFor(() => expect(errorOf(container, reason)).toBe('Scrivi il motivo della riapertura.'));
    expect(document.activeElement).toBe(reason);
    expect(await db.outbox.count()).toBe(0);
    await type(reason, 'Errore nel punteggio dell’area 2');
    await submit(container);
    await eventually(async () => expect((await db.plans.get(PLAN_ID))?.status).toBe('approved'));
    expect((await db.plans.get(PLAN_ID))?.events?.at(-1)).toMatchObject({
      kind: 'reopened',
      reason: 'Errore nel punteggio dell’area 2',
    });
  });

  it('the admin’s scoring method: a threshold 1–100 is required with it', async () => {
    const db = await deviceOf(admin);
    const container = await planSection(admin, db);
    await click(container, 'Metodo di punteggio');
    await act(async () => container.querySelector<HTMLInputElement>('#scoring-kind-threshold')?.click());
    const threshold = container.querySelector<HTMLInputElement>('#scoring-threshold');
    await type(threshold, '0');
    await submit(container);
    await waitFor(() =>
      expect(errorOf(container, threshold)).toBe('Scrivi la soglia: un numero intero da 1 a 100.'),
    );
    await type(threshold, '60');
    await submit(container);
    await eventually(async () =>
      expect((await db.plans.get(PLAN_ID))?.scoring).toEqual({ kind: 'threshold', threshold: 60 }),
    );
  });
});
