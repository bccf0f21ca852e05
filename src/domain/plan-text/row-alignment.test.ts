import { describe, expect, it } from 'vitest';
import { alignRow } from './row-alignment.ts';
import type { ColumnKind } from './table-columns.ts';
import { recogniseHeader } from './table-columns.ts';

function header(text: string): ColumnKind[] {
  const columns = recogniseHeader(text.split('\t'));
  if (columns === null) throw new Error('not a header');
  return columns;
}

const TEN = header(
  'N.\tObiettivo\tParametro di valutazione\tSoggetti coinvolti\tFase\tPeso fase\tDescrizione Fase\tScadenza\tPeso proposto da Responsabili\tPeso proposto da Giunta',
);
const NINE = header(
  'N.\tObiettivo\tParametro di valutazione\tSoggetti coinvolti\tFase\tPeso fase\tDescrizione Fase\tScadenza\tPeso proposto dal Responsabile',
);

describe('recogniseHeader', () => {
  it('maps columns by header text', () => {
    expect(TEN).toEqual([
      'number',
      'title',
      'indicator',
      'subjects',
      'phaseNumber',
      'phaseWeight',
      'description',
      'deadline',
      'weightHead',
      'weightGiunta',
    ]);
    expect(header('N.\tObiettivo\tFase\tPeso determinato dal Nucleo\tNote')).toEqual([
      'number',
      'title',
      'phaseNumber',
      'weightNucleo',
      'other',
    ]);
  });

  it('does not take data rows for headers', () => {
    expect(recogniseHeader(['7', 'Obiettivi trasversali a supporto Area Tecnica', '', '4'])).toBeNull();
    expect(recogniseHeader(['Obiettivo', 'Note'])).toBeNull();
  });
});

describe('alignRow', () => {
  it('takes a row as long as its header as written', () => {
    const fields = alignRow(['1', 'Titolo', '', '', '', '', '', '', '5', ''], TEN);
    expect(fields).toMatchObject({ number: '1', title: 'Titolo', weightHead: '5', weightGiunta: '' });
  });

  it('moves a weight one column left back under its column', () => {
    expect(alignRow(['7', 'Titolo', '', '', '', '', '', '5', ''], TEN)).toMatchObject({
      number: '7',
      title: 'Titolo',
      deadline: '',
      weightHead: '5',
    });
  });

  it('moves a weight one column right back under its column', () => {
    expect(alignRow(['3', 'Titolo', '', '', '', '', '', '', '', '2'], NINE)).toMatchObject({
      number: '3',
      title: 'Titolo',
      weightHead: '2',
    });
  });

  it('puts description and deadline back when the "Peso fase" cell is missing', () => {
    expect(
      alignRow(['', '', 'ind', 'uffici', '2', 'una descrizione', '31/12/2022', '', ''], TEN),
    ).toMatchObject({
      indicator: 'ind',
      subjects: 'uffici',
      phaseNumber: '2',
      phaseWeight: '',
      description: 'una descrizione',
      deadline: '31/12/2022',
    });
  });

  it('drops extra empty cells at the end', () => {
    expect(
      alignRow(['', '', 'ind', 'uffici', '2', '60%', 'descr', '30/04/2022', '', ''], NINE),
    ).toMatchObject({
      phaseNumber: '2',
      phaseWeight: '60%',
      deadline: '30/04/2022',
      weightHead: '',
    });
  });

  it('never drops a filled cell', () => {
    expect(alignRow(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], NINE)).toBeNull();
  });
});
