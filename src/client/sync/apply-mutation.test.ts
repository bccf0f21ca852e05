import { describe, expect, it } from 'vitest';
import { applyMutation, applyMutations, touchedRows } from './apply-mutation.ts';
import { makeNote, makeObjective, makePhase } from '../../../test/helpers/device.ts';

const at = '2026-03-01T10:00:00.000Z';
const lookupOf = (
  phases = [makePhase()],
  objectives = [makeObjective()],
  notes = [makeNote({ id: 'n-1' })],
) => ({
  phase: (id: string) => phases.find((p) => p.id === id),
  objective: (id: string) => objectives.find((o) => o.id === id),
  note: (id: string) => notes.find((n) => n.id === id),
});

describe('applyMutation', () => {
  it('applies a status change with the domain rules and flags a stale `from`', () => {
    const r = applyMutation(
      lookupOf(),
      { name: 'phase.setStatus', args: { phaseId: 'ph-1', from: 'blocked', to: 'done' }, clientTime: at },
      'u-1',
    );
    expect(r).toMatchObject({ ok: true, conflict: true });
    expect(r.ok && r.effects[0]?.row).toMatchObject({
      status: 'done',
      percent: 100,
      updatedBy: 'u-1',
      updatedAt: at,
    });
  });

  it('refuses progress on a removed objective and unknown phases', () => {
    const removed = lookupOf([makePhase()], [makeObjective({ state: 'removed' })]);
    const m = { name: 'phase.setProgress' as const, args: { phaseId: 'ph-1', percent: 10 }, clientTime: at };
    expect(applyMutation(removed, m, 'u')).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(applyMutation(lookupOf([]), m, 'u')).toMatchObject({ ok: false, code: 'not_found' });
    expect(applyMutation(lookupOf(), { ...m, args: { phaseId: 'ph-1' } }, 'u')).toMatchObject({
      code: 'invalid',
    });
  });

  it('adds a pending note once; a note the server already sent wins', () => {
    const noteId = crypto.randomUUID();
    const m = {
      name: 'note.add' as const,
      args: { noteId, objectiveId: 'obj-1', text: 'ciao' },
      clientTime: at,
    };
    const r = applyMutation(lookupOf(), m, 'u-1');
    expect(r.ok && r.effects[0]?.row).toMatchObject({ id: noteId, pending: true, version: 0, phaseId: null });
    const known = lookupOf(undefined, undefined, [makeNote({ id: noteId })]);
    expect(applyMutation(known, m, 'u-1')).toEqual({ ok: true, effects: [], conflict: false });
    expect(touchedRows(m)).toEqual([{ table: 'notes', id: noteId }]);
  });

  it('chains mutations, each seeing the effects before it', () => {
    const effects = applyMutations(
      { phases: [makePhase()], objectives: [makeObjective()], notes: [] },
      [
        { name: 'phase.setProgress', args: { phaseId: 'ph-1', percent: 40 }, clientTime: at },
        {
          name: 'phase.setStatus',
          args: { phaseId: 'ph-1', from: 'in_progress', to: 'blocked' },
          clientTime: at,
        },
        { name: 'phase.setProgress', args: { phaseId: 'ph-1', percent: 50 }, clientTime: at },
      ],
      'u-1',
    );
    expect(effects).toHaveLength(1);
    expect(effects[0]?.row).toMatchObject({ status: 'blocked', percent: 50 });
  });
});
