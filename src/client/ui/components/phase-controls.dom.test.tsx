// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { makePhase, makeUser, newBrowser, openTab, seedPlan } from '../../../../test/helpers/device.ts';
import { render, waitFor, type Rendered } from '../testing/render.tsx';
import { PhaseControls } from './phase-controls.tsx';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('PhaseControls', () => {
  it('one tap writes the status on the device and queues it for the server, offline', async () => {
    const db = openTab(newBrowser());
    const phase = makePhase();
    await seedPlan(db, [phase]);
    let nudged = 0;
    view = await render(
      <PhaseControls phase={phase} objectiveState="active" variant="quick" label="Fase 1" />,
      {
        db,
        user: makeUser(),
        sync: { notifyLocalChange: () => void nudged++ },
      },
    );
    const buttons = [...view.container.querySelectorAll<HTMLButtonElement>('.status-button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Non avviata', 'In corso', 'Completata']);
    expect(buttons[0]?.getAttribute('aria-pressed')).toBe('true');
    await act(async () => buttons[1]?.click());
    await waitFor(() => expect(view?.container.textContent).toContain('Salvato sul dispositivo'));
    expect((await db.phases.get(phase.id))?.status).toBe('in_progress');
    const queued = await db.outbox.toArray();
    expect(queued.map((m) => [m.name, m.args])).toEqual([
      ['phase.setStatus', { phaseId: phase.id, from: 'not_started', to: 'in_progress' }],
    ]);
    expect(nudged).toBe(1);
  });

  it('a removed objective takes no more progress: no buttons, a sentence instead', async () => {
    const db = openTab(newBrowser());
    view = await render(
      <PhaseControls phase={makePhase()} objectiveState="removed" variant="full" label="Fase 1" />,
      {
        db,
        user: makeUser(),
      },
    );
    expect(view.container.querySelector('button')).toBeNull();
    expect(view.container.textContent).toContain('stralciato');
  });
});
