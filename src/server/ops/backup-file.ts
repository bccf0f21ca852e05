/**
 * The backup file: our own header, then the database's archive (PGlite's gzipped folder tar, or
 * pg_dump's custom format) as the payload.
 *
 *   TRAGUARDI-BACKUP\n
 *   {"format":1,"kind":"pglite","appVersion":"0.1.0","createdAt":"…","payloadLength":N,"sha256":"…"}\n
 *   <N bytes of payload>
 *
 * The header lets restore refuse, before touching anything, a file that is not a backup (or of
 * another program), of a format this version does not read, of the other database kind, truncated or
 * damaged. Pure: bytes in, bytes or a refusal out.
 */
import { createHash } from 'node:crypto';

export const BACKUP_MAGIC = 'TRAGUARDI-BACKUP\n';
export const BACKUP_FORMAT = 1;
/** A header line longer than this is not ours. */
const MAX_HEADER = 4096;

export type BackupKind = 'pglite' | 'postgres';

export interface BackupHeader {
  format: number;
  kind: BackupKind;
  appVersion: string;
  createdAt: string;
  payloadLength: number;
  sha256: string;
}

export type BackupReading =
  { ok: true; header: BackupHeader; payload: Uint8Array } | { ok: false; reason: string };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodeBackup(
  payload: Uint8Array,
  meta: { kind: BackupKind; appVersion: string; createdAt: Date },
): Uint8Array {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    kind: meta.kind,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt.toISOString(),
    payloadLength: payload.length,
    sha256: sha256Hex(payload),
  };
  const head = Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  return Buffer.concat([head, payload]);
}

function parseHeader(text: string): BackupHeader | null {
  try {
    const h = JSON.parse(text) as Partial<BackupHeader>;
    if (
      typeof h.format === 'number' &&
      (h.kind === 'pglite' || h.kind === 'postgres') &&
      typeof h.appVersion === 'string' &&
      typeof h.createdAt === 'string' &&
      typeof h.payloadLength === 'number' &&
      typeof h.sha256 === 'string'
    ) {
      return {
        format: h.format,
        kind: h.kind,
        appVersion: h.appVersion,
        createdAt: h.createdAt,
        payloadLength: h.payloadLength,
        sha256: h.sha256,
      };
    }
  } catch {
    // falls through: not our header
  }
  return null;
}

/** Reads and verifies a backup; `expectKind` is the kind of database it is to be restored into. */
export function decodeBackup(file: Uint8Array, expectKind: BackupKind): BackupReading {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const magic = Buffer.from(BACKUP_MAGIC, 'utf8');
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic)) {
    return { ok: false, reason: 'it is not a Traguardi backup' };
  }
  const end = bytes.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > MAX_HEADER) {
    return { ok: false, reason: 'its header is incomplete (the file is truncated or damaged)' };
  }
  const header = parseHeader(bytes.subarray(magic.length, end).toString('utf8'));
  if (!header) return { ok: false, reason: 'its header is not readable (the file is damaged)' };
  if (header.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      reason: `it is in backup format ${header.format}, which this version (format ${BACKUP_FORMAT}) does not read`,
    };
  }
  if (header.kind !== expectKind) {
    const name = (k: BackupKind) => (k === 'pglite' ? 'the embedded database' : 'PostgreSQL');
    return {
      ok: false,
      reason: `it is a backup of ${name(header.kind)}, and this server uses ${name(expectKind)}`,
    };
  }
  const payload = bytes.subarray(end + 1);
  if (payload.length !== header.payloadLength) {
    return {
      ok: false,
      reason: `it is truncated or damaged (${payload.length} bytes of data, the header says ${header.payloadLength})`,
    };
  }
  if (sha256Hex(payload) !== header.sha256) {
    return { ok: false, reason: 'it is damaged (its checksum does not match)' };
  }
  return { ok: true, header, payload };
}
