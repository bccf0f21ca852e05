import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { NoteRecord, ObjectiveRecord, PhaseRecord } from '../../db/schema.ts';
import { searchClientFor } from '../../search/search-client.ts';
import type { SearchHits, SearchKind } from '../../search/search-index.ts';
import { useDb } from './use-db.ts';
import { useSelectedPlan } from './use-selected-plan.ts';

export interface SearchResults {
  query: string;
  /** Area names by id, to tell apart objectives with the same number in different areas. */
  areaNames: Map<string, string>;
  objectives: ObjectiveRecord[];
  phases: { phase: PhaseRecord; objective: ObjectiveRecord | undefined }[];
  notes: { note: NoteRecord; objective: ObjectiveRecord | undefined }[];
  /** Every match of each kind in the plan (the lists hold the best SEARCH_LIMIT). */
  totals: Record<SearchKind, number>;
}

export const SEARCH_LIMIT = 25;
export const SEARCH_MIN_LENGTH = 2;

/**
 * Searches the selected plan's objectives, phases and notes on the device (works offline) through
 * the search index (client/search, in a worker): every word of the query must begin a word of the
 * row (accents and case ignored); the best SEARCH_LIMIT of each kind, whole-word matches first,
 * then the newest. Asked again when the index changes (a sync, a local change), so the results
 * follow the data. Undefined while the first answer is awaited or for a query shorter than
 * SEARCH_MIN_LENGTH; while a new query is answered the previous results stay.
 */
export function useSearch(query: string): SearchResults | undefined {
  const db = useDb();
  const client = useMemo(() => searchClientFor(db), [db]);
  const q = query.trim();
  const selected = useSelectedPlan();
  // A string key: asked again when the plan's areas change, not on every new Set.
  const areaKey = selected ? [...selected.areaIds].join(',') : undefined;
  const active = q.length >= SEARCH_MIN_LENGTH && areaKey !== undefined;
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHits } | null>(null);
  const [changes, setChanges] = useState(0);
  useEffect(() => client.subscribe((what) => what === 'changed' && setChanges((n) => n + 1)), [client]);
  useEffect(() => {
    if (!active) return;
    let current = true;
    client.search(q, areaKey ? areaKey.split(',') : [], SEARCH_LIMIT).then(
      (hits) => {
        if (current) setAnswer({ query: q, hits });
      },
      () => undefined, // a closed database (reload asked) or a failed worker: the last results stay
    );
    return () => {
      current = false;
    };
  }, [client, q, areaKey, active, changes]);

  const results = useLiveQuery(async () => {
    if (!answer) return undefined;
    const { hits } = answer;
    const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
    const [objectives, phases, notes] = await Promise.all([
      db.objectives.bulkGet(hits.objectives.ids).then(present),
      db.phases.bulkGet(hits.phases.ids).then(present),
      db.notes.bulkGet(hits.notes.ids).then(present),
    ]);
    const objectiveIds = [...new Set([...phases, ...notes].map((x) => x.objectiveId))];
    const owners = new Map(
      (await db.objectives.bulkGet(objectiveIds)).flatMap((o) => (o ? [[o.id, o] as const] : [])),
    );
    const areaNames = new Map((await db.areas.toArray()).map((a) => [a.id, a.name]));
    return {
      query: answer.query,
      areaNames,
      objectives,
      phases: phases.map((phase) => ({ phase, objective: owners.get(phase.objectiveId) })),
      notes: notes.map((note) => ({ note, objective: owners.get(note.objectiveId) })),
      totals: { objectives: hits.objectives.total, phases: hits.phases.total, notes: hits.notes.total },
    } satisfies SearchResults;
  }, [db, answer]);
  return active ? results : undefined;
}
