// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeUser } from '../../../../test/helpers/device.ts';
import { render, type Rendered } from '../testing/render.tsx';
import { AppBanners } from './banners.tsx';

// The worker module as vite-plugin-pwa drives it, stood in (its real module imports the plugin's
// virtual module, which exists only in the app's build): nothing yet, then "offline ready".
const sw = vi.hoisted(() => ({
  state: { needRefresh: false, offlineReady: false, needReload: false },
  listeners: new Set<() => void>(),
}));
vi.mock('../../pwa/sw-update.ts', () => ({
  subscribeSwUpdate: (listener: () => void) => {
    sw.listeners.add(listener);
    return () => sw.listeners.delete(listener);
  },
  getSwUpdateState: () => sw.state,
  applyUpdate: () => Promise.resolve(),
}));

function signalOfflineReady(): void {
  act(() => {
    sw.state = { ...sw.state, offlineReady: true };
    for (const listener of sw.listeners) listener();
  });
}

function dismissButton(view: Rendered, name: string): HTMLButtonElement | undefined {
  return [...view.container.querySelectorAll('button')].find((b) => b.textContent === name);
}

let view: Rendered | null = null;
beforeEach(() => {
  localStorage.clear();
  sw.state = { needRefresh: false, offlineReady: false, needReload: false };
});
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('AppBanners: "ready to work offline", once per device', () => {
  it('appears, announced, when offline-ready is signalled; goes on dismiss; stays gone after a re-render', async () => {
    const main = document.createElement('main');
    main.id = 'main';
    main.tabIndex = -1;
    document.body.append(main);
    view = await render(<AppBanners signingIn={false} />, { user: makeUser(), status: { online: true } });
    const live = view.container.querySelector('.banner-stack');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(view.container.textContent).not.toContain('senza rete');
    expect(view.container.querySelector('[role="region"]')).toBeNull();

    signalOfflineReady();
    // Inside the polite live region that is always there, so screen readers announce it.
    const region = live?.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Avvisi');
    expect(region?.textContent).toContain('L’app è pronta per funzionare anche senza rete');
    const button = dismissButton(view, 'Ho capito, nascondi');
    if (!button) throw new Error('no dismiss button');
    expect(button.type).toBe('button');

    button.focus();
    await act(async () => button.click());
    expect(view.container.textContent).not.toContain('senza rete');
    expect(view.container.querySelector('[role="region"]')).toBeNull();
    expect(document.activeElement).toBe(main);
    expect(localStorage.getItem('traguardi.offlineReadyDismissed')).toBe('1');

    // A new page load on this device: offline-ready again, the stored dismissal keeps it hidden.
    view.unmount();
    view = await render(<AppBanners signingIn={false} />, { user: makeUser(), status: { online: true } });
    signalOfflineReady();
    expect(view.container.textContent).not.toContain('senza rete');
    expect(dismissButton(view, 'Ho capito, nascondi')).toBeUndefined();
    main.remove();
  });

  it('in English, and not shown before the signal', async () => {
    view = await render(<AppBanners signingIn={false} />, {
      language: 'en',
      user: makeUser(),
      status: { online: true },
    });
    expect(view.container.textContent).not.toContain('ready to work offline');
    signalOfflineReady();
    expect(view.container.textContent).toContain('The app is ready to work offline');
    expect(dismissButton(view, 'Got it, hide')).toBeDefined();
  });
});
