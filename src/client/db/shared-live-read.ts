/**
 * One serial live read (serial-live-read.ts) shared by every component that asks for the same thing.
 *
 * Il mio lavoro's lists, its reminders and the navigation's reminder badge all want the facts of
 * the user's areas — for an admin of the large plan, 12,000 records, about a second to read at 4×
 * CPU. Read once per key while anyone listens, not once per hook; the read stops when the last one
 * leaves.
 */
import type Dexie from 'dexie';
import { serialLiveRead, type SerialLiveRead } from './serial-live-read.ts';

interface Entry {
  listeners: Set<() => void>;
  /** The latest value read; undefined until the first read ends. */
  value: unknown;
  live: SerialLiveRead | null;
}

const registries = new WeakMap<Dexie, Map<string, Entry>>();

function registry(db: Dexie): Map<string, Entry> {
  let entries = registries.get(db);
  if (!entries) {
    entries = new Map();
    registries.set(db, entries);
  }
  return entries;
}

/**
 * Subscribes `listener` to the read named `key` on `db` (started with `tables` and `read` by its
 * first listener); returns the unsubscribe. The same key must always name the same read.
 */
export function subscribeShared<T>(
  db: Dexie,
  key: string,
  tables: readonly string[],
  read: () => Promise<T>,
  listener: () => void,
): () => void {
  const entries = registry(db);
  let entry = entries.get(key);
  if (!entry) {
    const created: Entry = { listeners: new Set(), value: undefined, live: null };
    entries.set(key, created);
    created.live = serialLiveRead(db, tables, read, {
      next: (value) => {
        created.value = value;
        for (const l of [...created.listeners]) l();
      },
    });
    entry = created;
  }
  entry.listeners.add(listener);
  const mine = entry;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0) {
      mine.live?.unsubscribe();
      if (entries.get(key) === mine) entries.delete(key);
    }
  };
}

/** The latest value of the read named `key` on `db`, or undefined (not read yet, or nobody listens). */
export function sharedValue<T>(db: Dexie, key: string): T | undefined {
  return registries.get(db)?.get(key)?.value as T | undefined;
}
