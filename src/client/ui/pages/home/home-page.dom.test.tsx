// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeObjective,
  makePhase,
  makeUser,
  newBrowser,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import { addDays } from '../../../../domain/dates.ts';
import type { TraguardiDb } from '../../../db/schema.ts';
import { META } from '../../../db/meta.ts';
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

/** One objective with 20 late phases, one due in 3 days, one in progress later, one done. */
async function seed(): Promise<TraguardiDb> {
  const db = openTab(newBrowser());
  const late = Array.from({ length: 20 }, (_, i) =>
    makePhase({
      id: `late-${i + 1}`,
      number: i + 1,
      description: `Ritardo ${i + 1}`,
      deadline: addDays(today, -30 + i),
    }),
  );
  await seedPlanTree(db, { year, years: [year], title: `Piano ${year}` }, [
    ...late,
    makePhase({ id: 'soon', number: 21, description: 'Imminente', deadline: addDays(today, 3) }),
    makePhase({ id: 'doing', number: 22, description: 'Avviata', status: 'in_progress', percent: 40 }),
    makePhase({ id: 'done', number: 23, description: 'Conclusa', status: 'done', percent: 100 }),
  ]);
  return db;
}

const sectionOf = (v: Rendered, title: string) =>
  [...v.container.querySelectorAll('section.work-section')].find((s) =>
    s.querySelector('h2')?.textContent?.startsWith(title),
  );
const cardTexts = (v: Rendered, title: string) =>
  [...(sectionOf(v, title)?.querySelectorAll('.plain-list > li') ?? [])].map((li) => li.textContent ?? '');

describe('Il mio lavoro: the work lists', () => {
  it('buckets the phases, shows 8 cards of a long list with its whole count, and the next 16 on asking', async () => {
    const db = await seed();
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() => expect(cardTexts(view!, 'In ritardo')).toHaveLength(8));
    expect(sectionOf(view, 'In ritardo')?.querySelector('.count-pill')?.textContent).toBe('20');
    expect(cardTexts(view, 'In ritardo')[0]).toContain('Ritardo 1');
    expect(cardTexts(view, 'In scadenza')).toHaveLength(1);
    expect(cardTexts(view, 'In scadenza')[0]).toContain('Imminente');
    expect(cardTexts(view, 'In corso')).toHaveLength(1);
    expect(cardTexts(view, 'In corso')[0]).toContain('Avviata');
    expect(view.container.textContent).not.toContain('Conclusa');
    const more = sectionOf(view, 'In ritardo')!.querySelector<HTMLButtonElement>(':scope > button')!;
    expect(more.textContent).toBe('Mostra altre 12');
    await act(async () => more.click());
    await waitFor(() => expect(cardTexts(view!, 'In ritardo')).toHaveLength(20));
    expect(cardTexts(view, 'In ritardo')[19]).toContain('Ritardo 20');
  });

  it('follows a change of a shown phase (its row) and of the lists (its facts)', async () => {
    const db = await seed();
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() => expect(cardTexts(view!, 'In corso')).toHaveLength(1));
    await act(async () => {
      await db.phases.update('doing', { description: 'Avviata e rinominata' });
    });
    await waitFor(() => expect(cardTexts(view!, 'In corso')[0]).toContain('Avviata e rinominata'));
    await act(async () => {
      await db.phases.update('late-1', { status: 'done', percent: 100 });
    });
    await waitFor(() =>
      expect(sectionOf(view!, 'In ritardo')?.querySelector('.count-pill')?.textContent).toBe('19'),
    );
    expect(cardTexts(view, 'In ritardo')[0]).toContain('Ritardo 2');
  });

  it('leaves out the phases of a removed objective', async () => {
    const db = await seed();
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() => expect(cardTexts(view!, 'In corso')).toHaveLength(1));
    await act(async () => {
      await db.objectives.put(makeObjective({ state: 'removed', motivation: 'Superato' }));
    });
    await waitFor(() => expect(cardTexts(view!, 'In corso')).toHaveLength(0));
    expect(sectionOf(view, 'In ritardo')?.querySelector('.count-pill')?.textContent).toBe('0');
  });
});

describe('Il mio lavoro during a first sync', () => {
  it('says the plan is not on the device while the core is being stored, and shows the lists once it is', async () => {
    const db = await seed();
    await db.meta.put({ key: META.firstSync, value: { stage: 'core', coreNotes: 0 } });
    view = await render(<HomePage />, { db, user: makeUser() });
    await waitFor(() =>
      expect(view!.container.textContent).toContain('Il piano non è ancora sul dispositivo'),
    );
    expect(cardTexts(view, 'In ritardo')).toHaveLength(0);
    // The core's last page ends the stage (apply-pull.ts): the lists are read then.
    await act(async () => {
      await db.meta.delete(META.firstSync);
    });
    await waitFor(() => expect(cardTexts(view!, 'In ritardo')).toHaveLength(8));
    expect(view.container.textContent).not.toContain('Il piano non è ancora sul dispositivo');
  });
});
