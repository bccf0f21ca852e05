import { describe, expect, it } from 'vitest';
import type { ParsedArea } from './parsed-plan.ts';
import { parseOrThrow, SAMPLE_TEXT, sampleLines, withoutLines } from './sample-plan.fixture.ts';

const reference = parseOrThrow(SAMPLE_TEXT);
const HEADING = /AREA/;

/** The sample cut at its area headings: [preamble, area 1, area 2, area 3]. */
function blocks(): string[][] {
  const result: string[][] = [[]];
  for (const line of sampleLines()) {
    if (HEADING.test(line) && !line.includes('\t') && line === line.toUpperCase()) result.push([]);
    result.at(-1)?.push(line);
  }
  return result;
}

function byName(areas: readonly ParsedArea[]): ParsedArea[] {
  return [...areas].sort((x, y) => x.name.localeCompare(y.name));
}

describe('parsePlanText does not depend on layout accidents', () => {
  it('gives the same areas in any order', () => {
    const [preamble = [], a1 = [], a2 = [], a3 = []] = blocks();
    const plan = parseOrThrow([...preamble, ...a3, ...a1, ...a2].join('\n'));
    expect(plan.areas.map((a) => a.name)).toEqual([
      'Servizi amministrativi e finanziari',
      'Servizi alla persona',
      'Servizio SUAP URP e risorse umane',
    ]);
    expect(withoutLines({ ...plan, areas: byName(plan.areas) })).toEqual(
      withoutLines({ ...reference, areas: byName(reference.areas) }),
    );
  });

  it('gives the same plan without page headers (no ente then)', () => {
    const text = sampleLines()
      .filter((l) => l !== 'Città di Asola' && l !== 'Provincia di Mantova')
      .join('\n');
    expect(withoutLines(parseOrThrow(text))).toEqual(withoutLines({ ...reference, ente: null }));
  });

  it('gives the same plan without page headers nor the blank lines around them', () => {
    const text = sampleLines()
      .filter((l) => l.trim() !== '' && l !== 'Città di Asola' && l !== 'Provincia di Mantova')
      .join('\n');
    expect(withoutLines(parseOrThrow(text))).toEqual(withoutLines({ ...reference, ente: null }));
  });

  it('gives the same plan, line numbers included, with CRLF or CR line endings and a BOM', () => {
    expect(parseOrThrow(SAMPLE_TEXT.replace(/\n/g, '\r\n'))).toEqual(reference);
    expect(parseOrThrow(SAMPLE_TEXT.replace(/\n/g, '\r'))).toEqual(reference);
    expect(parseOrThrow(`\ufeff${SAMPLE_TEXT}`)).toEqual(reference);
  });

  it('gives the same plan for another comune', () => {
    const text = sampleLines()
      .map((l) =>
        l === 'Città di Asola' ? 'Comune di Prova' : l === 'Provincia di Mantova' ? 'Provincia di Roma' : l,
      )
      .join('\n');
    const plan = parseOrThrow(text);
    expect(plan.ente).toBe('Comune di Prova');
    expect(plan).toEqual({ ...reference, ente: 'Comune di Prova' });
  });

  it('recognises any short line repeated on every page as a page header', () => {
    const text = sampleLines()
      .map((l) =>
        l === 'Città di Asola' ? 'Documento interno - bozza' : l === 'Provincia di Mantova' ? 'Pag. 2' : l,
      )
      .join('\n');
    expect(withoutLines(parseOrThrow(text))).toEqual(withoutLines({ ...reference, ente: null }));
  });

  it('continues the area across a repeated table header (Word repeats it on each page)', () => {
    const lines = sampleLines();
    const header = lines[130] ?? '';
    expect(header).toMatch(/^N\.\tObiettivo/);
    lines.splice(158, 0, header);
    expect(withoutLines(parseOrThrow(lines.join('\n')))).toEqual(withoutLines(reference));
  });

  it('keeps an objective without phases, with phases [] and no deadline', () => {
    const lines = sampleLines();
    const text = lines.slice(0, lines.length - 1).join('\n');
    const last = parseOrThrow(text).areas[2]?.objectives.at(-1);
    expect(last).toMatchObject({ number: '8', phases: [], deadline: null, weights: { head: 4 } });
  });

  it('parses each area alone', () => {
    const [, ...areas] = blocks();
    areas.forEach((block, index) => {
      const plan = parseOrThrow(block.join('\n'));
      expect(withoutLines({ ente: null, acts: [], areas: plan.areas })).toEqual(
        withoutLines({ ente: null, acts: [], areas: reference.areas.slice(index, index + 1) }),
      );
    });
  });
});
