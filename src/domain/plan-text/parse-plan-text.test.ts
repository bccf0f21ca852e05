import { describe, expect, it } from 'vitest';
import { objective, sampleArea as area, SAMPLE_PLAN as plan } from './sample-plan.fixture.ts';

describe('parsePlanText on the Asola 2022 sample', () => {
  it('finds the ente and three areas with 7, 7 and 8 objectives', () => {
    expect(plan.ente).toBe('Città di Asola');
    expect(plan.areas.map((a) => a.objectives.length)).toEqual([7, 7, 8]);
  });

  it('names areas from their headings, in sentence case with acronyms kept', () => {
    expect(plan.areas.map((a) => a.name)).toEqual([
      'Servizi alla persona',
      'Servizio SUAP URP e risorse umane',
      'Servizi amministrativi e finanziari',
    ]);
    expect(area(1).heading).toBe(
      'PIANO DEGLI OBIETTIVI MODIFICATO PER AREA SERVIZIO SUAP URP E RISORSE UMANE',
    );
    expect(plan.areas.map((a) => a.line)).toEqual([34, 90, 121]);
  });

  it('numbers objectives without the trailing full stop', () => {
    expect(area(1).objectives.map((o) => o.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(area(2).objectives.map((o) => o.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it("reads each objective's head weight in all three areas", () => {
    expect(area(0).objectives.map((o) => o.weights.head)).toEqual([5, 4, 5, 4, 4, 5, 5]);
    expect(area(1).objectives.map((o) => o.weights.head)).toEqual([null, null, null, null, null, null, null]);
    expect(area(2).objectives.map((o) => o.weights.head)).toEqual([3, 2, 2, 3, 1, 4, 4, 4]);
    const others = plan.areas.flatMap((a) =>
      a.objectives.flatMap((o) => [o.weights.giunta, o.weights.nucleo]),
    );
    expect(others.every((w) => w === null)).toBe(true);
  });

  it('keeps the area motivation paragraphs, page headers left out', () => {
    const motivation = area(0).motivation ?? '';
    const paragraphs = motivation.split('\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^Il Responsabile del Servizio ha proposto un aggiornamento/);
    expect(paragraphs[1]).toMatch(/^- Il progetto "Giovani" ha richiesto/);
    expect(paragraphs[4]).toMatch(/lo stralcio dell'obiettivo 3 .* come segue:$/);
    expect(plan.areas.every((a) => a.motivation !== null && !a.motivation.includes('Città di Asola'))).toBe(
      true,
    );
    expect(area(2).motivation?.split('\n')[1]).toMatch(/^- ✓ L'Impianto di registrazione Bosch/);
  });

  it('strips <i> tags from indicators and subjects', () => {
    const first = objective(0, '1').phases[0];
    expect(first?.indicator).toBe("Fasi preliminari per l'avvio del progetto");
    expect(first?.subjects).toBe('Servizio Museo');
    expect(JSON.stringify(plan)).not.toMatch(/<\/?i>/);
  });
});

describe('area 1: Servizi alla persona', () => {
  it('reads objective 1 with its two phases', () => {
    const o = objective(0, '1');
    expect(o).toMatchObject({
      title: 'Progetto "Fondo Cultura" - 1^ annualità',
      indicator: '',
      subjects: '',
      state: 'active',
      motivation: null,
      deadline: '2022-12-31',
      weights: { head: 5, giunta: null, nucleo: null },
      line: 45,
    });
    expect(o.phases.map((p) => [p.number, p.weight, p.weightUnit, p.deadline])).toEqual([
      [1, null, null, '2022-12-31'],
      [2, null, null, '2022-12-31'],
    ]);
    expect(o.phases[0]?.description).toMatch(/^Stipula convenzione con il Ministero Cultura/);
  });

  it('continues objective 2 after the page break', () => {
    const phases = objective(0, '2').phases;
    expect(phases.map((p) => [p.number, p.indicator, p.line])).toEqual([
      [
        1,
        'costituzione e partecipazione al tavolo per le politiche giovanili a livello di ambito territoriale',
        49,
      ],
      [2, 'azioni di progetto', 57],
    ]);
  });

  it('reads objective 3 as removed, its "-" cells empty or null, with the area motivation', () => {
    const o = objective(0, '3');
    expect(o).toMatchObject({
      title: 'Gara affidamento gestione refezione scolastica',
      indicator: '',
      subjects: '',
      state: 'removed',
      weights: { head: 5, giunta: null, nucleo: null },
      deadline: '2022-12-31',
    });
    expect(o.motivation).toBe(area(0).motivation);
    expect(o.phases).toEqual([
      {
        number: 1,
        indicator: 'redazione atti propedeutici',
        subjects: 'Servizi scolastici + amministrativo',
        description:
          'supporto alle attività del RUP per determinazione a contrarre e capitolato prestazionale.',
        weight: null,
        weightUnit: null,
        deadline: '2022-06-30',
        line: 59,
      },
      expect.objectContaining({
        number: 2,
        indicator: 'apertura gara e svolgimento',
        deadline: '2022-12-31',
      }),
      expect.objectContaining({
        number: 3,
        subjects: 'Servizi scolastici + centro cottura',
        weight: null,
        deadline: '2022-12-31',
      }),
    ]);
  });

  it('keeps the phase with no subjects (objective 5) and reads 30/03/2022 (objective 4)', () => {
    expect(objective(0, '5').phases.map((p) => p.subjects)).toEqual(['', '']);
    expect(objective(0, '4').phases[0]?.deadline).toBe('2022-03-30');
  });

  it('shifts objective 6 phase 2 and objective 7 phases back under their columns (no "Peso fase" cell)', () => {
    const p62 = objective(0, '6').phases[1];
    expect(p62).toMatchObject({
      number: 2,
      indicator: 'esame e proposte di soluzioni alternative per sito',
      subjects: 'Servizio museo, servizi CED',
      weight: null,
      deadline: '2022-12-31',
    });
    expect(p62?.description).toMatch(/^report sulle possibile evoluzioni del sito istituzionale/);
    const phases7 = objective(0, '7').phases;
    expect(phases7.map((p) => [p.number, p.indicator, p.weight, p.deadline])).toEqual([
      [1, 'ricognizione delle opportunità', null, '2022-06-30'],
      [2, 'presentazione candidature', null, '2022-12-31'],
      [3, "atti successivi all'eventuale finanziamento", null, '2022-12-31'],
    ]);
    expect(phases7[0]?.description).toMatch(/^ricognizione e studio delle opportunità/);
  });

  it("reads objective 7's weight although it sits one column left", () => {
    expect(objective(0, '7')).toMatchObject({
      title: 'Candidature progetti su PNRR area sociale e scuola',
      weights: { head: 5, giunta: null, nucleo: null },
      state: 'active',
    });
  });
});
