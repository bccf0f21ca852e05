/**
 * The sync worker: the sync engine off the main thread, so a first sync of a large plan (100,000
 * rows to parse, check and store) never holds up the page. Created by sync-worker-boot.ts (as the
 * login form is submitted, or when app-sync-engine.ts makes the engine); Vite
 * bundles it (Dexie, zod and the engine) as its own file, which the service worker precaches.
 */
import { openDb } from '../db/open-db.ts';
import { serveSync } from './serve-sync.ts';

// A newer app version upgrading the database closes this connection (openDb); the page reloads.
serveSync(self, { open: (name) => openDb({ name }), fetch: (url, init) => fetch(url, init) });
