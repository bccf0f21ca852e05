import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normaliseObjectiveNumber,
  parseItalianDate,
  readDeadline,
  readPhaseNumber,
  readWeight,
} from './cell-values.ts';

describe('parseItalianDate', () => {
  it('reads dd/mm/yyyy and its variants into YYYY-MM-DD', () => {
    expect(parseItalianDate('31/12/2022')).toBe('2022-12-31');
    expect(parseItalianDate('8/4/2022')).toBe('2022-04-08');
    expect(parseItalianDate('30.06.2022')).toBe('2022-06-30');
    expect(parseItalianDate('01-02-23')).toBe('2023-02-01');
  });

  it('refuses impossible dates', () => {
    for (const bad of ['31/13/2022', '00/01/2022', '31/04/2022', '29/02/2023', '32/01/2022']) {
      expect(parseItalianDate(bad)).toBeNull();
    }
  });

  it('round-trips every real calendar date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-');
          expect(parseItalianDate(`${day}/${m}/${y}`)).toBe(iso);
        },
      ),
    );
  });
});

describe('readDeadline', () => {
  it('treats empty and "-" as no deadline', () => {
    expect(readDeadline('')).toEqual({ kind: 'none' });
    expect(readDeadline('-')).toEqual({ kind: 'none' });
  });

  it('reads a date alone or in a short phrase', () => {
    expect(readDeadline('30/06/2022')).toEqual({ kind: 'date', value: '2022-06-30' });
    expect(readDeadline('entro il 31/12/2022')).toEqual({ kind: 'date', value: '2022-12-31' });
  });

  it('tells a malformed date from text that is no date', () => {
    expect(readDeadline('31/13/2022')).toEqual({ kind: 'invalid' });
    expect(readDeadline('fine anno')).toEqual({ kind: 'unrecognised' });
    expect(readDeadline('dal 01/01/2022 al 31/12/2022')).toEqual({ kind: 'unrecognised' });
  });
});

describe('readWeight', () => {
  it('reads points and percentages', () => {
    expect(readWeight('4')).toEqual({ kind: 'weight', value: 4, unit: 'points' });
    expect(readWeight('20%')).toEqual({ kind: 'weight', value: 20, unit: 'percent' });
    expect(readWeight('2,5 %')).toEqual({ kind: 'weight', value: 2.5, unit: 'percent' });
    expect(readWeight('3 punti')).toEqual({ kind: 'weight', value: 3, unit: 'points' });
  });

  it('reads empty and "-" as none, words as invalid', () => {
    expect(readWeight('')).toEqual({ kind: 'none' });
    expect(readWeight('–')).toEqual({ kind: 'none' });
    expect(readWeight('cinque')).toEqual({ kind: 'invalid' });
  });
});

describe('numbers', () => {
  it('reads phase numbers', () => {
    expect(readPhaseNumber('2')).toEqual({ kind: 'number', value: 2 });
    expect(readPhaseNumber('Fase 3')).toEqual({ kind: 'number', value: 3 });
    expect(readPhaseNumber('-')).toEqual({ kind: 'none' });
    expect(readPhaseNumber('seconda')).toEqual({ kind: 'invalid' });
  });

  it('normalises objective numbers', () => {
    expect(normaliseObjectiveNumber('1.')).toBe('1');
    expect(normaliseObjectiveNumber('N. 3')).toBe('3');
    expect(normaliseObjectiveNumber('2.1')).toBe('2.1');
    expect(normaliseObjectiveNumber('4bis.')).toBe('4bis');
  });
});
