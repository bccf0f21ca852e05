import { describe, expect, it } from 'vitest';
import { message, pickLang } from './messages.ts';

describe('API messages', () => {
  it('names statuses and states in words of the language, not by their code', () => {
    expect(message('phase_closed', 'it', { status: 'done' })).toBe(
      'La fase è completata: cambia prima lo stato.',
    );
    expect(message('phase_closed', 'en', { status: 'cancelled' })).toBe(
      'The phase is cancelled: change its status first.',
    );
    expect(message('objective_closed', 'it', { state: 'removed' })).toContain('è stralciato');
  });

  it('leaves other parameters as they are and unknown slots visible', () => {
    expect(message('schema_too_new', 'en', { version: 7 })).toContain('Protocol version 7');
    expect(message('schema_too_new', 'it')).toContain('{version}');
  });

  it('picks Italian by default and English when preferred', () => {
    expect(pickLang(undefined)).toBe('it');
    expect(pickLang('en-GB,en;q=0.9,it;q=0.5')).toBe('en');
    expect(pickLang('fr-FR')).toBe('it');
  });
});
