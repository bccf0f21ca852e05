/**
 * The search log: which objectives, phases and notes changed, in the order they changed, so the
 * search index (client/search, in a worker) can follow the device database without reading it all.
 *
 * Written the way the progress facts are (facts.ts): a DBCore middleware adds `searchLog` to every
 * readwrite transaction over `objectives`, `phases` or `notes` and appends one entry per write
 * request there, in the SAME transaction: a pull, a rebase, a rollback, a local change, a resync's
 * clear, a sign-in as another user or any future code. An entry names the rows' ids (the index
 * reads their current state itself, so replaying an entry twice changes nothing) or says the whole
 * table changed (`all`: a clear or a range delete; the index rebuilds that kind). Nothing else
 * writes the log; the search worker prunes what its persisted snapshot already covers.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

export const SEARCH_TABLES = ['objectives', 'phases', 'notes'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

export interface SearchLogEntry {
  /** Auto-incremented: the log's order. */
  seq?: number;
  table: SearchTable;
  /** The rows written or deleted. */
  ids?: string[];
  /** The whole table changed (cleared or a range deleted). */
  all?: true;
}

export const SEARCH_LOG = 'searchLog';

function isSearchTable(name: string): name is SearchTable {
  return (SEARCH_TABLES as readonly string[]).includes(name);
}

function rowId(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : null;
}

/** The log entry for one write request on a search table; null when it wrote nothing. */
function entryFor(table: SearchTable, req: DBCoreMutateRequest): SearchLogEntry | null {
  switch (req.type) {
    case 'add':
    case 'put': {
      const ids = req.values.map(rowId).filter((id): id is string => id !== null);
      return ids.length ? { table, ids } : null;
    }
    case 'delete': {
      const ids = req.keys.filter((k): k is string => typeof k === 'string');
      return ids.length ? { table, ids } : null;
    }
    case 'deleteRange':
      return { table, all: true };
  }
}

/** Installed by TraguardiDb (v6 on): every write of a search table leaves its log entry. */
export const searchLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchLog',
  create(down) {
    // An older schema during an upgrade (before the log existed): nothing to record.
    if (!down.schema.tables.some((t) => t.name === SEARCH_LOG)) return {};
    return {
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || stores.includes(SEARCH_LOG) || !stores.some(isSearchTable))
          return down.transaction(stores, mode, options);
        return down.transaction([...stores, SEARCH_LOG], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isSearchTable(name)) return table;
        const log = down.table(SEARCH_LOG);
        return {
          ...table,
          // Promise chains on Dexie's own promises (no async/await): the transaction's zone is kept.
          mutate(req) {
            return table.mutate(req).then((res) => {
              const entry = entryFor(name, req);
              if (!entry) return res;
              return log.mutate({ type: 'add', trans: req.trans, values: [entry] }).then((logRes) => {
                // An entry that cannot be written aborts the transaction: never a change unlogged.
                if (logRes.numFailures > 0)
                  throw Object.values(logRes.failures)[0] ?? new Error('searchLog: write failed');
                return res;
              });
            });
          },
        };
      },
    };
  },
};
