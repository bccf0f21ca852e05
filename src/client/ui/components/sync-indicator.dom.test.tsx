// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../testing/render.tsx';
import { SyncIndicator } from './sync-indicator.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('SyncIndicator', () => {
  it('says offline and how many changes wait, in a live region, and cannot sync now', async () => {
    view = await render(<SyncIndicator />, { status: { online: false, pending: 2 } });
    // One named region holds the status: the strip is the landmark "Stato della sincronizzazione".
    const region = view.container.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-label')).toBe('Stato della sincronizzazione');
    const strip = region?.querySelector('[role="status"]');
    expect(strip?.textContent).toContain('Non in linea');
    expect(strip?.textContent).toContain('2 modifiche in attesa');
    expect(strip?.textContent).toContain('Mai sincronizzato');
    // Announced: the state and the queue, not the last-sync time that ticks every minute.
    const live = view.container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Non in linea · 2 modifiche in attesa');
    const button = view.container.querySelector('button');
    expect(button?.textContent).toContain('Sincronizza ora');
    expect(button?.disabled).toBe(true);
  });

  it('online: all synced, the button calls syncNow, items to review link to the sync page', async () => {
    let calls = 0;
    view = await render(<SyncIndicator />, {
      language: 'en',
      status: { online: true, lastSyncAt: new Date().toISOString(), conflicts: 1 },
      sync: { syncNow: () => void calls++ },
    });
    const text = view.container.textContent ?? '';
    expect(text).toContain('Online');
    expect(text).toContain('All synced');
    expect(view.container.querySelector('a')?.getAttribute('href')).toBe('/sincronizzazione');
    view.container.querySelector('button')?.click();
    expect(calls).toBe(1);
  });

  it('during a first sync, how many of the notes are on the device (it, en), and nothing after it', async () => {
    const firstSync = { notes: { stored: 12000, total: 100000 }, rows: { stored: 12000, total: 100040 } };
    view = await render(<SyncIndicator />, { status: { online: true, syncing: true, firstSync } });
    const line = view.container.querySelector('.sync-backfill');
    expect(line?.textContent).toBe('Note in arrivo: 12.000 di 100.000');
    const bar = line?.querySelector('progress');
    expect([bar?.value, bar?.max, bar?.getAttribute('aria-label')]).toEqual([
      12000,
      100000,
      'Note in arrivo: 12.000 di 100.000',
    ]);
    view.unmount();
    view = await render(<SyncIndicator />, { language: 'en', status: { online: true, firstSync } });
    expect(view.container.querySelector('.sync-backfill')?.textContent).toBe(
      'Notes arriving: 12,000 of 100,000',
    );
    view.unmount();
    // Only the history was deferred (a head's notes came with the core).
    const history = { notes: { stored: 40, total: 40 }, rows: { stored: 3, total: 20 } };
    view = await render(<SyncIndicator />, {
      status: { online: true, firstSync: { ...history, notes: { stored: 0, total: 0 } } },
    });
    expect(view.container.querySelector('.sync-backfill')?.textContent).toBe('Cronologia in arrivo: 3 di 20');
    view.unmount();
    view = await render(<SyncIndicator />, { status: { online: true, firstSync: null } });
    expect(view.container.querySelector('.sync-backfill')).toBeNull();
  });
});
