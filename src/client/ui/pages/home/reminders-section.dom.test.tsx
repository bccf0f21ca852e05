// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AREA_ID,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import { addDays } from '../../../../domain/dates.ts';
import { updateReminderSettings } from '../../../db/reminder-settings.ts';
import type { TraguardiDb } from '../../../db/schema.ts';
import { AppNav } from '../../components/app-nav.tsx';
import { localIsoDate } from '../../hooks/use-today.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { HomePage } from './home-page.tsx';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const today = localIsoDate(new Date());
const year = Number(today.slice(0, 4));

/** This year's approved plan: two late phases (one done), three due ahead, one without deadline. */
async function seedThisYear(plan: { status?: 'draft' | 'approved' | 'closed' } = {}): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  await seedPlanTree(db, { year, years: [year, year + 1, year + 2], title: `Piano ${year}`, ...plan }, [
    makePhase({ id: 'late', number: 1, description: 'Bando mensa scolastica', deadline: addDays(today, -3) }),
    makePhase({
      id: 'late-done',
      number: 2,
      description: 'Fatta',
      deadline: addDays(today, -3),
      status: 'done',
    }),
    makePhase({ id: 'in-2', number: 3, description: 'Relazione al Consiglio', deadline: addDays(today, 2) }),
    makePhase({ id: 'in-7', number: 4, description: 'Verifica SUAP', deadline: addDays(today, 7) }),
    makePhase({ id: 'in-10', number: 5, description: 'Carta dei servizi', deadline: addDays(today, 10) }),
    makePhase({ id: 'none', number: 6, description: 'Senza scadenza', deadline: null }),
  ]);
  return db;
}

const section = (v: Rendered) => {
  const heading = [...v.container.querySelectorAll('h2')].find((h) =>
    /^(Promemoria|Reminders)/.test(h.textContent ?? ''),
  );
  return heading?.closest('section') ?? null;
};
const itemTitles = (v: Rendered) =>
  [...(section(v)?.querySelectorAll('.reminder-title') ?? [])].map((a) => a.textContent);

describe('Promemoria in Il mio lavoro', () => {
  it('lists the late phases, then those due within 7 days, in one sentence and as links', async () => {
    const db = await seedThisYear();
    view = await render(<HomePage />, { db, user: makeUser() });
    // The sentence comes from the facts; the titles from the rows of the phases shown, read after.
    await waitFor(() => expect(itemTitles(view!)).toHaveLength(3));
    const reminders = section(view)!;
    expect(reminders.getAttribute('aria-labelledby')).toBe('reminders-title');
    expect(reminders.querySelector('h2')?.textContent).toBe('Promemoria 3');
    expect(reminders.querySelector('.reminders-summary')?.textContent).toBe(
      '1 fase in ritardo e 2 fasi in scadenza entro 7 giorni',
    );
    expect(itemTitles(view)).toEqual(['Bando mensa scolastica', 'Relazione al Consiglio', 'Verifica SUAP']);
    const first = reminders.querySelector('.reminder');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/fasi/late');
    expect(first?.textContent).toContain('Obiettivo 1, Fase 1');
    expect(first?.textContent).toContain('in ritardo di 3 giorni');
    expect(reminders.querySelector('ul')?.getAttribute('aria-label')).toBe('Fasi da ricordare');
    expect(reminders.querySelector('a[href="/impostazioni"]')?.textContent).toBe(
      'Impostazioni dei promemoria',
    );
  });

  it('follows the days chosen in the settings, and is gone once reminders are turned off', async () => {
    const db = await seedThisYear();
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() => expect(itemTitles(view!)).toHaveLength(3));
    await act(() => updateReminderSettings(db, { days: 14 }));
    await waitFor(() =>
      expect(section(view!)?.querySelector('.reminders-summary')?.textContent).toBe(
        '1 fase in ritardo e 3 fasi in scadenza entro 14 giorni',
      ),
    );
    await act(() => updateReminderSettings(db, { days: 0 }));
    await waitFor(() =>
      expect(section(view!)?.querySelector('.reminders-summary')?.textContent).toBe('1 fase in ritardo'),
    );
    await act(() => updateReminderSettings(db, { enabled: false }));
    await waitFor(() => expect(section(view!)).toBeNull());
    // The rest of Il mio lavoro stays: the late phase is still in its own list.
    expect(view.container.textContent).toContain('In ritardo');
    expect(view.container.textContent).toContain('Bando mensa scolastica');
  });

  it('follows the rows: a phase marked done leaves the reminders', async () => {
    const db = await seedThisYear();
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() => expect(itemTitles(view!)).toHaveLength(3));
    await act(async () => {
      await db.phases.update('late', { status: 'done', percent: 100 });
    });
    await waitFor(() => expect(itemTitles(view!)).toEqual(['Relazione al Consiglio', 'Verifica SUAP']));
  });

  it('says there is nothing when the plan is a draft, and in English', async () => {
    const db = await seedThisYear({ status: 'draft' });
    view = await render(<HomePage />, { db, user: makeUser(), language: 'en' });
    await waitFor(() => expect(section(view!)).not.toBeNull());
    expect(section(view)?.querySelector('h2')?.textContent).toBe('Reminders 0');
    expect(section(view)?.querySelector('.reminders-summary')?.textContent).toBe(
      'No phase late or due within 7 days.',
    );
    expect(section(view)?.querySelector('ul')).toBeNull();
  });

  it('is absent for a role without areas of its own (the evaluator)', async () => {
    const db = await seedThisYear();
    view = await render(<HomePage />, { db, user: makeUser({ role: 'evaluator', areaIds: [] }) });
    await waitFor(() => expect(view!.container.textContent).toContain('In corso'));
    expect(section(view)).toBeNull();
  });
});

describe('the reminders badge on the navigation', () => {
  const homeLink = (v: Rendered) => v.container.querySelector<HTMLAnchorElement>('a[href="/"]');

  it('carries the count in words for screen readers, the digits hidden from them', async () => {
    const db = await seedThisYear();
    view = await render(<AppNav variant="top" />, { db, user: makeUser({ areaIds: [AREA_ID] }) });
    await waitFor(() => expect(homeLink(view!)?.querySelector('.reminder-badge')).not.toBeNull());
    const badge = homeLink(view)!.querySelector('.reminder-badge')!;
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('3');
    expect(badge.querySelector('.visually-hidden')?.textContent).toBe(' (3 promemoria)');
    expect(homeLink(view)?.textContent).toBe('Il mio lavoro3 (3 promemoria)');
    await act(() => updateReminderSettings(db, { enabled: false }));
    await waitFor(() => expect(homeLink(view!)?.querySelector('.reminder-badge')).toBeNull());
  });
});
