import { describe, expect, it } from 'vitest';
import { createTranslator, loadCatalog } from '../../../i18n/translate.ts';
import { makeArea, makeObjective, makePhase, makePlan } from '../../../../../test/helpers/device.ts';
import { describeChange } from './describe-change.ts';

const refs = {
  phases: new Map([['ph-1', makePhase({ number: 2 })]]),
  objectives: new Map([['obj-1', makeObjective({ number: '3' })]]),
  areas: new Map([['area-1', makeArea({ name: 'Servizi alla persona' })]]),
  plans: new Map([['plan-1', makePlan({ title: 'Piano 2022' })]]),
};
const amendment = { motivation: 'Riprogrammazione' };

describe('describeChange: plan changes in words', () => {
  it('names what each plan change does, in Italian', () => {
    const tr = createTranslator('it');
    const text = (name: Parameters<typeof describeChange>[1]['name'], args: unknown) =>
      describeChange(tr, { name, args }, refs).text;
    expect(text('objective.update', { objectiveId: 'obj-1', changes: { title: 'X' }, amendment })).toBe(
      'Modifica di Obiettivo 3',
    );
    expect(text('phase.remove', { phaseId: 'ph-1', amendment })).toBe('Rimozione di Obiettivo 3, fase 2');
    expect(text('area.update', { areaId: 'area-1', changes: { name: 'Y' } })).toBe(
      'Modifica dell’area Servizi alla persona',
    );
    expect(
      text('plan.approve', { planId: 'plan-1', act: { body: 'giunta', number: '5', date: '2022-01-31' } }),
    ).toBe('Approvazione del piano «Piano 2022»');
    expect(
      text('objective.replace', {
        objectiveId: 'obj-1',
        replacement: { objectiveId: 'obj-9', number: '3bis', title: 'Nuovo' },
        amendment,
      }),
    ).toBe('Obiettivo 3 sostituito dall’obiettivo 3bis');
    // A rolled-back objective.add is not on the device: its own args name it.
    expect(
      text('objective.add', { objectiveId: 'obj-new', areaId: 'area-1', number: '7', title: 'Sportello' }),
    ).toBe('Nuovo obiettivo 7: Sportello');
    // Unknown rows are named generically; args that do not parse fall back to the mutation's name.
    expect(text('objective.remove', { objectiveId: 'gone' })).toBe('Rimozione (stralcio) di un obiettivo');
    expect(text('phase.update', { phaseId: 'ph-1' })).toBe('phase.update');
  });

  it('in English too, and links a phase only while it is on the device', async () => {
    await loadCatalog('en');
    const tr = createTranslator('en');
    const d = describeChange(
      tr,
      { name: 'phase.update', args: { phaseId: 'ph-1', changes: { number: 4 } } },
      refs,
    );
    expect(d).toEqual({ text: 'Change of Objective 3, phase 2', phaseId: 'ph-1', objectiveId: null });
    const gone = describeChange(tr, { name: 'phase.remove', args: { phaseId: 'ph-gone' } }, refs);
    expect(gone).toEqual({ text: 'Removal of a phase', phaseId: null, objectiveId: null });
    expect(describeChange(tr, { name: 'ente.setSettings', args: { headsMayAmend: true } }, refs).text).toBe(
      'Ente settings: heads may change their own areas',
    );
  });
});
