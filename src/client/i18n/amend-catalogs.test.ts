import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { amendEn } from './amend-en.ts';
import { amendIt } from './amend-it.ts';
import { it } from './it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('plan amendment message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(amendEn).sort()).toEqual(Object.keys(amendIt).sort());
    for (const key of Object.keys(amendIt) as (keyof typeof amendIt)[]) {
      expect(amendIt[key].trim(), key).not.toBe('');
      expect(amendEn[key].trim(), key).not.toBe('');
      expect(placeholders(amendEn[key]), key).toEqual(placeholders(amendIt[key]));
    }
  });

  test('no key is also in the main or admin catalog (one text per key)', () => {
    const clash = Object.keys(amendIt).filter((k) => Object.hasOwn(it, k) || Object.hasOwn(adminIt, k));
    expect(clash).toEqual([]);
  });
});
