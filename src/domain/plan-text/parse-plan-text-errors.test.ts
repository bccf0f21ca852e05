import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsePlanResult, PlanParseError } from './parsed-plan.ts';
import { parsePlanText } from './parse-plan-text.ts';
import { SAMPLE_TEXT, sampleLines, withLine } from './sample-plan.fixture.ts';

function errorOf(result: ParsePlanResult): PlanParseError {
  if (result.ok) throw new Error('expected a parse error');
  return result.error;
}

describe('parsePlanText refuses unparsable input with the line at fault', () => {
  it('refuses a malformed date, in Italian and English', () => {
    const error = errorOf(parsePlanText(withLine(46, (l) => l.replace('31/12/2022', '31/13/2022'))));
    expect(error).toEqual({
      code: 'invalid_date',
      line: 46,
      params: { value: '31/13/2022' },
      message: 'riga 46: data non valida "31/13/2022"',
      messageEn: 'line 46: invalid date "31/13/2022"',
    });
  });

  it('refuses 29 February of a common year, accepts it in a leap year', () => {
    expect(errorOf(parsePlanText(withLine(46, (l) => l.replace('31/12/2022', '29/02/2022')))).code).toBe(
      'invalid_date',
    );
    const leap = parsePlanText(withLine(46, (l) => l.replace('31/12/2022', '29/02/2024')));
    expect(leap.ok && leap.plan.areas[0]?.objectives[0]?.phases[0]?.deadline).toBe('2024-02-29');
  });

  it('refuses a deadline that is not a date', () => {
    const error = errorOf(parsePlanText(withLine(46, (l) => l.replace('31/12/2022', 'fine anno'))));
    expect(error).toMatchObject({ code: 'invalid_deadline', line: 46, params: { value: 'fine anno' } });
    expect(error.message).toMatch(/^riga 46: scadenza non riconosciuta "fine anno"/);
  });

  it('refuses table rows when no table header was found', () => {
    const error = errorOf(parsePlanText(withLine(44, () => '')));
    expect(error).toMatchObject({ code: 'table_without_header', line: 45 });
    expect(error.message).toMatch(/^riga 45: riga di tabella prima dell'intestazione/);
  });

  it('refuses an area heading with no table after it', () => {
    const text = ['Comune di Prova', '', 'PIANO DEGLI OBIETTIVI AREA TECNICA', '', 'Nessuna modifica.'].join(
      '\n',
    );
    expect(errorOf(parsePlanText(text))).toMatchObject({ code: 'no_table', line: 3 });
  });

  it('refuses an area whose table has a header but no rows', () => {
    const lines = sampleLines();
    const text = [...lines.slice(0, 45 - 1), ...lines.slice(90 - 1)].join('\n');
    expect(errorOf(parsePlanText(text))).toMatchObject({
      code: 'area_without_objectives',
      line: 34,
      params: { area: 'MODIFICA PIANO DEGLI OBIETTIVI AREA SERVIZI ALLA PERSONA' },
    });
  });

  it('refuses a table with no area heading before it', () => {
    expect(errorOf(parsePlanText(withLine(34, () => '')))).toMatchObject({
      code: 'table_without_area',
      line: 44,
    });
  });

  it('refuses an objective row without a title', () => {
    const error = errorOf(parsePlanText(withLine(48, (l) => l.replace(/^2\t[^\t]*/, '2\t'))));
    expect(error).toMatchObject({ code: 'objective_without_title', line: 48, params: { number: '2' } });
    expect(error.message).toBe('riga 48: obiettivo "2" senza titolo');
  });

  it('refuses an objective row without a number', () => {
    const error = errorOf(parsePlanText(withLine(45, (l) => l.replace(/^1\t/, '\t'))));
    expect(error).toMatchObject({ code: 'objective_without_number', line: 45 });
  });

  it('refuses a phase row before any objective', () => {
    const error = errorOf(parsePlanText(withLine(45, () => '')));
    expect(error).toMatchObject({ code: 'phase_before_objective', line: 46 });
    expect(error.message).toBe('riga 46: fase prima di qualsiasi obiettivo');
    expect(error.messageEn).toBe('line 46: phase before any objective');
  });

  it('refuses weights and phase numbers that are not numbers', () => {
    expect(errorOf(parsePlanText(withLine(45, (l) => l.replace('\t5\t', '\tcinque\t'))))).toMatchObject({
      code: 'invalid_weight',
      line: 45,
      params: { value: 'cinque' },
    });
    expect(errorOf(parsePlanText(withLine(46, (l) => l.replace('\t1\t', '\tprima\t'))))).toMatchObject({
      code: 'invalid_phase_number',
      line: 46,
    });
    expect(errorOf(parsePlanText(withLine(135, (l) => l.replace('20%', '20 percento'))))).toMatchObject({
      code: 'invalid_weight',
      line: 135,
    });
  });

  it('refuses a row with more filled cells than the table has columns', () => {
    const row = Array.from({ length: 12 }, (_, i) => `c${i}`).join('\t');
    expect(errorOf(parsePlanText(withLine(46, () => row)))).toMatchObject({
      code: 'too_many_cells',
      line: 46,
      params: { cells: 12, columns: 10 },
    });
  });

  it('refuses empty text and text without any table, with no line', () => {
    expect(errorOf(parsePlanText(''))).toMatchObject({
      code: 'empty_input',
      line: null,
      message: 'il testo è vuoto',
    });
    expect(errorOf(parsePlanText(' \n\t\n\r\n'))).toMatchObject({ code: 'empty_input', line: null });
    expect(errorOf(parsePlanText('Città di Asola\nPREMESSA\nUn testo qualsiasi.'))).toMatchObject({
      code: 'no_table',
      line: null,
    });
  });

  it('keeps every message on one line, long values shortened', () => {
    const long = `31/13/2022 ${'x'.repeat(200)}`;
    const error = errorOf(parsePlanText(withLine(46, (l) => l.replace('31/12/2022', long))));
    expect(error.message).not.toMatch(/\n/);
    expect(error.message.length).toBeLessThan(150);
  });
});

describe('parsePlanText on damaged text', () => {
  const lines = sampleLines();

  it('never throws and never returns an empty plan', () => {
    const damaged = fc
      .tuple(
        fc.subarray(
          lines.map((_, i) => i),
          { minLength: 0 },
        ),
        fc.array(fc.tuple(fc.nat(lines.length), fc.string()), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([kept, inserts, newline]) => {
        const result = kept.map((i) => lines[i] ?? '');
        for (const [at, text] of inserts) result.splice(at, 0, text);
        return result.join(newline);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        const result = parsePlanText(text);
        if (result.ok) {
          expect(result.plan.areas.length).toBeGreaterThan(0);
          for (const area of result.plan.areas) expect(area.objectives.length).toBeGreaterThan(0);
        } else {
          const count = text.split(/\r\n|\r|\n/).length;
          expect(result.error.line === null || (result.error.line >= 1 && result.error.line <= count)).toBe(
            true,
          );
          expect(result.error.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'N.', 'Obiettivo', 'Fase', '\t', '\n', '-', '1', '31/12/2022', ' '),
        }),
        (text) => {
          expect(() => parsePlanText(text)).not.toThrow();
        },
      ),
    );
  });

  it('reads the sample itself', () => {
    expect(parsePlanText(SAMPLE_TEXT).ok).toBe(true);
  });
});
