import { describe, expect, it as test } from 'vitest';
import { adminIt } from './admin-it.ts';
import { amendIt } from './amend-it.ts';
import { evalIt } from './eval-it.ts';
import { it } from './it.ts';
import { monEn } from './mon-en.ts';
import { monIt } from './mon-it.ts';
import { planIt } from './plan-it.ts';
import { remindersIt } from './reminders-it.ts';
import { reportIt } from './report-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('monitoring message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(monEn).sort()).toEqual(Object.keys(monIt).sort());
    for (const key of Object.keys(monIt) as (keyof typeof monIt)[]) {
      expect(monIt[key].trim(), key).not.toBe('');
      expect(monEn[key].trim(), key).not.toBe('');
      expect(placeholders(monEn[key]), key).toEqual(placeholders(monIt[key]));
    }
  });

  test('every key is a mon.* key (the evaluation forms find them by that prefix) and in no other catalog', () => {
    expect(Object.keys(monIt).filter((k) => !k.startsWith('mon.'))).toEqual([]);
    const others = [it, adminIt, amendIt, planIt, evalIt, reportIt, remindersIt];
    expect(Object.keys(monIt).filter((k) => others.some((c) => Object.hasOwn(c, k)))).toEqual([]);
    const all = others.flatMap((c) => Object.keys(c));
    expect(all.filter((k) => k.startsWith('mon.'))).toEqual([]);
  });
});
