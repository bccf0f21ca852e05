import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { amendIt } from './amend-it.ts';
import { reportEn } from './report-en.ts';
import { reportIt } from './report-it.ts';
import { it } from './it.ts';
import { planIt } from './plan-it.ts';
import { evalIt } from './eval-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(reportEn).sort()).toEqual(Object.keys(reportIt).sort());
    for (const key of Object.keys(reportIt) as (keyof typeof reportIt)[]) {
      expect(reportIt[key].trim(), key).not.toBe('');
      expect(reportEn[key].trim(), key).not.toBe('');
      expect(placeholders(reportEn[key]), key).toEqual(placeholders(reportIt[key]));
    }
  });

  test('no key is also in another catalog (one text per key)', () => {
    const others = [it, adminIt, amendIt, planIt, evalIt];
    expect(Object.keys(reportIt).filter((k) => others.some((c) => Object.hasOwn(c, k)))).toEqual([]);
  });
});
