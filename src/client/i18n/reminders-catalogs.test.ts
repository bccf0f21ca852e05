import { describe, expect, it as test } from 'vitest';
import { it } from './it.ts';
import { remindersEn } from './reminders-en.ts';
import { remindersIt } from './reminders-it.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reminder settings message catalogs', () => {
  test('English has exactly the keys of Italian, none empty, the same placeholders', () => {
    expect(Object.keys(remindersEn).sort()).toEqual(Object.keys(remindersIt).sort());
    for (const key of Object.keys(remindersIt) as (keyof typeof remindersIt)[]) {
      expect(remindersIt[key].trim(), key).not.toBe('');
      expect(remindersEn[key].trim(), key).not.toBe('');
      expect(placeholders(remindersEn[key]), key).toEqual(placeholders(remindersIt[key]));
    }
  });

  test('no key is also in the main catalog (one text per key)', () => {
    expect(Object.keys(remindersIt).filter((k) => Object.hasOwn(it, k))).toEqual([]);
  });
});
