/**
 * The search worker: the index and its upkeep off the main thread, so building it over 100,000
 * notes or following a sync never blocks typing. Loaded by search-client.ts on first use; Vite
 * bundles it (Dexie, FlexSearch and the index) as its own file, which the service worker precaches.
 */
import { openDb } from '../db/open-db.ts';
import { serveSearch } from './serve-search.ts';

// A newer app version upgrading the database closes this connection (openDb): the page reloads.
serveSearch(self as unknown as DedicatedWorkerGlobalScope, (name) => openDb({ name }));
