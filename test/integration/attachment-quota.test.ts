// Storage bounds and the orphan sweep. Bounds: a user's and an ente's photo bytes, refused with 413
// payload_too_large and `quota` "user" | "ente" (translated), the same bytes again still 200, other
// entes unaffected. Sweep: photos no note names are emptied once older than the grace period (the
// injected clock moves), named ones never; a note pushed after the sweep naming a removed photo is
// kept and readers get 404 for the photo; the same bytes uploaded again bring it back. On PGlite and
// on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphanAttachments } from '../../src/server/attachments/orphan-sweep.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { addNote, demoPlan, fakeImage, TestDevice } from '../helpers/server-sync.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

const KIB = 1024;
const HOUR = 60 * 60 * 1000;
type QuotaError = ErrorBody & { error: { quota?: string } };

const put = (s: Session, id: string, bytes: Uint8Array, lang = 'it') =>
  s.request<QuotaError>('PUT', `/api/attachments/${id}`, bytes, {
    'content-type': 'image/jpeg',
    'accept-language': lang,
  });

describe.each(DB_KINDS)('attachment bounds on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db, attachmentQuota: { userBytes: 100 * KIB, enteBytes: 150 * KIB } });
  });
  afterAll(() => server.close());

  it("refuses an upload past the user's or the ente's bound, per ente", async () => {
    const officer = await loginAs(server, 'istruttore.persona');
    const head = await loginAs(server, 'resp.persona');
    const admin = await loginAs(server, 'admin');
    const prova = await loginAs(server, 'admin.prova');
    const first = randomUUID();
    const photo = fakeImage('image/jpeg', 60 * KIB);
    expect((await put(officer, first, photo)).status).toBe(201);
    const over = await put(officer, randomUUID(), fakeImage('image/jpeg', 60 * KIB, 2), 'en');
    expect([over.status, over.body.error.code, over.body.error.quota]).toEqual([
      413,
      'payload_too_large',
      'user',
    ]);
    expect(over.body.error.message).toBe(
      'Your photo storage is full (0.1 MB): the photo stays on the device.',
    );
    // The same bytes again take no more room.
    expect((await put(officer, first, photo)).status).toBe(200);
    // Under their own bound, but the ente's is 150 KiB: 60 + 60 fit, a third 60 does not.
    expect((await put(head, randomUUID(), fakeImage('image/jpeg', 60 * KIB, 3))).status).toBe(201);
    const enteFull = await put(admin, randomUUID(), fakeImage('image/jpeg', 60 * KIB, 4));
    expect([enteFull.status, enteFull.body.error.quota]).toEqual([413, 'ente']);
    expect(enteFull.body.error.message).toMatch(/^Spazio per le foto dell’ente esaurito/);
    // Another ente counts its own bytes.
    expect((await put(prova, randomUUID(), fakeImage('image/jpeg', 60 * KIB, 5))).status).toBe(201);
  });
});

describe.each(DB_KINDS)('orphan sweep on %s', (db) => {
  let server: TestServer;
  let officer: Session;
  const grace = 168 * HOUR;
  const serverNow = () => new Date(Date.now() + server.clock.offsetMs);
  beforeAll(async () => {
    server = await startTestServer({ db, orphanGraceMs: grace });
    officer = await loginAs(server, 'istruttore.persona');
  });
  afterAll(() => server.close());

  it('empties only photos no note names, after the grace period; a late note is kept', async () => {
    const device = new TestDevice(officer);
    await device.pullAll();
    const objectiveId = demoPlan(device).objectiveIn('persona');
    const named = randomUUID();
    const orphan = randomUUID();
    const orphanBytes = fakeImage('image/jpeg', 4 * KIB, 9);
    expect((await put(officer, named, fakeImage('image/jpeg', 4 * KIB))).status).toBe(201);
    expect((await put(officer, orphan, orphanBytes)).status).toBe(201);
    const first = await device.push([addNote(objectiveId, 'Con foto', { attachmentIds: [named] })]);
    expect(first.results[0]?.status).toBe('applied');

    server.clock.advance(grace - HOUR);
    expect(await sweepOrphanAttachments(server.database.db, serverNow(), grace)).toEqual([]);
    server.clock.advance(2 * HOUR);
    expect(await sweepOrphanAttachments(server.database.db, serverNow(), grace)).toEqual([orphan]);
    expect(await sweepOrphanAttachments(server.database.db, serverNow(), grace)).toEqual([]);
    expect((await officer.get(`/api/attachments/${named}`)).status).toBe(200);
    const gone = await officer.request<ErrorBody>('GET', `/api/attachments/${orphan}`, undefined, {
      'accept-language': 'en',
    });
    expect([gone.status, gone.body.error.code]).toEqual([404, 'not_found']);
    expect(gone.body.error.message).toMatch(/no longer on the server/);

    // The officer's note, written offline days ago, arrives now: it is kept, its photo reads as missing.
    const late = await device.push([addNote(objectiveId, 'Nota tardiva', { attachmentIds: [orphan] })]);
    expect(late.results[0]?.status).toBe('applied');
    await device.pullAll();
    const head = await loginAs(server, 'resp.persona');
    const reader = new TestDevice(head);
    await reader.pullAll();
    const note = reader
      .all<{ text: string; attachmentIds: string[] }>('note')
      .find((n) => n.data.text === 'Nota tardiva');
    expect(note?.data.attachmentIds).toEqual([orphan]);
    expect((await head.get(`/api/attachments/${orphan}`)).status).toBe(404);

    // The device still holds the photo: the same bytes bring it back; other bytes are still 409.
    expect((await put(officer, orphan, fakeImage('image/jpeg', 4 * KIB, 8))).status).toBe(409);
    expect((await put(officer, orphan, orphanBytes)).status).toBe(200);
    const back = await head.get<Uint8Array>(`/api/attachments/${orphan}`);
    expect(back.status).toBe(200);
    expect(Buffer.from(back.body).equals(Buffer.from(orphanBytes))).toBe(true);
    // Named now: a later sweep leaves it.
    server.clock.advance(grace * 2);
    expect(await sweepOrphanAttachments(server.database.db, serverNow(), grace)).toEqual([]);
  });

  it.runIf(db === 'postgres')('sweeps at start: a second process on the same database', async () => {
    const orphan = randomUUID();
    server.clock.offsetMs = -2 * HOUR; // uploaded two hours ago, by the first process's clock
    expect((await put(officer, orphan, fakeImage('image/jpeg', 1024, 6))).status).toBe(201);
    // The sweep the second process runs before it listens, with a grace of one hour, takes it.
    const second = await startTestServer({ db, databaseUrl: server.databaseUrl ?? '', orphanGraceMs: HOUR });
    try {
      expect((await officer.get(`/api/attachments/${orphan}`)).status).toBe(404);
    } finally {
      await second.close();
    }
  });
});
