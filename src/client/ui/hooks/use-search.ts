import { useLiveQuery } from 'dexie-react-hooks';
import type { NoteRecord, ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { useDb } from './use-db.ts';

export interface SearchResults {
  query: string;
  /** Area names by id, to tell apart objectives with the same number in different areas. */
  areaNames: Map<string, string>;
  objectives: ObjectiveRecord[];
  phases: { phase: PhaseRecord; objective: ObjectiveRecord | undefined }[];
  notes: { note: NoteRecord; objective: ObjectiveRecord | undefined }[];
}

export const SEARCH_LIMIT = 25;
export const SEARCH_MIN_LENGTH = 2;

/** Lower case without accents, so "attivita" finds "attività". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function matcher(query: string): (...fields: (string | null | undefined)[]) => boolean {
  const words = normaliseForSearch(query).split(/\s+/).filter(Boolean);
  return (...fields) => {
    const haystack = normaliseForSearch(fields.filter(Boolean).join(' '));
    return words.every((word) => haystack.includes(word));
  };
}

/**
 * Searches objectives, phases and notes on the device (works offline): every word of the query must
 * appear (accents and case ignored). At most SEARCH_LIMIT results of each kind; undefined while
 * searching or for a query shorter than SEARCH_MIN_LENGTH.
 */
export function useSearch(query: string): SearchResults | undefined {
  const db = useDb();
  const q = query.trim();
  return useLiveQuery(async () => {
    if (q.length < SEARCH_MIN_LENGTH) return undefined;
    const matches = matcher(q);
    const [objectives, phases, notes] = await Promise.all([
      db.objectives
        .filter((o) => matches(o.number, o.title, o.indicator, o.subjects))
        .limit(SEARCH_LIMIT)
        .toArray(),
      db.phases
        .filter((p) => matches(p.description, p.indicator, p.subjects))
        .limit(SEARCH_LIMIT)
        .toArray(),
      db.notes
        .filter((n) => matches(n.text))
        .limit(SEARCH_LIMIT)
        .toArray(),
    ]);
    const objectiveIds = [...new Set([...phases, ...notes].map((x) => x.objectiveId))];
    const owners = new Map(
      (await db.objectives.bulkGet(objectiveIds)).flatMap((o) => (o ? [[o.id, o] as const] : [])),
    );
    const areaNames = new Map((await db.areas.toArray()).map((a) => [a.id, a.name]));
    return {
      query: q,
      areaNames,
      objectives,
      phases: phases.map((phase) => ({ phase, objective: owners.get(phase.objectiveId) })),
      notes: notes
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((note) => ({ note, objective: owners.get(note.objectiveId) })),
    };
  }, [db, q]);
}
