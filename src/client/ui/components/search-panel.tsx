import { useDeferredValue, useId, useState } from 'react';
import { useT } from '../../i18n/use-t.ts';
import { SEARCH_MIN_LENGTH, useSearch } from '../hooks/use-search.ts';
import { paths } from '../router/routes.ts';
import { Icon } from './icons.tsx';
import { Link } from './link.tsx';

function excerpt(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A search box over objectives, phases and notes, with the results under it. Runs on the device, so
 * it works offline. `onQueryChange` lets the search page keep the query in the address.
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
  const { t, tn } = useT();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query);
  const results = useSearch(deferred);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const total = results ? results.objectives.length + results.phases.length + results.notes.length : 0;
  const trimmed = deferred.trim();
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
          {t('search.hint')}
        </p>
      </form>
      <div role="status" aria-live="polite" className="search-count">
        {trimmed.length > 0 && trimmed.length < SEARCH_MIN_LENGTH && t('search.tooShort')}
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
                  {note.authorName ?? ''}
                  {objective && ` · ${t('objective.label', { number: objective.number })}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
