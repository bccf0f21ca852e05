import { describe, expect, it } from 'vitest';
import { amendIt } from '../../../i18n/amend-it.ts';
import { it as itCatalog } from '../../../i18n/it.ts';
import { describeAct, describeFields, type DescribeDeps } from './describe-change.ts';

// The Italian catalogs themselves, so a wrong key or a lost placeholder shows here.
const deps: DescribeDeps = {
  t: (key, params) => {
    const text =
      (amendIt as Record<string, string>)[key] ?? (itCatalog as Record<string, string>)[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (w, n: string) => String(params?.[n] ?? w));
  },
  dayDate: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
  number: (n) => String(n).replace('.', ','),
};

describe('amendments in words', () => {
  it('writes each changed field as «before» → «after», a weight per line, dates as on paper', () => {
    const lines = describeFields(
      {
        title: 'A',
        weights: { head: 10, giunta: 10, nucleo: null },
        deadline: '2022-06-30',
        state: 'active',
      },
      {
        title: 'B',
        weights: { head: 10, giunta: 15.5, nucleo: 20 },
        deadline: '2022-09-30',
        state: 'modified',
      },
      deps,
    );
    expect(lines.map((l) => `${l.label}: ${l.before} → ${l.after}`)).toEqual([
      'Titolo: «A» → «B»',
      'Peso Giunta: 10 → 15,5',
      'Peso Nucleo: vuoto → 20',
      'Scadenza: 30/06/2022 → 30/09/2022',
      'Stato: Attivo → Modificato',
    ]);
  });

  it('leaves out what did not change and shows fields present on one side only', () => {
    const lines = describeFields(
      { title: 'A', indicator: 'x' },
      { title: 'A', head: 'Dott.ssa Rossi' },
      deps,
    );
    expect(lines.map((l) => `${l.label}: ${l.before} → ${l.after}`)).toEqual([
      'Indicatore: «x» → vuoto',
      'Responsabile: vuoto → «Dott.ssa Rossi»',
    ]);
  });

  it('names the act as the plan does', () => {
    expect(describeAct({ body: 'giunta', number: '154', date: '2022-09-28' }, deps)).toBe(
      'Delibera di Giunta n. 154 del 28/09/2022',
    );
    expect(describeAct(null, deps)).toBeNull();
  });
});
