/**
 * The device's search index: objectives, phases and notes (what the search always covered), each a
 * KindIndex, and the query over them scoped to one plan. In memory, in the search worker (or in
 * process where there is no worker); search-engine.ts keeps it equal to the device database.
 *
 * A query's words must all be found, each at the start of a word (prefix: "cro" finds
 * "cronoprogramma"), accents and case ignored; a word of one character is ignored, and a typed word
 * that begins another typed word adds nothing ("de del" is "del"). Pure, no I/O.
 */
import type { NoteRecord, ObjectiveRecord, PhaseRecord } from '../db/schema.ts';
import { KindIndex, type KindSnapshot, type Ranked, type SearchDoc } from './kind-index.ts';
import { searchTerms } from './search-terms.ts';

export const SEARCH_KINDS = ['objectives', 'phases', 'notes'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchRows = {
  objectives: ObjectiveRecord;
  phases: PhaseRecord;
  notes: NoteRecord;
};

export type SearchHits = Record<SearchKind, Ranked>;

/** At most this many words of a query are used (the rest only narrow an already narrow result). */
const MAX_WORDS = 8;

/** A row still known only to this device (version 0) is the newest of all. */
const LOCAL = Number.MAX_SAFE_INTEGER;

function timeOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : 0;
}

/** The searchable text, the ranking time and the owner of each kind of row. */
export const DOC_OF: { [K in SearchKind]: (row: SearchRows[K]) => SearchDoc } = {
  objectives: (o) => ({
    id: o.id,
    text: [o.number, o.title, o.indicator, o.subjects ?? ''].join(' '),
    // Objectives carry no date: the last one changed on the server is the newest.
    time: o.version === 0 ? LOCAL : o.version,
    owner: o.areaId,
  }),
  phases: (p) => ({
    id: p.id,
    text: [p.description, p.indicator, p.subjects].join(' '),
    time: timeOf(p.updatedAt),
    owner: p.areaId,
  }),
  notes: (n) => ({ id: n.id, text: n.text, time: timeOf(n.createdAt), owner: n.objectiveId }),
};

/** The words of a query as the index matches them (see the module comment). */
export function queryWords(query: string): string[] {
  const terms = searchTerms(query);
  return terms
    .filter((t, i) => !terms.some((o, j) => j !== i && o.length > t.length && o.startsWith(t)))
    .slice(0, MAX_WORDS);
}

export interface SearchIndexSnapshot {
  kinds: Record<SearchKind, KindSnapshot>;
}

export class SearchIndex {
  readonly kinds: Record<SearchKind, KindIndex> = {
    objectives: new KindIndex(),
    phases: new KindIndex(),
    notes: new KindIndex(),
  };

  put<K extends SearchKind>(kind: K, row: SearchRows[K]): void {
    this.kinds[kind].upsert(DOC_OF[kind](row));
  }

  remove(kind: SearchKind, id: string): void {
    this.kinds[kind].remove(id);
  }

  /**
   * The best `limit` objectives, phases and notes of the plan whose areas are `areaIds`. A note is
   * in the plan when its objective is (an objective not on the device yet hides its notes).
   */
  search(query: string, areaIds: ReadonlySet<string>, limit: number): SearchHits {
    const words = queryWords(query);
    const inPlan = (areaId: string) => areaIds.has(areaId);
    const objectives = this.kinds.objectives;
    return {
      objectives: objectives.search(words, inPlan, limit),
      phases: this.kinds.phases.search(words, inPlan, limit),
      notes: this.kinds.notes.search(
        words,
        (objectiveId) => {
          const areaId = objectives.ownerOf(objectiveId);
          return areaId !== undefined && areaIds.has(areaId);
        },
        limit,
      ),
    };
  }

  async toSnapshot(): Promise<SearchIndexSnapshot> {
    return {
      kinds: {
        objectives: await this.kinds.objectives.toSnapshot(),
        phases: await this.kinds.phases.toSnapshot(),
        notes: await this.kinds.notes.toSnapshot(),
      },
    };
  }

  load(snapshot: SearchIndexSnapshot): void {
    for (const kind of SEARCH_KINDS) this.kinds[kind].load(snapshot.kinds[kind]);
  }
}
