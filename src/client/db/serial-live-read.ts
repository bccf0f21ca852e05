/**
 * A live read that never runs beside itself and always delivers what it read.
 *
 * Dexie's liveQuery starts the query again at every overlapping write, while the last one is still
 * running, and drops a result read during a write. For a read of the whole plan's facts (12,000
 * records, seconds on a phone while the first sync writes), a run of writes then meant reads piling
 * up side by side and none delivered: the dashboard of the large plan waited for the writes to stop.
 * Here a write during a read marks it stale; the read's result is delivered anyway (it was right
 * when read) and ONE more read follows, after it. Writes are seen through Dexie's `storagemutated`
 * event, which also carries the sync worker's and other tabs' writes. Each read goes before the
 * first sync's background batches (page-read-lock.ts).
 */
import Dexie from 'dexie';
import { asPageRead } from './page-read-lock.ts';

export interface SerialLiveRead {
  unsubscribe(): void;
}

/** The tables' parts as Dexie names them in `storagemutated` ("idb://<db>/<table>/<index>"). */
function touches(parts: Record<string, unknown>, prefixes: readonly string[]): boolean {
  return Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)));
}

export function serialLiveRead<T>(
  db: Dexie,
  tables: readonly string[],
  read: () => Promise<T>,
  observer: { next: (value: T) => void; error?: (error: unknown) => void },
): SerialLiveRead {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  let closed = false;
  let running = false;
  let stale = false;
  const run = async (): Promise<void> => {
    if (running) {
      stale = true;
      return;
    }
    running = true;
    try {
      do {
        stale = false;
        try {
          const value = await asPageRead(read);
          if (!closed) observer.next(value);
        } catch (error) {
          if (!closed) observer.error?.(error);
        }
      } while (stale && !closed);
    } finally {
      running = false;
    }
  };
  const listener = (parts: Record<string, unknown>) => {
    if (!closed && touches(parts, prefixes)) void run();
  };
  Dexie.on('storagemutated', listener);
  void run();
  return {
    unsubscribe() {
      closed = true;
      Dexie.on('storagemutated').unsubscribe(listener);
    },
  };
}
