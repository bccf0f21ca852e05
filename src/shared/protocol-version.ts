/**
 * The wire protocol's schema version (docs/protocol.md).
 * History:
 * - 1 (2026-11-25): push/pull, phase.setStatus, phase.setProgress, note.add, attachments.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest client schemaVersion the server still accepts; older ones get 426 client_too_old. */
export const MIN_PROTOCOL_VERSION = 1;
