import { describe, expect, it as test } from 'vitest';
import { adminEn } from './admin-en.ts';
import { adminIt } from './admin-it.ts';
import { it } from './it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(adminEn).sort()).toEqual(Object.keys(adminIt).sort());
    for (const key of Object.keys(adminIt) as (keyof typeof adminIt)[]) {
      expect(adminIt[key].trim(), key).not.toBe('');
      expect(adminEn[key].trim(), key).not.toBe('');
      expect(placeholders(adminEn[key]), key).toEqual(placeholders(adminIt[key]));
    }
  });

  test('no key is also in the main catalog (one text per key)', () => {
    expect(Object.keys(adminIt).filter((k) => Object.hasOwn(it, k))).toEqual([]);
  });
});
