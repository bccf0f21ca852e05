import { describe, expect, it } from 'vitest';
import { createTranslator, loadCatalog } from '../../../i18n/translate.ts';
import { makeObjective, makePhase, makePlan } from '../../../../../test/helpers/device.ts';
import { describeChange } from './describe-change.ts';

const refs = {
  phases: new Map([['ph-1', makePhase({ number: 2 })]]),
  objectives: new Map([['obj-1', makeObjective({ number: '3' })]]),
  plans: new Map([['plan-1', makePlan({ title: 'Piano 2022' })]]),
};

describe('describeChange: the Nucleo’s evaluation and the close of the year in words', () => {
  it('in Italian, NV named as not evaluated (never 0)', () => {
    const tr = createTranslator('it');
    const text = (name: Parameters<typeof describeChange>[1]['name'], args: unknown) =>
      describeChange(tr, { name, args }, refs).text;
    expect(text('evaluation.setObjective', { objectiveId: 'obj-1', percent: 80, comment: '' })).toBe(
      'Valutazione del Nucleo di Obiettivo 3: 80%',
    );
    expect(text('evaluation.setObjective', { objectiveId: 'obj-1', percent: null, comment: '' })).toBe(
      'Valutazione del Nucleo di Obiettivo 3: NV (non valutato)',
    );
    expect(text('evaluation.setPhaseVerdict', { phaseId: 'ph-1', verdict: 'contested', reason: 'No' })).toBe(
      'Esito del Nucleo su Obiettivo 3, fase 2: contestata',
    );
    expect(text('selfAssessment.set', { objectiveId: 'obj-1', percent: null, note: 'x' })).toBe(
      'Autovalutazione di Obiettivo 3: senza percentuale',
    );
    expect(text('plan.close', { planId: 'plan-1' })).toBe('Chiusura del piano «Piano 2022»');
    expect(text('plan.reopen', { planId: 'plan-1', reason: 'Errore di calcolo' })).toBe(
      'Riapertura del piano «Piano 2022»: Errore di calcolo',
    );
    expect(text('plan.setScoring', { planId: 'plan-1', scoring: { kind: 'threshold', threshold: 60 } })).toBe(
      'Metodo di punteggio del piano «Piano 2022»: zero sotto il 60%',
    );
    // Args that do not parse fall back to the mutation's name.
    expect(text('plan.reopen', { planId: 'plan-1' })).toBe('plan.reopen');
  });

  it('in English, and links a verdict’s phase while it is on the device', async () => {
    await loadCatalog('en');
    const tr = createTranslator('en');
    expect(
      describeChange(
        tr,
        { name: 'evaluation.setPhaseVerdict', args: { phaseId: 'ph-1', verdict: null } },
        refs,
      ),
    ).toEqual({
      text: 'The Nucleo’s verdict on Objective 3, phase 2: no verdict',
      phaseId: 'ph-1',
      objectiveId: null,
    });
    expect(
      describeChange(
        tr,
        { name: 'evaluation.setPhaseVerdict', args: { phaseId: 'gone', verdict: 'validated' } },
        refs,
      ).phaseId,
    ).toBeNull();
    expect(describeChange(tr, { name: 'plan.close', args: { planId: 'other' } }, refs).text).toBe(
      'Closing the plan “a plan”',
    );
  });
});
