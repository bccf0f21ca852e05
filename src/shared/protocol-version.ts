/**
 * The wire protocol's schema version (docs/protocol.md).
 * History:
 * - 1 (2026-11-25): push/pull, phase.setStatus, phase.setProgress, note.add, attachments.
 * - 2 (2026-12-01): Part 2 — plans with a life (draft/approved/closed), plan mutations and amendment
 *   rows, the `locked` rejection. A v1 client is still served: only Part 1 row types and codes.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest client schemaVersion the server still accepts; older ones get 426 client_too_old. */
export const MIN_PROTOCOL_VERSION = 1;
