import { describe, expect, it } from 'vitest';
import { cleanText, tokenise } from './source-lines.ts';

describe('tokenise', () => {
  it('numbers lines the same with LF, CRLF and CR endings', () => {
    const text = 'a\n\nb\tc\n\tonly indented';
    const expected = tokenise(text);
    expect(tokenise(text.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(tokenise(text.replace(/\n/g, '\r'))).toEqual(expected);
    expect(expected).toEqual([
      { kind: 'text', number: 1, text: 'a' },
      { kind: 'blank', number: 2 },
      { kind: 'row', number: 3, cells: ['b', 'c'] },
      { kind: 'text', number: 4, text: 'only indented' },
    ]);
  });

  it('treats a row of empty cells as blank', () => {
    expect(tokenise('\t\t \t')).toEqual([{ kind: 'blank', number: 1 }]);
  });
});

describe('cleanText', () => {
  it('removes tags, bold markers, entities and extra spaces', () => {
    expect(cleanText('  <i>Servizio&nbsp;Museo</i> ')).toBe('Servizio Museo');
    expect(cleanText('**Piano Integrato** &amp; altro')).toBe('Piano Integrato & altro');
    expect(cleanText('\ufeffA\u00a0 B')).toBe('A B');
  });
});
