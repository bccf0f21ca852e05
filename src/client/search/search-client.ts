/**
 * The page's side of the search: one client per database connection, which starts the search
 * worker on first use (the index, FlexSearch and their upkeep live there: nothing of them is in the
 * page's own JavaScript). Where no worker can run (a test's DOM, a worker that failed to load) the
 * same engine runs in the page instead, imported on first use.
 *
 * `search` answers with every change committed before it was asked (the engine catches up first);
 * `subscribe` tells when the index changed or its progress moved, so shown results can be asked
 * again. Queries are answered in the order asked.
 */
import type { TraguardiDb } from '../db/schema.ts';
import type { SearchEngine, SearchProgress } from './search-engine.ts';
import type { SearchHits } from './search-index.ts';
import type { SearchPort, SearchReply, SearchRequest } from './search-protocol.ts';

export interface SearchClient {
  search(query: string, areaIds: readonly string[], limit: number): Promise<SearchHits>;
  /** Called when the index changed or its progress moved; returns the unsubscribe function. */
  subscribe(listener: (what: SearchEvent) => void): () => void;
  progress(): SearchProgress;
}

/** `changed`: results on screen may be out of date; `progress`: see progress(). */
export type SearchEvent = 'changed' | 'progress';

const STARTING: SearchProgress = { state: 'building', indexed: 0, total: 0 };

class Listeners {
  private set = new Set<(what: SearchEvent) => void>();
  add(listener: (what: SearchEvent) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  fire(what: SearchEvent): void {
    for (const l of [...this.set]) l(what);
  }
}

/** A client talking search-protocol.ts over `port` (a Worker, or a MessagePort in tests). */
export function portClient(port: SearchPort, dbName: string): SearchClient & { failAll(): void } {
  const listeners = new Listeners();
  const pending = new Map<number, { resolve: (hits: SearchHits) => void; reject: (err: Error) => void }>();
  let progress = STARTING;
  let nextId = 1;
  const send = (message: SearchRequest) => port.postMessage(message);
  port.addEventListener('message', (event: MessageEvent) => {
    const reply = event.data as SearchReply;
    if (reply.type === 'results' || reply.type === 'failed') {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.type === 'results') waiting?.resolve(reply.hits);
      else waiting?.reject(new Error(reply.message));
      return;
    }
    if (reply.type === 'progress') progress = reply.progress;
    listeners.fire(reply.type);
  });
  send({ type: 'open', dbName });
  return {
    search(query, areaIds, limit) {
      const id = nextId++;
      return new Promise<SearchHits>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'search', id, query, areaIds: [...areaIds], limit });
      });
    },
    subscribe: (listener) => listeners.add(listener),
    progress: () => progress,
    failAll() {
      for (const waiting of pending.values()) waiting.reject(new Error('search worker failed'));
      pending.clear();
    },
  };
}

/** The engine in the page (no worker): loaded on the first query, following changes from then on. */
export function inProcessClient(db: TraguardiDb): SearchClient {
  const listeners = new Listeners();
  let progress = STARTING;
  let engine: Promise<SearchEngine> | null = null;
  const started = () =>
    (engine ??= import('./search-engine.ts').then(({ SearchEngine }) => {
      const e = new SearchEngine(db, {
        onProgress: (p) => {
          progress = p;
          listeners.fire('progress');
        },
        onChanged: () => listeners.fire('changed'),
      });
      e.start();
      db.on('close', () => e.stop());
      return e;
    }));
  return {
    search: async (query, areaIds, limit) => (await started()).search(query, areaIds, limit),
    subscribe: (listener) => listeners.add(listener),
    progress: () => progress,
  };
}

/** A client that moves to the page's own engine if its worker fails. */
function workerClient(db: TraguardiDb): SearchClient {
  let current: SearchClient;
  const listeners = new Listeners();
  const fallBack = () => {
    current = inProcessClient(db);
    current.subscribe((what) => listeners.fire(what));
  };
  try {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      type: 'module',
      name: 'traguardi-search',
    });
    const viaWorker = portClient(worker, db.name);
    worker.addEventListener('error', () => {
      viaWorker.failAll();
      fallBack();
    });
    current = viaWorker;
    current.subscribe((what) => listeners.fire(what));
  } catch {
    fallBack();
  }
  return {
    search: (query, areaIds, limit) => current.search(query, areaIds, limit),
    subscribe: (listener) => listeners.add(listener),
    progress: () => current.progress(),
  };
}

const clients = new WeakMap<TraguardiDb, SearchClient>();

/** The search client of this database connection, made (and its worker started) on first call. */
export function searchClientFor(db: TraguardiDb): SearchClient {
  let client = clients.get(db);
  if (!client) {
    client = typeof Worker === 'undefined' ? inProcessClient(db) : workerClient(db);
    clients.set(db, client);
  }
  return client;
}
