// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeUser, newBrowser, openTab } from '../../../../../test/helpers/device.ts';
import { readReminderSettings } from '../../../db/reminder-settings.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { ReminderSettingsSection } from './reminder-settings-section.tsx';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function parts(v: Rendered) {
  const [enabled, notify] = [...v.container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const days = v.container.querySelector<HTMLInputElement>('input[inputmode="numeric"]')!;
  const save = v.container.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  return { enabled: enabled!, notify: notify!, days, save };
}

/** Types into a React-controlled input as a user would (the value setter, then an input event). */
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Promemoria in Impostazioni', () => {
  it('starts on, 7 days ahead, no notification; labels name every control', async () => {
    const db = openTab(newBrowser());
    view = await render(<ReminderSettingsSection />, { db, user: makeUser() });
    await waitFor(() => expect(view!.container.querySelector('h2')?.textContent).toBe('Promemoria'));
    const { enabled, notify, days } = parts(view);
    expect(enabled.checked).toBe(true);
    expect(enabled.closest('label')?.textContent).toBe(
      'Mostra i promemoria in Il mio lavoro e il numero sull’icona',
    );
    expect(days.value).toBe('7');
    expect(view.container.querySelector(`label[for="${days.id}"]`)?.textContent).toBe('Giorni di anticipo');
    expect(notify.checked).toBe(false);
    // jsdom has no Notification: said in words, and the box cannot be ticked.
    expect(notify.disabled).toBe(true);
    expect(view.container.textContent).toContain('Questo browser non mostra notifiche di sistema.');
  });

  it('refuses days that are not a whole number from 0 to 60 at the field, keeping what was stored', async () => {
    const db = openTab(newBrowser());
    view = await render(<ReminderSettingsSection />, { db, user: makeUser() });
    await waitFor(() => expect(parts(view!).days.value).toBe('7'));
    for (const [typed, message] of [
      ['sette', 'Scrivi un numero intero di giorni, da 0 a 60.'],
      ['2,5', 'Scrivi un numero intero di giorni, da 0 a 60.'],
      ['90', 'I giorni di anticipo vanno da 0 a 60.'],
    ] as const) {
      type(parts(view).days, typed);
      await act(async () => parts(view!).save.click());
      const { days } = parts(view);
      expect(days.getAttribute('aria-invalid')).toBe('true');
      const error = view.container.querySelector('.field-error');
      expect(error?.textContent).toBe(message);
      expect(days.getAttribute('aria-describedby')).toContain(error!.id);
      expect(document.activeElement).toBe(days);
      // What the user typed stays in the field; the stored setting does not change.
      expect(days.value).toBe(typed);
      expect((await readReminderSettings(db)).days).toBe(7);
    }
    type(parts(view).days, '14');
    await act(async () => parts(view!).save.click());
    await waitFor(() =>
      expect(view!.container.textContent).toContain('Salvato: le fasi in scadenza entro 14 giorni.'),
    );
    expect(view.container.querySelector('.field-error')).toBeNull();
    expect(parts(view).days.hasAttribute('aria-invalid')).toBe(false);
    expect((await readReminderSettings(db)).days).toBe(14);
  });

  it('turns reminders off on this device, which disables the days and the notification', async () => {
    const db = openTab(newBrowser());
    view = await render(<ReminderSettingsSection />, { db, user: makeUser(), language: 'en' });
    await waitFor(() => expect(parts(view!).enabled.checked).toBe(true));
    await act(async () => parts(view!).enabled.click());
    await waitFor(() => expect(parts(view!).enabled.checked).toBe(false));
    expect((await readReminderSettings(db)).enabled).toBe(false);
    expect(parts(view).days.disabled).toBe(true);
    expect(parts(view).save.disabled).toBe(true);
    expect(parts(view).notify.disabled).toBe(true);
    expect(view.container.textContent).toContain('Show reminders in My work and the count on the icon');
  });

  it('tells a role without areas that there is nothing to remind', async () => {
    const db = openTab(newBrowser());
    view = await render(<ReminderSettingsSection />, { db, user: makeUser({ role: 'viewer', areaIds: [] }) });
    await waitFor(() => expect(view!.container.textContent).toContain('Il tuo ruolo non ha aree proprie'));
  });
});
