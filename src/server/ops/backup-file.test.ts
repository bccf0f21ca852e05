import { describe, expect, it } from 'vitest';
import { BACKUP_MAGIC, decodeBackup, encodeBackup } from './backup-file.ts';

const payload = new Uint8Array(5000).map((_, i) => i % 251);
const file = encodeBackup(payload, {
  kind: 'pglite',
  appVersion: '0.1.0',
  createdAt: new Date('2026-12-01T10:00:00Z'),
});

describe('backup file header', () => {
  it('reads back what it wrote, header and payload', () => {
    const r = decodeBackup(file, 'pglite');
    expect(r).toMatchObject({
      ok: true,
      header: { format: 1, kind: 'pglite', appVersion: '0.1.0', payloadLength: 5000 },
    });
    expect(r.ok && Buffer.from(r.payload).equals(Buffer.from(payload))).toBe(true);
  });

  it.each([
    ['another program’s file', Buffer.from('\x1f\x8b\x08 gzip'), 'not a Traguardi backup'],
    ['an empty file', Buffer.alloc(0), 'not a Traguardi backup'],
    [
      'a file cut inside the header',
      Buffer.from(file).subarray(0, BACKUP_MAGIC.length + 10),
      'header is incomplete',
    ],
    ['a truncated file', Buffer.from(file).subarray(0, file.length - 1), 'truncated'],
    ['a file with bytes added', Buffer.concat([file, Buffer.from('x')]), 'truncated'],
  ])('refuses %s', (_, bytes, reason) => {
    const r = decodeBackup(bytes, 'pglite');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('refuses a damaged payload, another format and the other database kind', () => {
    const damaged = Buffer.from(file);
    damaged.writeUInt8((damaged.readUInt8(damaged.length - 10) + 1) % 256, damaged.length - 10);
    expect(decodeBackup(damaged, 'pglite')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('checksum'),
    });
    const v2 = Buffer.from(
      Buffer.from(file).toString('latin1').replace('"format":1', '"format":2'),
      'latin1',
    );
    expect(decodeBackup(v2, 'pglite')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('format 2'),
    });
    expect(decodeBackup(file, 'postgres')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('embedded'),
    });
  });
});
