import { describe, expect, it } from 'vitest';
import { parsePlanText, unplacedLines } from './parse-plan-text.ts';
import { actsInPremessa } from './premessa-acts.ts';
import { SAMPLE_TEXT } from './sample-plan.fixture.ts';

describe('acts named in the premessa', () => {
  it('reads the three Giunta deliberations of the sample, in the order the text names them', () => {
    const result = parsePlanText(SAMPLE_TEXT);
    expect(result.ok && result.plan.acts).toEqual([
      { body: 'giunta', number: '5', date: '2022-01-19' },
      { body: 'giunta', number: '15', date: '2022-02-09' },
      { body: 'giunta', number: '154', date: '2022-09-28' },
    ]);
  });

  it('gives a number without a body of its own to the body named last before it', () => {
    expect(
      actsInPremessa([
        'approvato con deliberazione del Consiglio Comunale n. 3 del 2/3/2023 e n. 9 del 15.04.2023,',
        'modificato con decreto del Sindaco n. 12/A del 01-06-23',
      ]),
    ).toEqual([
      { body: 'consiglio', number: '3', date: '2023-03-02' },
      { body: 'consiglio', number: '9', date: '2023-04-15' },
      { body: 'sindaco', number: '12/A', date: '2023-06-01' },
    ]);
  });

  it('reads a sentence wrapped over two lines, and each act once', () => {
    expect(
      actsInPremessa([
        'vista la delibera di Giunta n. 40',
        'del 10/05/2024; la delibera n. 40 del 10/05/2024',
      ]),
    ).toEqual([{ body: 'giunta', number: '40', date: '2024-05-10' }]);
  });

  it('names the body "altro" when the text names none, and skips impossible dates', () => {
    expect(actsInPremessa(['atto n. 7 del 31/12/2022', 'atto n. 8 del 31/13/2022'])).toEqual([
      { body: 'altro', number: '7', date: '2022-12-31' },
    ]);
  });

  it('reads acts from a table in the premessa and nothing from a premessa without acts', () => {
    expect(actsInPremessa(['Determinazione n. 101 del 05/07/2022'])).toEqual([
      { body: 'dirigente', number: '101', date: '2022-07-05' },
    ]);
    expect(actsInPremessa(['Il presente piano aggiorna gli obiettivi gestionali.'])).toEqual([]);
  });

  it('does not read the tables of the areas as acts', () => {
    const result = parsePlanText(SAMPLE_TEXT);
    expect(result.ok && result.plan.acts.length).toBe(3);
  });
});

describe('lines placed nowhere', () => {
  it('are none in the sample, and name the prose between table rows and a table before any area', () => {
    expect(unplacedLines(SAMPLE_TEXT)).toEqual([]);
    const lines = SAMPLE_TEXT.split('\n');
    const firstRow = lines.findIndex((l, i) => i > 130 && /^\d+\t/.test(l));
    lines.splice(firstRow + 1, 0, 'Nota a margine scritta a mano');
    lines.splice(2, 0, 'Tabella\tallegata\tal piano');
    const found = unplacedLines(lines.join('\n'));
    expect(found).toEqual([
      { line: 3, text: 'Tabella allegata al piano' },
      { line: firstRow + 3, text: 'Nota a margine scritta a mano' },
    ]);
  });
});
