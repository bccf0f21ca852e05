import { describe, expect, it } from 'vitest';
import type { Note, Phase } from '../domain/plan.ts';
import {
  areaSchema,
  enteSchema,
  noteSchema,
  objectiveSchema,
  phaseSchema,
  phaseStatusSchema,
  planSchema,
  weightSetSchema,
} from './entities.ts';

const phase: Phase = {
  id: '7d1c2a4e-52a8-4c55-9a57-0d7f1b0c9e11',
  objectiveId: 'obj-1',
  areaId: 'area-1',
  number: 2,
  indicator: 'attività; PTPCT 2022/2024',
  subjects: 'Responsabile di Area; Istruttori Servizio Segreteria',
  description: 'Mappatura dei processi a rischio.',
  weight: 60,
  weightUnit: 'percent',
  deadline: '2022-04-30',
  status: 'in_progress',
  percent: 40,
  updatedBy: 'user-1',
  updatedAt: '2022-03-01T09:30:00+01:00',
};

const note: Note = {
  id: 'note-1',
  objectiveId: 'obj-1',
  phaseId: null,
  authorId: 'user-1',
  text: 'Sopralluogo alla mensa scolastica effettuato.',
  createdAt: '2022-03-01T08:30:00Z',
  attachmentIds: ['photo-1'],
};

describe('phaseSchema', () => {
  it('accepts a valid phase and returns it unchanged', () => {
    expect(phaseSchema.parse(phase)).toEqual(phase);
    const blank = {
      ...phase,
      weight: null,
      weightUnit: null,
      deadline: null,
      updatedBy: null,
      updatedAt: null,
    };
    expect(phaseSchema.parse(blank)).toEqual(blank);
  });

  it.each([
    ['percent above 100', { percent: 101 }],
    ['negative percent', { percent: -1 }],
    ['unknown status', { status: 'finished' }],
    ['impossible deadline', { deadline: '2022-02-30' }],
    ['Italian date format', { deadline: '30/04/2022' }],
    ['negative weight', { weight: -5 }],
    ['non-finite weight', { weight: Number.POSITIVE_INFINITY }],
    ['unknown weight unit', { weightUnit: 'euro' }],
    ['zero number', { number: 0 }],
    ['empty id', { id: '' }],
    ['time without zone', { updatedAt: '2022-03-01T09:30:00' }],
  ])('rejects %s', (_label, override) => {
    expect(phaseSchema.safeParse({ ...phase, ...override }).success).toBe(false);
  });

  it('rejects a missing field', () => {
    const { deadline: _deadline, ...withoutDeadline } = phase;
    expect(phaseSchema.safeParse(withoutDeadline).success).toBe(false);
  });
});

describe('noteSchema', () => {
  it('accepts text from 1 to 5000 characters', () => {
    expect(noteSchema.parse(note)).toEqual(note);
    expect(noteSchema.safeParse({ ...note, text: 'x' }).success).toBe(true);
    expect(noteSchema.safeParse({ ...note, text: 'x'.repeat(5000) }).success).toBe(true);
  });

  it('rejects empty, blank and overlong text', () => {
    expect(noteSchema.safeParse({ ...note, text: '' }).success).toBe(false);
    expect(noteSchema.safeParse({ ...note, text: ' \n\t' }).success).toBe(false);
    expect(noteSchema.safeParse({ ...note, text: 'x'.repeat(5001) }).success).toBe(false);
  });

  it('accepts a note on a phase', () => {
    expect(noteSchema.safeParse({ ...note, phaseId: phase.id }).success).toBe(true);
  });
});

describe('the other entities', () => {
  it('accept valid examples', () => {
    expect(enteSchema.safeParse({ id: 'asola', name: 'Città di Asola' }).success).toBe(true);
    expect(
      planSchema.safeParse({
        id: 'plan-2022',
        enteId: 'asola',
        title: 'Piano della Performance 2022',
        years: [2022, 2023, 2024],
        acts: [{ body: 'Giunta Comunale', number: '45', date: null }],
      }).success,
    ).toBe(true);
    expect(
      areaSchema.safeParse({
        id: 'area-1',
        planId: 'plan-2022',
        name: 'Area Affari Generali',
        head: null,
        position: 0,
        motivation: null,
      }).success,
    ).toBe(true);
    expect(
      objectiveSchema.safeParse({
        id: 'obj-1',
        areaId: 'area-1',
        number: '1',
        title: 'Revisione del Regolamento del Consiglio Comunale',
        indicator: 'attività',
        subjects: '',
        weights: { head: 30, giunta: 30, nucleo: null },
        state: 'active',
        motivation: null,
      }).success,
    ).toBe(true);
  });

  it('reject invalid examples', () => {
    expect(enteSchema.safeParse({ id: 'asola', name: '' }).success).toBe(false);
    expect(planSchema.safeParse({ id: 'p', enteId: 'e', title: 'Piano', years: [], acts: [] }).success).toBe(
      false,
    );
    expect(
      areaSchema.safeParse({
        id: 'a',
        planId: 'p',
        name: 'Area',
        head: null,
        position: 1.5,
        motivation: null,
      }).success,
    ).toBe(false);
    expect(
      objectiveSchema.safeParse({
        id: 'o',
        areaId: 'a',
        number: '1',
        title: 'T',
        indicator: '',
        subjects: '',
        weights: { head: 30, giunta: null },
        state: 'active',
        motivation: null,
      }).success,
    ).toBe(false);
    expect(
      objectiveSchema.safeParse({
        id: 'o',
        areaId: 'a',
        number: '1',
        title: 'T',
        indicator: '',
        subjects: '',
        weights: { head: null, giunta: null, nucleo: null },
        state: 'stralciato',
        motivation: null,
      }).success,
    ).toBe(false);
  });
});

describe('enum schemas', () => {
  it('match the domain lists', () => {
    expect(phaseStatusSchema.options).toEqual(['not_started', 'in_progress', 'done', 'blocked', 'cancelled']);
    expect(weightSetSchema.parse('nucleo')).toBe('nucleo');
    expect(weightSetSchema.safeParse('council').success).toBe(false);
  });
});
