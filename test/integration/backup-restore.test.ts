// Backup and restore, on the PGlite folder (dumpDataDir) and on PostgreSQL (pg_dump/pg_restore):
// rows written by devices (pushes, a note with a photo) survive backup → wipe → restore → start, the
// photo's bytes and the devices' lastSeq included. Then a device of the real client engine that
// synced AFTER the backup (its cursor and seq beyond the restored data) resyncs, keeps pushing, and
// ends equal to the server; its changes after the backup are lost, as restoring means.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setPhaseStatus } from '../../src/client/db/local-change.ts';
import { APP_VERSION } from '../../src/server/app.ts';
import { BackupError, restorePglite, restorePostgres, writeBackup } from '../../src/server/ops/backup.ts';
import { deviceRows, openDevice, serverRows } from '../helpers/device-sim.ts';
import { createTestDatabase, DB_KINDS, loginAs, Session, type TestDbKind } from '../helpers/server.ts';
import {
  addNote,
  demoPlan,
  fakeImage,
  setStatus,
  TestDevice,
  type PhaseData,
} from '../helpers/server-sync.ts';
import { Transport } from '../helpers/transport.ts';
import { startServerProcess, type ServerProcess } from '../sync/server-process.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'traguardi-backup-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Where a server keeps its data, and how to wipe it and restore a backup into the empty place. */
interface Place {
  start(): Promise<ServerProcess>;
  backup(server: ServerProcess, file: string): Promise<void>;
  wipeAndRestore(file: string): Promise<void>;
}

async function place(kind: TestDbKind): Promise<Place> {
  if (kind === 'pglite') {
    const dataDir = join(tempFolder(), 'data');
    return {
      start: () => startServerProcess({ dataDir }),
      backup: (s, file) =>
        writeBackup(s.database, file, { appVersion: APP_VERSION, now: new Date() }).then(() => {}),
      async wipeAndRestore(file) {
        rmSync(dataDir, { recursive: true, force: true });
        await restorePglite(file, dataDir);
      },
    };
  }
  let db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return {
    start: () => startServerProcess({ databaseUrl: db.url }),
    backup: (s, file) =>
      writeBackup(s.database, file, { appVersion: APP_VERSION, now: new Date(), databaseUrl: db.url }).then(
        () => {},
      ),
    async wipeAndRestore(file) {
      await db.drop();
      db = await createTestDatabase();
      cleanups.push(() => db.drop());
      await restorePostgres(file, db.url);
    },
  };
}

