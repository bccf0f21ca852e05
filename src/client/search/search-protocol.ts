/**
 * The messages between the page and the search worker (search-worker.ts). The page opens the
 * worker on its database, then sends queries; every query gets exactly one answer with its id
 * (`results` or `failed`), in the order sent. The worker also tells how the index is coming along
 * (`progress`) and when it changed (`changed`: results on screen may be out of date).
 */
import type { SearchProgress } from './search-engine.ts';
import type { SearchHits } from './search-index.ts';

export type SearchRequest =
  | { type: 'open'; dbName: string }
  | { type: 'search'; id: number; query: string; areaIds: string[]; limit: number };

export type SearchReply =
  | { type: 'results'; id: number; hits: SearchHits; tookMs: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'progress'; progress: SearchProgress }
  | { type: 'changed' };

/** What both ends need of a Worker, a worker's global scope or a MessagePort. */
export interface SearchPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
