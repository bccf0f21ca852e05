import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { amendIt } from './amend-it.ts';
import { evalEn } from './eval-en.ts';
import { evalIt } from './eval-it.ts';
import { it } from './it.ts';
import { planIt } from './plan-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('evaluation message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(evalEn).sort()).toEqual(Object.keys(evalIt).sort());
    for (const key of Object.keys(evalIt) as (keyof typeof evalIt)[]) {
      expect(evalIt[key].trim(), key).not.toBe('');
      expect(evalEn[key].trim(), key).not.toBe('');
      expect(placeholders(evalEn[key]), key).toEqual(placeholders(evalIt[key]));
    }
  });

  test('no key is also in another catalog (one text per key)', () => {
    const others = [it, adminIt, amendIt, planIt];
    expect(Object.keys(evalIt).filter((k) => others.some((c) => Object.hasOwn(c, k)))).toEqual([]);
  });
});
