/**
 * The search worker's side of search-protocol.ts: opens the device database named by `open`, keeps
 * a SearchEngine on it (following the log in the background) and answers queries one at a time.
 * Separate from the worker's entry file so tests drive it through a real MessageChannel.
 */
import type { TraguardiDb } from '../db/schema.ts';
import { SearchEngine } from './search-engine.ts';
import type { SearchPort, SearchReply, SearchRequest } from './search-protocol.ts';

export function serveSearch(port: SearchPort, open: (dbName: string) => TraguardiDb): void {
  let engine: SearchEngine | null = null;
  const reply = (message: SearchReply) => port.postMessage(message);
  port.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as SearchRequest;
    if (request.type === 'open') {
      if (engine) return; // one database per worker
      engine = new SearchEngine(open(request.dbName), {
        onProgress: (progress) => reply({ type: 'progress', progress }),
        onChanged: () => reply({ type: 'changed' }),
      });
      engine.start();
      return;
    }
    if (request.type === 'search') {
      const { id } = request;
      if (!engine) {
        reply({ type: 'failed', id, message: 'search: not open' });
        return;
      }
      const started = performance.now();
      engine.search(request.query, request.areaIds, request.limit).then(
        (hits) => reply({ type: 'results', id, hits, tookMs: performance.now() - started }),
        (err: unknown) =>
          reply({ type: 'failed', id, message: err instanceof Error ? err.message : String(err) }),
      );
    }
  });
}
