// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeObjective,
  makePlan,
  makeUser,
  newBrowser,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { RolloverForm } from './rollover-form.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

async function seeded() {
  const db = openTab(newBrowser());
  await seedPlanTree(db);
  await db.objectives.put(makeObjective({ id: 'obj-2', number: '2', title: 'Tolto', state: 'removed' }));
  return db;
}

const boxes = (v: Rendered) => [...v.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];

describe('the rollover form', () => {
  it('checks the objectives that count, shows a removed one disabled with why, defaults the year', async () => {
    const db = await seeded();
    view = await render(<RolloverForm plan={makePlan()} />, {
      db,
      user: makeUser({ role: 'admin' }),
      status: { online: true },
    });
    await waitFor(() => expect(boxes(view!)).toHaveLength(2));
    const [kept, removed] = boxes(view);
    expect(kept?.checked).toBe(true);
    expect(removed?.checked).toBe(false);
    expect(removed?.disabled).toBe(true);
    const why = document.getElementById(removed?.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('Stralciato: non si riporta');
    // The plan is of 2022: next year, or the current one once that is later.
    const year = view.container.querySelector<HTMLInputElement>('input[inputmode=numeric]');
    expect(year?.value).toBe(String(Math.max(2023, new Date().getFullYear())));
    // "Nessuno" for the area unchecks what counts; the fieldset is named by the area.
    const fieldset = view.container.querySelector('fieldset');
    expect(fieldset?.querySelector('legend')?.textContent).toBe('Area');
    const none = [...(fieldset?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Nessuno');
    await act(async () => none?.click());
    expect(boxes(view)[0]?.checked).toBe(false);
  });

  it('refuses a year out of range at its field, with the focus on it', async () => {
    view = await render(<RolloverForm plan={makePlan()} />, {
      db: await seeded(),
      user: makeUser({ role: 'admin' }),
      status: { online: true },
    });
    await waitFor(() => expect(boxes(view!)).toHaveLength(2));
    const year = view.container.querySelector<HTMLInputElement>('input[inputmode=numeric]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    await act(async () => {
      setValue?.call(year, '20');
      year?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => view?.container.querySelector('form')?.requestSubmit());
    expect(year?.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.textContent).toContain('Scrivi un anno tra 2000 e 2100.');
    expect(document.activeElement).toBe(year);
  });

  it('offline, says the connection is needed instead of the form', async () => {
    view = await render(<RolloverForm plan={makePlan()} />, {
      db: await seeded(),
      user: makeUser({ role: 'admin' }),
      language: 'en',
    });
    expect(view.container.querySelector('form')).toBeNull();
    expect(view.container.textContent).toContain('Rolling the plan over needs a connection');
  });
});
