import { describe, expect, it } from 'vitest';
import { areaNameFromHeading, findEnte, isAreaHeading, pageFurniture } from './area-heading.ts';

describe('areaNameFromHeading', () => {
  it.each([
    ['MODIFICA PIANO DEGLI OBIETTIVI AREA SERVIZI ALLA PERSONA', 'Servizi alla persona'],
    [
      'PIANO DEGLI OBIETTIVI MODIFICATO PER AREA SERVIZIO SUAP URP E RISORSE UMANE',
      'Servizio SUAP URP e risorse umane',
    ],
    [
      "PIANO DEGLI OBIETTIVI MODIFICATO PER AREA ALL'AREA SERVIZI AMMINISTRATIVI E FINANZIARI",
      'Servizi amministrativi e finanziari',
    ],
    ['PIANO DEGLI OBIETTIVI AREA TECNICA', 'Tecnica'],
    ["PIANO DEGLI OBIETTIVI AREA POLIZIA LOCALE DELL'UNIONE", "Polizia locale dell'unione"],
    ['Piano degli obiettivi – Area Servizi CED e tributi', 'Servizi CED e tributi'],
    ['SERVIZI GENERALI AREA', 'Servizi generali'],
  ])('%s → %s', (heading, name) => {
    expect(areaNameFromHeading(heading)).toBe(name);
  });
});

describe('isAreaHeading', () => {
  it('recognises capitalised headings with AREA and sentence-case plan headings', () => {
    expect(isAreaHeading('MODIFICA PIANO DEGLI OBIETTIVI AREA SERVIZI ALLA PERSONA')).toBe(true);
    expect(isAreaHeading('Piano degli obiettivi – Area Tecnica')).toBe(true);
  });

  it('ignores prose, bullets and other capitals', () => {
    expect(isAreaHeading('PREMESSA')).toBe(false);
    expect(isAreaHeading("- obiettivo 1 priorità nell'area, quali elezioni")).toBe(false);
    expect(isAreaHeading("Per le ragioni su esposte si intende accogliere la modifica dell'area.")).toBe(
      false,
    );
  });
});

describe('findEnte and pageFurniture', () => {
  it('finds the comune, whatever its name', () => {
    expect(findEnte(['**Piano**', 'Città di Asola', 'Comune di Prova'])).toBe('Città di Asola');
    expect(findEnte(['Provincia di Mantova', 'Comune di Prova'])).toBe('Comune di Prova');
    expect(findEnte(['PREMESSA', 'Il Comune di Asola ha approvato'])).toBeNull();
  });

  it('takes letterhead lines, page numbers and short repeated lines as furniture', () => {
    const lines = [
      'Città di Asola',
      'Provincia di Mantova',
      'Pagina 3 di 9',
      'ACME',
      'ACME',
      'come segue:',
      'come segue:',
    ];
    const furniture = pageFurniture([
      ...lines,
      'PIANO AREA TECNICA',
      'PIANO AREA TECNICA',
      'Una frase sola.',
    ]);
    expect([...furniture].sort()).toEqual([
      'ACME',
      'Città di Asola',
      'Pagina 3 di 9',
      'Provincia di Mantova',
    ]);
  });
});
