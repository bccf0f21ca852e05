import { describe, expect, it } from 'vitest';
import { objective, sampleArea as area } from './sample-plan.fixture.ts';

describe('area 2: Servizio SUAP URP e risorse umane', () => {
  it('reads objective 1 as replaced, marker stripped, motivation from its bullet', () => {
    const o = objective(1, '1');
    expect(o.title).toBe('REDISTRIBUZIONE DEL MERCATO DEL SABATO - ATTUAZIONE DEL PROGETTO');
    expect(o.state).toBe('replaced');
    expect(o.motivation).toMatch(/^obiettivo 1 si ritiene di rinviare al prossimo anno/);
    expect(o.motivation).toMatch(/proseguimento dello spostamento$/);
    expect(o.indicator).toMatch(/^L'Ufficio Commercio intende proseguire il progetto/);
    expect(o.subjects).toBe('Ufficio commercio');
  });

  it('reads objective 2 as modified, the text after the marker first in its motivation', () => {
    const o = objective(1, '2');
    expect(o.title).toBe('MANIFESTAZIONI ANNO 2022');
    expect(o.state).toBe('modified');
    const [fromTitle, fromBullet] = (o.motivation ?? '').split('\n');
    expect(fromTitle).toBe(
      "La manifestazione: festa di San Luigi non si è svolta, in compenso la valorizzazione del mondo agricolo che si voleva fare all'interno di questa manifestazione, è stata promossa durante la fiera dei morti per il 2022.",
    );
    expect(fromBullet).toMatch(/^obiettivo 2 si precisa che la manifestazione/);
  });

  it('makes one phase (number 1, 4 points) out of each one-row objective', () => {
    for (const o of area(1).objectives) {
      expect(o.phases).toHaveLength(1);
      expect(o.phases[0]).toMatchObject({
        number: 1,
        weightUnit: 'points',
        indicator: o.indicator,
        subjects: o.subjects,
      });
    }
    expect(area(1).objectives.map((o) => o.phases[0]?.weight)).toEqual([4, 4, 4, 4, 2, 4, 4]);
    expect(objective(1, '3').phases[0]).toEqual({
      number: 1,
      indicator: '',
      subjects: 'Ufficio commercio',
      description: 'Affidamento della manifestazione ad una associazione qualificata come da regolamento',
      weight: 4,
      weightUnit: 'points',
      deadline: '2022-06-30',
      line: 102,
    });
  });

  it('rolls deadlines up, null where the row has none (objective 7)', () => {
    expect(area(1).objectives.map((o) => o.deadline)).toEqual([
      '2022-12-31',
      '2022-09-30',
      '2022-06-30',
      '2022-12-30',
      '2022-04-08',
      '2022-12-31',
      null,
    ]);
    expect(objective(1, '7').phases[0]?.deadline).toBeNull();
  });

  it('leaves active objectives without a motivation', () => {
    expect(
      area(1)
        .objectives.slice(2)
        .map((o) => [o.state, o.motivation]),
    ).toEqual(Array.from({ length: 5 }, () => ['active', null]));
  });
});

describe('area 3: Servizi amministrativi e finanziari', () => {
  it('reads percentage phase weights', () => {
    expect(area(2).objectives.map((o) => o.phases.map((p) => p.weight))).toEqual([
      [100],
      [20, 60, 20],
      [20, 50, 30],
      [70, 30],
      [80, 20],
      [100],
      [50, 10, 20, 20],
      [100],
    ]);
    const units = new Set(area(2).objectives.flatMap((o) => o.phases.map((p) => p.weightUnit)));
    expect([...units]).toEqual(['percent']);
  });

  it('joins the subjects continued after the page break to the phase before', () => {
    const phase = objective(2, '4').phases[1];
    expect(phase).toMatchObject({
      number: 2,
      indicator: 'Servizio Pubbliche Affissioni',
      subjects: 'Responsabile di Area; Istruttore Servizio Tributi',
      weight: 30,
      deadline: '2022-12-31',
      line: 151,
    });
    expect(objective(2, '4').phases).toHaveLength(2);
  });

  it('reads the weights of objectives 3 and 4 although they sit one column right', () => {
    expect(objective(2, '3').weights).toEqual({ head: 2, giunta: null, nucleo: null });
    expect(objective(2, '4').weights).toEqual({ head: 3, giunta: null, nucleo: null });
  });

  it('reads phases with trailing extra cells and phases without an indicator', () => {
    expect(objective(2, '1').phases[0]).toMatchObject({
      indicator: '',
      subjects: 'Responsabile di Area; Istruttori Servizio Segreteria',
      weight: 100,
      deadline: '2022-06-30',
    });
    expect(objective(2, '2').phases[1]).toMatchObject({
      number: 2,
      indicator: 'attività; PTPCT 2022/2024',
      weight: 60,
    });
  });

  it('keeps objective 8 whose only phase has no deadline', () => {
    const o = objective(2, '8');
    expect(o.title).toBe('Obiettivi trasversali a supporto Area Tecnica');
    expect(o.deadline).toBeNull();
    expect(o.phases).toHaveLength(1);
    expect(o.phases[0]).toMatchObject({ number: 1, weight: 100, weightUnit: 'percent', deadline: null });
  });

  it('takes the latest phase deadline as the objective deadline', () => {
    expect(area(2).objectives.map((o) => o.deadline)).toEqual([
      '2022-06-30',
      '2022-12-31',
      '2022-12-31',
      '2022-12-31',
      '2022-12-31',
      '2022-12-31',
      '2022-12-31',
      null,
    ]);
  });

  it('leaves every objective active without motivation (the bullets name no objective)', () => {
    expect(area(2).objectives.every((o) => o.state === 'active' && o.motivation === null)).toBe(true);
  });
});
