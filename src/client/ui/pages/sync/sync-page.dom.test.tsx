// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeUser,
  newBrowser,
  OBJECTIVE_ID,
  openTab,
  seedPlanTree,
} from '../../../../../test/helpers/device.ts';
import { render, waitFor, type Rendered } from '../../testing/render.tsx';
import { SyncPage } from './sync-page.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('SyncPage: rejected plan changes', () => {
  it('describes them in words; a code it knows is translated, one it does not shows the server’s message', async () => {
    const db = openTab(newBrowser());
    await seedPlanTree(db);
    const base = {
      args: { objectiveId: OBJECTIVE_ID, changes: { title: 'X' } },
      clientTime: '2022-07-01T10:00:00.000Z',
    };
    await db.rejected.bulkPut([
      {
        ...base,
        id: 'r-1',
        seq: 1,
        name: 'objective.update',
        reason: { code: 'locked', message: 'Il piano è chiuso.' },
        rejectedAt: '2022-07-02T10:00:00.000Z',
      },
      {
        ...base,
        id: 'r-2',
        seq: 2,
        name: 'objective.remove',
        args: { objectiveId: OBJECTIVE_ID },
        reason: { code: 'quota_exceeded_v3', message: 'Troppe modifiche del piano oggi.' },
        rejectedAt: '2022-07-03T10:00:00.000Z',
      },
    ]);
    view = await render(<SyncPage />, { db, user: makeUser({ role: 'admin' }), status: { online: true } });
    await waitFor(() => expect(view?.container.querySelectorAll('.rejected-card')).toHaveLength(2));
    const [newest, oldest] = [...(view?.container.querySelectorAll('.rejected-card') ?? [])].map(
      (c) => c.textContent,
    );
    expect(oldest).toContain('Modifica di Obiettivo 1');
    expect(oldest).toContain('Motivo: Il piano è chiuso: non accetta più modifiche. — Il piano è chiuso.');
    expect(newest).toContain('Rimozione (stralcio) di Obiettivo 1');
    expect(newest).toContain('Motivo: Troppe modifiche del piano oggi.');
    expect(newest).not.toContain('quota_exceeded_v3');
  });
});
