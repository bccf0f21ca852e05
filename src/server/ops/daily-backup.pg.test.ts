// BACKUP_DIR: a backup at start and one every interval (a short one injected here), keeping the
// newest `keep`; files of other names in the folder are left alone. PGlite in memory.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/migrate.ts';
import { writeBackup } from './backup.ts';
import { decodeBackup } from './backup-file.ts';
import { startDailyBackups } from './daily-backup.ts';

const dir = mkdtempSync(join(tmpdir(), 'traguardi-daily-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes one at start and one per interval, keeping the newest `keep`', async () => {
  const database = await openDatabase({});
  await prepareDatabase(database.db);
  writeFileSync(join(dir, 'notes.txt'), 'not a backup of ours');
  let clock = Date.parse('2026-12-01T00:00:00Z');
  const written: string[] = [];
  const errors: unknown[] = [];
  let enough!: () => void;
  const fiveWritten = new Promise<void>((r) => (enough = r));
  const backups = startDailyBackups({
    dir,
    keep: 2,
    intervalMs: 10,
    now: () => new Date((clock += 86_400_000)),
    write: (file) => writeBackup(database, file, { appVersion: 'test', now: new Date() }),
    onWritten: (file) => {
      written.push(file);
      if (written.length === 5) enough();
    },
    onError: (error) => errors.push(error),
  });
  await Promise.race([
    fiveWritten,
    new Promise((_, reject) => setInterval(() => errors.length > 0 && reject(errors[0] as Error), 5)),
  ]);
  await backups.stop();
  await database.close();
  const kept = readdirSync(dir).sort();
  // The newest two (stop() may have let one more finish, also reported through onWritten).
  const newest = written.slice(-2).map((f) => f.slice(dir.length + 1));
  expect(kept).toEqual([...newest, 'notes.txt'].sort());
  for (const name of newest) {
    expect(decodeBackup(readFileSync(join(dir, name)), 'pglite')).toMatchObject({ ok: true });
  }
}, 120_000);
