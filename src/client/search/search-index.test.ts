import { describe, expect, it } from 'vitest';
import type { NoteRecord, ObjectiveRecord, PhaseRecord } from '../db/schema.ts';
import { queryWords, SearchIndex } from './search-index.ts';

function objective(id: string, areaId: string, title: string, version = 1): ObjectiveRecord {
  return {
    id,
    version,
    areaId,
    number: '1',
    title,
    indicator: 'Rispetto della tempistica',
    state: 'active',
    motivation: null,
    weights: { head: null, giunta: null, nucleo: null },
  };
}

function phase(
  id: string,
  areaId: string,
  description: string,
  updatedAt: string | null = null,
): PhaseRecord {
  return {
    id,
    version: 1,
    objectiveId: 'o1',
    areaId,
    number: 1,
    indicator: 'Atto adottato',
    subjects: 'Ufficio tecnico',
    description,
    weight: null,
    weightUnit: null,
    deadline: null,
    status: 'not_started',
    percent: 0,
    updatedBy: null,
    updatedAt,
  };
}

function note(id: string, objectiveId: string, text: string, createdAt: string): NoteRecord {
  return { id, version: 1, objectiveId, phaseId: null, authorId: 'u1', text, createdAt, attachmentIds: [] };
}

const PLAN = new Set(['a1']);

function indexWithPlan(): SearchIndex {
  const index = new SearchIndex();
  index.put('objectives', objective('o1', 'a1', 'Attività della mensa scolastica'));
  index.put('objectives', objective('o2', 'a2', 'Mensa di un altro piano'));
  return index;
}

describe('queryWords', () => {
  it('folds accents and case, drops one-letter words and words another typed word begins with', () => {
    expect(queryWords('Attività È  de DEL')).toEqual(['attivita', 'del']);
    expect(queryWords('a e')).toEqual([]);
  });
});

