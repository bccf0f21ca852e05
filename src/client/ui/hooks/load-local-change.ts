/**
 * The write API (client/db/local-change.ts) is loaded on the first change rather than with the first
 * page: reading needs none of it, and the chunk comes from the service worker's cache offline.
 */
export function loadLocalChange() {
  return import('../../db/local-change.ts');
}
