// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser, newBrowser, OBJECTIVE_ID, openTab, seedPlan } from '../../../../test/helpers/device.ts';
import { render, waitFor, type Rendered } from '../testing/render.tsx';
import { AppBanners } from './banners.tsx';
import { NoteComposer } from './note-composer.tsx';

// The worker module as the service worker leaves it: a new version is waiting. (Its real module
// imports vite-plugin-pwa's virtual module, which exists only in the app's build.)
const applied = vi.hoisted(() => ({
  count: 0,
  state: { needRefresh: true, offlineReady: false, needReload: false },
}));
vi.mock('../../pwa/sw-update.ts', () => ({
  subscribeSwUpdate: () => () => {},
  getSwUpdateState: () => applied.state,
  applyUpdate: () => {
    applied.count += 1;
    return Promise.resolve();
  },
}));

let view: Rendered | null = null;
afterEach(() => view?.unmount());

/** Types into a React-controlled textarea the way a user would (the native setter, then "input"). */
function type(textarea: HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(textarea, value);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function updateButton(view: Rendered): HTMLButtonElement {
  const button = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Aggiorna');
  if (!button) throw new Error('no "Aggiorna" button');
  return button;
}

describe('AppBanners: the update never reloads under unsaved input', () => {
  it('"Aggiorna" is disabled, and says why, while a note draft has text; enabled once cleared or sent', async () => {
    const db = openTab(newBrowser());
    await seedPlan(db);
    view = await render(
      <>
        <AppBanners signingIn={false} />
        <NoteComposer objectiveId={OBJECTIVE_ID} />
      </>,
      { db, user: makeUser(), status: { online: true } },
    );
    const textarea = view.container.querySelector('textarea');
    if (!textarea) throw new Error('no textarea');
    const region = view.container.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Avvisi');
    expect(region?.textContent).toContain('Nuova versione disponibile');
    expect(updateButton(view).disabled).toBe(false);

    // A draft: the button refuses, and the banner says why (also as the button's description).
    type(textarea, 'Sopralluogo in mensa');
    const button = updateButton(view);
    expect(button.disabled).toBe(true);
    const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toContain('la nota che stai scrivendo');
    // Closing or reloading the tab asks first.
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    // Cleared: allowed again, and the tab closes without asking.
    type(textarea, '');
    expect(updateButton(view).disabled).toBe(false);
    expect(updateButton(view).hasAttribute('aria-describedby')).toBe(false);
    const unloadAfter = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unloadAfter);
    expect(unloadAfter.defaultPrevented).toBe(false);

    // Written again and sent: saved on the device, the draft is gone, the update allowed.
    type(textarea, 'Verbale consegnato');
    expect(updateButton(view).disabled).toBe(true);
    const form = view.container.querySelector('form');
    await act(async () => form?.requestSubmit());
    await waitFor(() => expect(view?.container.textContent).toContain('Nota salvata sul dispositivo'));
    expect(await db.notes.count()).toBe(1);
    expect(updateButton(view).disabled).toBe(false);
    expect(applied.count).toBe(0);
    await act(async () => updateButton(view!).click());
    expect(applied.count).toBe(1);
  });

  it('changes waiting to sync hold it back too, in English', async () => {
    view = await render(<AppBanners signingIn={false} />, {
      language: 'en',
      user: makeUser(),
      status: { online: true, pending: 2 },
    });
    const button = [...view.container.querySelectorAll('button')].find((b) => b.textContent === 'Update');
    expect(button?.disabled).toBe(true);
    expect(view.container.textContent).toContain('changes waiting have been synced');
  });

  it('once the server answered 426, changes waiting no longer hold it back (the outbox survives the reload)', async () => {
    const before = applied.count;
    view = await render(<AppBanners signingIn={false} />, {
      user: makeUser(),
      status: { online: true, pending: 2, error: 'client_too_old' },
    });
    const button = updateButton(view);
    expect(button.disabled).toBe(false);
    expect(button.hasAttribute('aria-describedby')).toBe(false);
    expect(view.container.textContent).toContain(
      'restano su questo dispositivo e partono dopo l’aggiornamento',
    );
    expect(view.container.textContent).not.toContain('dopo aver sincronizzato');
    await act(async () => updateButton(view!).click());
    expect(applied.count).toBe(before + 1);
  });

  it('after a 426 a note draft still holds the update back', async () => {
    const db = openTab(newBrowser());
    await seedPlan(db);
    view = await render(
      <>
        <AppBanners signingIn={false} />
        <NoteComposer objectiveId={OBJECTIVE_ID} />
      </>,
      { db, user: makeUser(), status: { online: true, pending: 1, error: 'client_too_old' } },
    );
    const textarea = view.container.querySelector('textarea');
    if (!textarea) throw new Error('no textarea');
    expect(updateButton(view).disabled).toBe(false);
    type(textarea, 'Bozza');
    expect(updateButton(view).disabled).toBe(true);
    type(textarea, '');
    expect(updateButton(view).disabled).toBe(false);
  });
});
