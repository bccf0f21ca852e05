import { useT } from '../../../i18n/use-t.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { SearchPanel } from '../../components/search-panel.tsx';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';

/** Search over objectives, phases and notes on the device; the query is kept in the address. */
export function SearchPage({ query }: { query: string }) {
  const { t } = useT();
  return (
    <>
      <PageTitle title={t('search.title')}>{t('search.title')}</PageTitle>
      <SearchPanel
        initialQuery={query}
        onQueryChange={(q) => navigate(paths.search(q.trim()), { replace: true })}
      />
    </>
  );
}
