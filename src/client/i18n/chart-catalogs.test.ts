import { describe, expect, it as test } from 'vitest';
import { it } from './it.ts';
import { chartEn } from './chart-en.ts';
import { chartIt } from './chart-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('progress chart and comparison message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(chartEn).sort()).toEqual(Object.keys(chartIt).sort());
    for (const key of Object.keys(chartIt) as (keyof typeof chartIt)[]) {
      expect(chartIt[key].trim(), key).not.toBe('');
      expect(chartEn[key].trim(), key).not.toBe('');
      expect(placeholders(chartEn[key]), key).toEqual(placeholders(chartIt[key]));
    }
  });

  test('no key is also in the main catalog (one text per key)', () => {
    expect(Object.keys(chartIt).filter((k) => Object.hasOwn(it, k))).toEqual([]);
  });
});
