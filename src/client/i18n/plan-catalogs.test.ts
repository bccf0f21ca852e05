import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { it } from './it.ts';
import { planEn } from './plan-en.ts';
import { planIt } from './plan-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('plan pages’ message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(planEn).sort()).toEqual(Object.keys(planIt).sort());
    for (const key of Object.keys(planIt) as (keyof typeof planIt)[]) {
      expect(planIt[key].trim(), key).not.toBe('');
      expect(planEn[key].trim(), key).not.toBe('');
      expect(placeholders(planEn[key]), key).toEqual(placeholders(planIt[key]));
    }
  });

  test('no key is also in the main or the admin catalog (one text per key)', () => {
    expect(Object.keys(planIt).filter((k) => Object.hasOwn(it, k) || Object.hasOwn(adminIt, k))).toEqual([]);
  });
});
