import { describe, expect, it } from 'vitest';
import { dayDateOf, layeredT } from './layered-t.ts';
import { createTranslator } from './translate.ts';

const catalogs = {
  it: { 'page.count': '{count} obiettivi di {area}' },
  en: { 'page.count': '{count} objectives of {area}' },
};

describe('layeredT', () => {
  it('reads its own keys in the current language, numbers as the language writes them', () => {
    expect(layeredT(catalogs, createTranslator('it'))('page.count', { count: 12000, area: 'SUAP' })).toBe(
      '12.000 obiettivi di SUAP',
    );
    expect(layeredT(catalogs, createTranslator('en'))('page.count', { count: 12000, area: 'SUAP' })).toBe(
      '12,000 objectives of SUAP',
    );
  });

  it('passes every other key to the translator below, and leaves a missing placeholder as written', () => {
    const it = createTranslator('it');
    const t = layeredT(catalogs, it);
    expect(t('app.loading')).toBe(it.t('app.loading'));
    expect(t('page.count', { count: 2 })).toBe('2 obiettivi di {area}');
  });
});

describe('dayDateOf', () => {
  it('writes a calendar day as the plan prints it, whatever the time zone', () => {
    expect(dayDateOf('it-IT')('2022-06-30')).toBe('30/06/2022');
    expect(dayDateOf('it-IT')('2022-12-31T23:30:00Z')).toBe('31/12/2022');
    expect(dayDateOf('it-IT')('not a date')).toBe('not a date');
  });
});
