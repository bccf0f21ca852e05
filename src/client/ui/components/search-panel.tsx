import { useDeferredValue, useId, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { SEARCH_MIN_LENGTH, useSearch, type SearchResults } from '../hooks/use-search.ts';
import { useSearchProgress } from '../hooks/use-search-progress.ts';
import { paths } from '../router/routes.ts';
import { Icon } from './icons.tsx';
import { Link } from './link.tsx';

function excerpt(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Under a group cut at the limit: how many there are in all. */
function More({ shown, total }: { shown: number; total: number }) {
  const { t } = useT();
  return shown < total ? <p className="small muted">{t('search.showing', { shown, total })}</p> : null;
}

function countOf(results: SearchResults): number {
  return results.totals.objectives + results.totals.phases + results.totals.notes;
}

/**
 * A search box over objectives, phases and notes, with the results under it. Runs on the device
 * (the search index, in a worker), so it works offline and answers while one types; while the index
 * is first built the status says how far it got. `onQueryChange` lets the search page keep the
 * query in the address.
 */
export function SearchPanel({
  initialQuery = '',
  onQueryChange,
  headingLevel = 2,
}: {
  initialQuery?: string;
  onQueryChange?: (query: string) => void;
  headingLevel?: 2 | 3;
}) {
  const { t, tn, dateTime } = useT();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query);
  const results = useSearch(deferred);
  const progress = useSearchProgress();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const total = results ? countOf(results) : 0;
  const trimmed = deferred.trim();
  const waiting = !results && trimmed.length >= SEARCH_MIN_LENGTH && progress.state === 'building';
  return (
    <div className="search-panel">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="field-label" htmlFor={`${id}-q`}>
          {t('search.label')}
        </label>
        <div className="search-box">
          <Icon name="search" />
          <input
            id={`${id}-q`}
            className="input"
            type="search"
            value={query}
            placeholder={t('search.placeholder')}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            onChange={(event) => {
              setQuery(event.target.value);
              onQueryChange?.(event.target.value);
            }}
          />
        </div>
        <p id={`${id}-hint`} className="hint">
          {t('search.hint')} {t('search.ranking')}
        </p>
      </form>
      <div role="status" aria-live="polite" className="search-count">
        {trimmed.length > 0 && trimmed.length < SEARCH_MIN_LENGTH && t('search.tooShort')}
        {waiting &&
          (progress.total > 0
            ? t('search.preparing', { done: progress.indexed, total: progress.total })
            : t('search.preparingStart'))}
        {results && (total === 0 ? t('search.none', { query: results.query }) : tn('search.results', total))}
      </div>
      {results && results.objectives.length > 0 && (
        <section className="search-group">
          <H>{t('search.objectives')}</H>
          <ul className="plain-list result-list">
            {results.objectives.map((o) => (
              <li key={o.id}>
                <Link href={paths.objective(o.id)}>
                  {t('objective.label', { number: o.number })} · {o.title}
                </Link>
                <span className="small muted">{results.areaNames.get(o.areaId)}</span>
              </li>
            ))}
          </ul>
          <More shown={results.objectives.length} total={results.totals.objectives} />
        </section>
      )}
      {results && results.phases.length > 0 && (
        <section className="search-group">
          <H>{t('search.phases')}</H>
          <ul className="plain-list result-list">
            {results.phases.map(({ phase, objective }) => (
              <li key={phase.id}>
                <Link href={paths.phase(phase.id)}>{excerpt(phase.description || phase.indicator)}</Link>
                <span className="small muted">
                  {results.areaNames.get(phase.areaId)} ·{' '}
                  {objective && `${t('objective.label', { number: objective.number })} · `}
                  {t('phase.label', { number: phase.number })}
                </span>
              </li>
            ))}
          </ul>
          <More shown={results.phases.length} total={results.totals.phases} />
        </section>
      )}
      {results && results.notes.length > 0 && (
        <section className="search-group">
          <H>{t('search.notes')}</H>
          <ul className="plain-list result-list">
            {results.notes.map(({ note, objective }) => (
              <li key={note.id}>
                <Link href={note.phaseId ? paths.phase(note.phaseId) : paths.objective(note.objectiveId)}>
                  {excerpt(note.text)}
                </Link>
                <span className="small muted">
                  {dateTime(note.createdAt)}
                  {note.authorName && ` · ${note.authorName}`}
                  {objective && ` · ${t('objective.label', { number: objective.number })}`}
                </span>
              </li>
            ))}
          </ul>
          <More shown={results.notes.length} total={results.totals.notes} />
        </section>
      )}
    </div>
  );
}