describe.each(DB_KINDS)('backup and restore on %s', (kind) => {
  it('keeps every row, the photo’s bytes and lastSeq; a device synced after the backup resyncs and keeps pushing', async () => {
    const where = await place(kind);
    const file = join(tempFolder(), 'traguardi.backup');
    let server = await where.start();

    // Before the backup: an officer pushes two changes and a note with a photo; the engine device
    // (the real client) syncs once and pushes one change.
    const officer = new TestDevice(await loginAs(server, 'istruttore.persona'));
    await officer.pullAll();
    const plan = demoPlan(officer);
    const [p1, p2, p3, p4, p5] = plan.freshPhases('persona');
    if (!p1 || !p2 || !p3 || !p4 || !p5) throw new Error('not enough phases');
    const photo = fakeImage('image/png', 40_000, 9);
    const photoId = crypto.randomUUID();
    expect(
      (await officer.session.put(`/api/attachments/${photoId}`, photo, { 'content-type': 'image/png' }))
        .status,
    ).toBe(201);
    const noteText = 'Sopralluogo fatto, foto allegata';
    const pushed = await officer.push([
      setStatus(p1.id, 'not_started', 'in_progress'),
      setStatus(p2.id, 'not_started', 'done'),
      addNote(plan.objectiveIn('persona'), noteText, { attachmentIds: [photoId] }),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const transport = new Transport(server.url);
    const device = await openDevice({ transport, serverUrl: server.url, username: 'resp.persona' });
    expect(await device.engine.syncNow()).toMatchObject({ ok: true });
    const change = async (phaseId: string, to: 'in_progress' | 'blocked' | 'done') => {
      const r = await setPhaseStatus(device.db, { phaseId, to, user: device.session.user, now: new Date() });
      if (!r.ok) throw new Error(r.code);
    };
    await change(p3.id, 'blocked');
    expect(await device.engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });

    await where.backup(server, file);

    // After the backup (lost by the restore): the device pushes two more changes and pulls them.
    await change(p4.id, 'done');
    await change(p3.id, 'in_progress');
    expect(await device.engine.syncNow()).toMatchObject({ ok: true, pushed: 2 });
    const lostCursor = officer.cursor;

    await server.kill();
    await where.wipeAndRestore(file);
    server = await where.start();
    transport.targets = [server.url];

    // Every row of before the backup, the photo's bytes, the officer's lastSeq.
    const admin = await loginAs(server, 'admin');
    const rows = await serverRows(server.url, admin.token ?? '');
    const status = (id: string) => (rows.get(`phase:${id}`)?.data as PhaseData | undefined)?.status;
    expect([status(p1.id), status(p2.id), status(p3.id), status(p4.id)]).toEqual([
      'in_progress',
      'done',
      'blocked', // the device's change before the backup; its two later ones are lost
      'not_started',
    ]);
    const notes = [...rows.values()].filter((r) => r.data.text === noteText);
    expect(notes.map((n) => n.data.attachmentIds)).toEqual([[photoId]]);
    // The officer's token was issued before the backup, so it still signs in; same clientId and seq.
    const back = new TestDevice(
      new Session(server.url, officer.session.token ?? '', officer.session.user),
      officer.clientId,
    );
    back.seq = officer.seq;
    const got = await back.session.get<Uint8Array>(`/api/attachments/${photoId}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(got.body).equals(Buffer.from(photo))).toBe(true);
    const fromZero = await back.pullPage(0);
    expect(fromZero.body).toMatchObject({ lastSeq: 3 });
    const next = await back.send(back.stamp([setStatus(p5.id, 'not_started', 'in_progress')]));
    expect(next.body).toMatchObject({ lastSeq: 4, results: [{ seq: 4, status: 'applied' }] });
    expect(lostCursor).toBeGreaterThan(0);

    // The engine device: its cursor and its next seq (4) are beyond the restored server (lastSeq 1).
    // Its next change must be applied (not stall at the gap), its pull resync, and it ends equal.
    await change(p5.id, 'blocked');
    expect(await device.engine.syncNow()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(await device.engine.syncNow()).toMatchObject({ ok: true });
    expect(await device.db.outbox.count()).toBe(0);
    const after = await serverRows(server.url, device.session.token);
    expect((after.get(`phase:${p5.id}`)?.data as PhaseData | undefined)?.status).toBe('blocked');
    expect(await deviceRows(device.db)).toEqual(after);
    // And it goes on: one more change, one more sync, still equal.
    await change(p1.id, 'done');
    expect(await device.engine.syncNow()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(await deviceRows(device.db)).toEqual(await serverRows(server.url, device.session.token));

    await device.engine.stop();
    await server.kill();
  }, 240_000);
});

describe('restore refuses, touching nothing', () => {
  it('a file that is not a backup, a truncated one, one of the other kind, and a folder or database not empty', async () => {
    const folder = tempFolder();
    const server = await startServerProcess({ dataDir: join(folder, 'data') });
    const file = join(folder, 'good.backup');
    await writeBackup(server.database, file, { appVersion: APP_VERSION, now: new Date() });
    await server.kill();

    const absent = join(folder, 'absent');
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      return (error as BackupError).message;
    };
    writeFileSync(join(folder, 'other.bin'), Buffer.from('PK\u0003\u0004 a zip file, say'));
    expect(await refusal(restorePglite(join(folder, 'other.bin'), absent))).toContain(
      'not a Traguardi backup',
    );
    const whole = readFileSync(file);
    writeFileSync(join(folder, 'cut.backup'), whole.subarray(0, whole.length - 1000));
    expect(await refusal(restorePglite(join(folder, 'cut.backup'), absent))).toContain('truncated');
    expect(readdirSync(folder)).not.toContain('absent');

    // A folder that holds anything is never written.
    const busy = join(folder, 'busy');
    rmSync(busy, { recursive: true, force: true });
    await restorePglite(file, busy);
    const before = readdirSync(busy).sort();
    expect(await refusal(restorePglite(file, busy))).toContain('not empty');
    expect(readdirSync(busy).sort()).toEqual(before);

    // A PGlite backup is not restored into PostgreSQL, nor into a database that has tables.
    const target = await createTestDatabase();
    cleanups.push(() => target.drop());
    expect(await refusal(restorePostgres(file, target.url))).toContain('embedded database');
    const pg = await startServerProcess({ databaseUrl: target.url });
    const pgFile = join(folder, 'pg.backup');
    await writeBackup(pg.database, pgFile, {
      appVersion: APP_VERSION,
      now: new Date(),
      databaseUrl: target.url,
    });
    await pg.kill();
    expect(await refusal(restorePostgres(pgFile, target.url))).toContain('not empty');
  }, 240_000);
});
