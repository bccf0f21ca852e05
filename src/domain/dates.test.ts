import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, daysBetween, isIsoDate } from './dates.ts';

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(isIsoDate('2022-06-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible dates and other formats', () => {
    for (const bad of ['2022-02-29', '1900-02-29', '2022-13-01', '2022-04-31', '2022-00-10', '2022-6-30']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    for (const bad of ['30/06/2022', '2022-06-30T00:00:00Z', '', ' 2022-06-30', '0050-01-01']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2022-01-31', 1)).toBe('2022-02-01');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
    expect(addDays('2022-06-30', 0)).toBe('2022-06-30');
    expect(addDays('2022-06-30', 365)).toBe('2023-06-30');
  });

  it('goes back with negative days', () => {
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
  });

  it('is unaffected by daylight saving changes', () => {
    expect(addDays('2022-03-26', 1)).toBe('2022-03-27');
    expect(addDays('2022-03-27', 1)).toBe('2022-03-28');
    expect(addDays('2022-10-30', 1)).toBe('2022-10-31');
  });

  it('throws on malformed input, which is a bug upstream', () => {
    expect(() => addDays('2022-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2022-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('compareIsoDates and daysBetween', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2022-01-31', '2022-02-01')).toBe(-1);
    expect(compareIsoDates('2022-02-01', '2022-02-01')).toBe(0);
    expect(compareIsoDates('2023-01-01', '2022-12-31')).toBe(1);
    expect(['2022-12-31', '2022-01-31', '2022-06-30'].sort(compareIsoDates)).toEqual([
      '2022-01-31',
      '2022-06-30',
      '2022-12-31',
    ]);
  });

  it('counts whole days', () => {
    expect(daysBetween('2022-01-01', '2022-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2022-07-01', '2022-06-30')).toBe(-1);
  });

  it('throws on malformed input', () => {
    expect(() => compareIsoDates('2022-06-31', '2022-07-01')).toThrow(RangeError);
  });
});
