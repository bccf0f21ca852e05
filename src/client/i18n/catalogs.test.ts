import { describe, expect, it as test } from 'vitest';
import { en } from './en.ts';
import { it } from './it.ts';
import { createTranslator, loadCatalog } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  test('English has exactly the keys of Italian', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
  });

  test('no message is empty, and each translation uses the same placeholders', () => {
    for (const key of Object.keys(it) as (keyof typeof it)[]) {
      expect(it[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(it[key]));
    }
  });

  test('plural keys come in .one/.other pairs', () => {
    const keys = Object.keys(it);
    for (const key of keys.filter((k) => k.endsWith('.one'))) {
      expect(keys, key).toContain(key.replace(/\.one$/, '.other'));
    }
  });

  test('t fills placeholders, tn picks the plural form, numbers and dates follow the locale', async () => {
    const itT = createTranslator('it');
    expect(itT.tn('sync.pending', 1)).toBe('1 modifica in attesa');
    expect(itT.tn('sync.pending', 3)).toBe('3 modifiche in attesa');
    expect(itT.percent(45)).toBe('45%');
    expect(itT.date('2022-12-31')).toBe('31 dic 2022');
    expect(itT.number(1234.5, 1)).toBe('1234,5');
    await loadCatalog('en');
    const enT = createTranslator('en');
    expect(enT.tn('sync.pending', 1)).toBe('1 change waiting');
    expect(enT.date('2022-12-31')).toBe('31 Dec 2022');
    expect(enT.number(1234.5, 1)).toBe('1,234.5');
  });
});
