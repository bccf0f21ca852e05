import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { amendIt } from './amend-it.ts';
import { evalIt } from './eval-it.ts';
import { evidenceEn } from './evidence-en.ts';
import { evidenceIt } from './evidence-it.ts';
import { it } from './it.ts';
import { planIt } from './plan-it.ts';
import { reportIt } from './report-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('evidence pack message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(evidenceEn).sort()).toEqual(Object.keys(evidenceIt).sort());
    for (const key of Object.keys(evidenceIt) as (keyof typeof evidenceIt)[]) {
      expect(evidenceIt[key].trim(), key).not.toBe('');
      expect(evidenceEn[key].trim(), key).not.toBe('');
      expect(placeholders(evidenceEn[key]), key).toEqual(placeholders(evidenceIt[key]));
    }
  });

  test('no key is also in another catalog (one text per key)', () => {
    const others = [it, adminIt, amendIt, planIt, evalIt, reportIt];
    expect(Object.keys(evidenceIt).filter((k) => others.some((c) => Object.hasOwn(c, k)))).toEqual([]);
  });
});
