// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  OBJECTIVE_ID,
  openTab,
  PLAN_ID,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import type { AmendmentRecord } from '../../../db/schema.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { ObjectiveEditSection } from './objective-edit-section.tsx';
import { WhatChangedPage } from './what-changed-page.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

function amendment(overrides: Partial<AmendmentRecord>): AmendmentRecord {
  return {
    id: 'am-1',
    version: 5,
    planId: PLAN_ID,
    entity: 'objective',
    entityId: OBJECTIVE_ID,
    objectiveId: OBJECTIVE_ID,
    kind: 'update',
    before: null,
    after: null,
    motivation: 'Perché',
    act: null,
    userId: 'u-admin',
    createdAt: '2022-06-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('what changed', () => {
  it('marks each entity in words, the new values in bold, a removed one struck and named', async () => {
    const db = openTab(newBrowser());
    await seedPlanTree(db, { events: [{ kind: 'approved', at: '2022-01-19T12:00:00.000Z', userId: 'u' }] });
    await db.objectives.put(makeObjective({ id: 'obj-2', number: '2', title: 'Tolto', state: 'removed' }));
    await db.amendments.bulkPut([
      amendment({
        before: { title: 'Vecchio', state: 'active' },
        after: { title: 'Nuovo', state: 'modified' },
      }),
      amendment({
        id: 'am-2',
        entityId: 'obj-2',
        objectiveId: 'obj-2',
        kind: 'remove',
        before: { state: 'active' },
        after: { state: 'removed' },
      }),
      // Before the approval: not part of "what changed since approval".
      amendment({ id: 'am-0', entityId: 'obj-3', kind: 'add', createdAt: '2022-01-01T00:00:00.000Z' }),
    ]);
    view = await render(<WhatChangedPage planId={PLAN_ID} />, { db, user: makeUser({ role: 'admin' }) });
    await waitFor(() => expect(view?.container.querySelectorAll('[data-change]').length).toBe(2));
    const modified = view.container.querySelector(`[data-entity-id="${OBJECTIVE_ID}"]`);
    expect(modified?.getAttribute('data-change')).toBe('modified');
    expect(modified?.querySelector('.change-mark')?.textContent).toBe('Modificato');
    expect(modified?.textContent).toContain('Titolo: «Vecchio» → «Nuovo»');
    expect([...(modified?.querySelectorAll('strong') ?? [])].map((s) => s.textContent)).toContain('«Nuovo»');
    const removed = view.container.querySelector('[data-entity-id="obj-2"]');
    expect(removed?.className).toContain('change-removed');
    expect(removed?.querySelector('.change-mark')?.textContent).toBe('Stralciato');
    expect(removed?.textContent).toContain('Obiettivo 2 — Tolto');
    expect(view.container.textContent).toContain('Dall’approvazione (19/01/2022) a oggi');
  });
});

describe('editing an objective of an approved plan', () => {
  it('refuses at the fields before queuing: a number taken in the area, the motivation missing', async () => {
    const db = openTab(newBrowser());
    await seedPlanTree(db, {}, [makePhase()]);
    await db.objectives.put(makeObjective({ id: 'obj-2', number: '2', areaId: AREA_ID }));
    const objective = await db.objectives.get(OBJECTIVE_ID);
    if (!objective) throw new Error('no objective seeded');
    view = await render(<ObjectiveEditSection objective={objective} phases={[]} />, {
      db,
      user: makeUser({ role: 'admin' }),
    });
    const container = view.container;
    await waitFor(() => expect(container.textContent).toContain('Modifica obiettivo'));
    const editButton = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Modifica obiettivo',
    );
    await act(async () => editButton?.click());
    const number = container.querySelector<HTMLInputElement>('#edit-objective-number');
    if (!number) throw new Error('no number field');
    await act(async () => {
      // React listens to the native setter's input event.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(number, '2');
      number.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const form = container.querySelector('form');
    await act(async () => form?.requestSubmit());
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    const numberError = container.querySelector(`#${number.getAttribute('aria-describedby') ?? 'none'}`);
    expect(numberError?.textContent).toBe('L’area ha già un obiettivo numero 2.');
    const motivation = container.querySelector('#edit-objective-motivation');
    expect(motivation?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(number);
    expect(await db.outbox.count()).toBe(0);
  });

  it('takes the edit controls away once the plan is closed', async () => {
    const db = openTab(newBrowser());
    await seedPlanTree(db);
    const objective = await db.objectives.get(OBJECTIVE_ID);
    if (!objective) throw new Error('no objective seeded');
    view = await render(<ObjectiveEditSection objective={objective} phases={[]} />, {
      db,
      user: makeUser({ role: 'admin' }),
    });
    const container = view.container;
    await waitFor(() => expect(container.querySelectorAll('button').length).toBeGreaterThan(0));
    await act(async () => {
      await db.plans.update(PLAN_ID, { status: 'closed' });
    });
    await waitFor(() => expect(container.querySelector('button')).toBeNull());
  });
});
