import { describe, expect, it } from 'vitest';
import { motivationsByObjective, objectiveMotivation, readTitle } from './objective-motivation.ts';

describe('readTitle', () => {
  it('strips the state marker and reads the state', () => {
    expect(readTitle('REDISTRIBUZIONE DEL MERCATO - ATTUAZIONE DEL PROGETTO- (progetto sostituito)')).toEqual(
      {
        title: 'REDISTRIBUZIONE DEL MERCATO - ATTUAZIONE DEL PROGETTO',
        state: 'replaced',
        motivation: null,
      },
    );
    expect(readTitle('Sagra (obiettivo stralciato)').state).toBe('removed');
    expect(readTitle('Titolo semplice')).toEqual({ title: 'Titolo semplice', state: null, motivation: null });
  });

  it('takes the text after a marker as the motivation', () => {
    expect(readTitle('MANIFESTAZIONI 2022 (progetto modificato) La festa non si è svolta.')).toEqual({
      title: 'MANIFESTAZIONI 2022',
      state: 'modified',
      motivation: 'La festa non si è svolta.',
    });
  });
});

describe('motivations', () => {
  it('assigns bullets starting "obiettivo N" to objective N', () => {
    const found = motivationsByObjective([
      'Il Responsabile ha proposto:',
      '- obiettivo 1 si rinvia;',
      '- ✓ Obiettivo n. 2 si modifica.',
      '- altro motivo',
      '- obiettivo 1 e inoltre',
    ]);
    expect([...found]).toEqual([
      ['1', 'obiettivo 1 si rinvia\nobiettivo 1 e inoltre'],
      ['2', 'Obiettivo n. 2 si modifica.'],
    ]);
  });

  it('falls back to the area motivation only for changed objectives', () => {
    expect(objectiveMotivation('removed', null, undefined, 'area')).toBe('area');
    expect(objectiveMotivation('active', null, undefined, 'area')).toBeNull();
    expect(objectiveMotivation('modified', 'titolo', 'punto', 'area')).toBe('titolo\npunto');
    expect(objectiveMotivation('active', null, 'punto', 'area')).toBe('punto');
  });
});
