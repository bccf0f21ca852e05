// Attachments: upload (201, same bytes 200, different bytes 409), type and size checks, and who may
// read them; a note names its photos only once they are uploaded. On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, fakeImage, TestDevice } from '../helpers/server-sync.ts';

describe.each(DB_KINDS)('attachments on %s', (db) => {
  let server: TestServer;
  let officer: Session; // istruttore.persona
  beforeAll(async () => {
    server = await startTestServer({ db });
    officer = await loginAs(server, 'istruttore.persona');
  });
  afterAll(() => server.close());

  const put = (s: Session, id: string, bytes: Uint8Array, type = 'image/jpeg') =>
    s.put<ErrorBody>(`/api/attachments/${id}`, bytes, { 'content-type': type });

  it('stores a photo once: 201, the same bytes 200, other bytes 409', async () => {
    const id = randomUUID();
    const jpeg = fakeImage('image/jpeg', 2048);
    expect((await put(officer, id, jpeg)).status).toBe(201);
    expect((await put(officer, id, jpeg)).status).toBe(200);
    const clash = await put(officer, id, fakeImage('image/jpeg', 2048, 7));
    expect([clash.status, clash.body.error.code]).toEqual([409, 'conflict']);
    const got = await officer.get<Uint8Array>(`/api/attachments/${id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(got.body).equals(Buffer.from(jpeg))).toBe(true);
    for (const type of ['image/png', 'image/webp'] as const) {
      expect((await put(officer, randomUUID(), fakeImage(type), type)).status).toBe(201);
    }
  });

  it('refuses other types, lying bytes, bad ids, viewers, and photos over 10 MiB', async () => {
    const cases: [Promise<{ status: number; body: ErrorBody }>, number, string][] = [
      [put(officer, randomUUID(), new TextEncoder().encode('<html>'), 'text/html'), 400, 'bad_request'],
      [put(officer, randomUUID(), new TextEncoder().encode('<svg/>'), 'image/svg+xml'), 400, 'bad_request'],
      [
        put(officer, randomUUID(), new TextEncoder().encode('<html>not a jpeg'), 'image/jpeg'),
        400,
        'bad_request',
      ],
      [put(officer, 'not-a-uuid', fakeImage('image/png'), 'image/png'), 400, 'bad_request'],
      [
        put(await loginAs(server, 'lettore'), randomUUID(), fakeImage('image/png'), 'image/png'),
        403,
        'forbidden',
      ],
      [put(officer, randomUUID(), fakeImage('image/jpeg', 10 * 1024 * 1024 + 1)), 413, 'payload_too_large'],
    ];
    for (const [res, status, code] of cases) {
      const r = await res;
      expect([r.status, r.body.error.code]).toEqual([status, code]);
    }
    // Over the 1 MiB JSON limit is fine for photos; exactly 10 MiB only on PostgreSQL (PGlite takes
    // seconds to store it, and the limit is the same code on both).
    const largest = db === 'postgres' ? 10 * 1024 * 1024 : 2 * 1024 * 1024;
    expect((await put(officer, randomUUID(), fakeImage('image/jpeg', largest))).status).toBe(201);
  });

  it('is read by its owner, the admin, the evaluator and the area of a note naming it; nobody else', async () => {
    const id = randomUUID();
    expect((await put(officer, id, fakeImage('image/png', 100), 'image/png')).status).toBe(201);
    const sessions = new Map<string, Session>();
    const status = async (username: string) => {
      const session = sessions.get(username) ?? (await loginAs(server, username));
      sessions.set(username, session);
      return (await session.get(`/api/attachments/${id}`)).status;
    };
    expect(await status('istruttore.persona')).toBe(200);
    expect(await status('admin')).toBe(200);
    expect(await status('nucleo')).toBe(200);
    expect(await status('resp.persona')).toBe(404); // no note names it yet
    expect(await status('resp.suap')).toBe(404);
    expect(await status('lettore')).toBe(404);
    expect(await status('admin.prova')).toBe(404);

    const device = new TestDevice(officer);
    await device.pullAll();
    const objectiveId = demoPlan(device).objectiveIn('persona');
    const res = await device.push([addNote(objectiveId, 'Foto del sopralluogo', { attachmentIds: [id] })]);
    expect(res.results[0]?.status).toBe('applied');
    expect(await status('resp.persona')).toBe(200);
    expect(await status('resp.suap')).toBe(404);
    expect(await status('lettore')).toBe(404);
    expect((await officer.get(`/api/attachments/${randomUUID()}`)).status).toBe(404);
  });

  it("rejects a note naming another ente's photo", async () => {
    const prova = await loginAs(server, 'admin.prova');
    const id = randomUUID();
    expect((await put(prova, id, fakeImage('image/webp'), 'image/webp')).status).toBe(201);
    const device = new TestDevice(officer);
    await device.pullAll();
    const res = await device.push([
      addNote(demoPlan(device).objectiveIn('persona'), 'x', { attachmentIds: [id] }),
    ]);
    expect(res.results[0]?.reason?.code).toBe('invalid');
  });
});
