/**
 * Whether a session is stored on the device, read with the bare IndexedDB API instead of Dexie, so the
 * first screen can choose between the sign-in form and the app before the data layer (Dexie, the
 * schemas, the sync engine) has been downloaded. It only reads: the answer is a hint for which chunk
 * to load, and Dexie's `loadSession` stays the authority once the app is loaded (a stored session
 * that does not parse there still ends on the sign-in form).
 *
 * - No database yet (a first visit): opening without a version would create an empty database at
 *   version 1; the upgrade is aborted instead, which per the IndexedDB spec deletes the database it
 *   was creating, so Dexie later creates it with its own schema as if nobody had looked.
 * - The connection is closed as soon as the read is done, so it never holds up another tab's upgrade.
 */
import { META } from './meta.ts';

export type StoredSessionHint = 'none' | 'stored' | 'unknown';

const META_STORE = 'meta';

export function probeStoredSession(
  options: { name?: string; indexedDB?: IDBFactory } = {},
): Promise<StoredSessionHint> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) return Promise.resolve('unknown');
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name ?? 'traguardi');
    } catch {
      resolve('unknown');
      return;
    }
    let created = false;
    request.onupgradeneeded = () => {
      // Only a database that did not exist gets here (no version asked): leave nothing behind.
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault(); // an aborted creation is the expected "no database" answer
      resolve(created ? 'none' : 'unknown');
    };
    request.onblocked = () => resolve('unknown');
    request.onsuccess = () => {
      const db = request.result;
      const done = (hint: StoredSessionHint) => {
        db.close();
        resolve(hint);
      };
      if (!db.objectStoreNames.contains(META_STORE)) {
        done('none');
        return;
      }
      try {
        const get = db.transaction(META_STORE, 'readonly').objectStore(META_STORE).get(META.session);
        get.onsuccess = () => {
          const row: unknown = get.result;
          const value = typeof row === 'object' && row !== null && 'value' in row ? row.value : undefined;
          done(typeof value === 'object' && value !== null ? 'stored' : 'none');
        };
        get.onerror = () => done('unknown');
      } catch {
        done('unknown');
      }
    };
  });
}