describe('SearchIndex', () => {
  it('finds with accents and case folded, both ways', () => {
    const index = indexWithPlan();
    index.put('notes', note('n1', 'o1', 'Verificata l’ATTIVITÀ in loco', '2022-03-01T10:00:00Z'));
    expect(index.search('attivita', PLAN, 25).notes.ids).toEqual(['n1']);
    expect(index.search('ATTIVITÀ', PLAN, 25).notes.ids).toEqual(['n1']);
    expect(index.search('attività', PLAN, 25).objectives.ids).toEqual(['o1']);
  });

  it('matches each typed word at the start of a word, every word required', () => {
    const index = indexWithPlan();
    index.put('notes', note('n1', 'o1', 'Aggiornato il cronoprogramma dei lavori', '2022-03-01T10:00:00Z'));
    index.put('notes', note('n2', 'o1', 'Lavori sospesi', '2022-03-02T10:00:00Z'));
    expect(index.search('cro', PLAN, 25).notes.ids).toEqual(['n1']);
    expect(index.search('lav crono', PLAN, 25).notes.ids).toEqual(['n1']);
    expect(index.search('programma', PLAN, 25).notes.ids).toEqual([]); // inside a word: no
    expect(index.search('lavori zzz', PLAN, 25).notes).toEqual({ ids: [], total: 0 });
  });

  it('ranks whole-word matches first, then the newest, and counts every match', () => {
    const index = indexWithPlan();
    index.put('notes', note('old-exact', 'o1', 'Servizio mensa avviato', '2022-01-10T10:00:00Z'));
    index.put('notes', note('new-prefix', 'o1', 'Servizi mensa riorganizzati', '2022-06-10T10:00:00Z'));
    index.put('notes', note('new-exact', 'o1', 'Il servizio riprende', '2022-05-10T10:00:00Z'));
    index.put('notes', note('newest-prefix', 'o1', 'Servizietto di prova', '2022-07-10T10:00:00Z'));
    expect(index.search('servizio', PLAN, 25).notes.ids).toEqual(['new-exact', 'old-exact']);
    expect(index.search('servizi', PLAN, 25).notes.ids).toEqual([
      'new-prefix', // the only whole word "servizi"
      'newest-prefix',
      'new-exact',
      'old-exact',
    ]);
    expect(index.search('serv', PLAN, 2).notes).toEqual({ ids: ['newest-prefix', 'new-prefix'], total: 4 });
  });

  it('keeps to the plan: objectives and phases by area, notes by their objective’s area', () => {
    const index = indexWithPlan();
    index.put('phases', phase('p1', 'a1', 'Gara della mensa'));
    index.put('phases', phase('p2', 'a2', 'Gara della mensa'));
    index.put('notes', note('n1', 'o1', 'Mensa aperta', '2022-03-01T10:00:00Z'));
    index.put('notes', note('n2', 'o2', 'Mensa aperta', '2022-03-01T10:00:00Z'));
    index.put('notes', note('n3', 'o-not-here', 'Mensa aperta', '2022-03-01T10:00:00Z'));
    const hits = index.search('mensa', PLAN, 25);
    expect(hits.objectives.ids).toEqual(['o1']);
    expect(hits.phases.ids).toEqual(['p1']);
    expect(hits.notes.ids).toEqual(['n1']);
  });

  it('follows changes: a new text replaces the old one, a removal removes, numbers are reused', () => {
    const index = indexWithPlan();
    index.put('phases', phase('p1', 'a1', 'Bando per la palestra'));
    index.put('phases', phase('p1', 'a1', 'Bando per la piscina'));
    expect(index.search('palestra', PLAN, 25).phases.ids).toEqual([]);
    expect(index.search('piscina', PLAN, 25).phases.ids).toEqual(['p1']);
    index.remove('phases', 'p1');
    expect(index.search('piscina', PLAN, 25).phases.ids).toEqual([]);
    index.put('phases', phase('p2', 'a1', 'Bando per lo stadio'));
    expect(index.search('bando', PLAN, 25).phases.ids).toEqual(['p2']);
    // An objective moved to another area takes its notes out of the plan with it.
    index.put('notes', note('n1', 'o1', 'Mensa aperta', '2022-03-01T10:00:00Z'));
    index.put('objectives', objective('o1', 'a2', 'Attività della mensa scolastica'));
    expect(index.search('mensa', PLAN, 25).notes.ids).toEqual([]);
  });

  it('ranks objectives by their last server version (a local one first) and phases by their last update', () => {
    const index = new SearchIndex();
    index.put('objectives', objective('o-old', 'a1', 'Bando mensa', 3));
    index.put('objectives', objective('o-new', 'a1', 'Bando mensa', 9));
    index.put('objectives', objective('o-local', 'a1', 'Bando mensa', 0));
    index.put('phases', phase('p-never', 'a1', 'Bando'));
    index.put('phases', phase('p-late', 'a1', 'Bando', '2022-09-01T10:00:00Z'));
    index.put('phases', phase('p-early', 'a1', 'Bando', '2022-02-01T10:00:00Z'));
    const hits = index.search('bando', PLAN, 25);
    expect(hits.objectives.ids).toEqual(['o-local', 'o-new', 'o-old']);
    expect(hits.phases.ids).toEqual(['p-late', 'p-early', 'p-never']);
  });

  it('answers the same after a snapshot is loaded into a new index, and keeps updating', async () => {
    const index = indexWithPlan();
    index.put('notes', note('n1', 'o1', 'Sopralluogo alla mensa', '2022-03-01T10:00:00Z'));
    index.put('notes', note('n2', 'o1', 'Sopralluogo al cantiere', '2022-04-01T10:00:00Z'));
    index.remove('notes', 'n2');
    const copy = new SearchIndex();
    copy.load(structuredClone(await index.toSnapshot()));
    expect(copy.search('sopra', PLAN, 25)).toEqual(index.search('sopra', PLAN, 25));
    copy.put('notes', note('n3', 'o1', 'Sopralluogo in biblioteca', '2022-05-01T10:00:00Z'));
    expect(copy.search('sopralluogo', PLAN, 25).notes.ids).toEqual(['n3', 'n1']);
    expect(copy.search('cantiere', PLAN, 25).notes.ids).toEqual([]);
  });
});
