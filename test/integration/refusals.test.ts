// Refusals reach the client: a body over the limit, or an upload without a valid token, answered
// before the server read the body, must still be read by a client that writes its whole body first
// (like Python's urllib) — the contract's JSON, never EPIPE/ECONNRESET — and the connection stays
// usable. And the answers to bodies sent whole: malformed JSON, a NUL in a string, an unknown
// mutation. On PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { fakeImage, addNote, demoPlan, TestDevice } from '../helpers/server-sync.ts';
import { RawConnection, type RawResponse } from '../helpers/raw-http.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';

const MIB = 1024 * 1024;

function errorOf(res: RawResponse): [number, string] {
  return [res.status, (JSON.parse(res.body) as ErrorBody).error.code];
}

describe.each(DB_KINDS)('refusals on %s', (db) => {
  let server: TestServer;
  let officer: Session;
  let conn: RawConnection | null = null;
  beforeAll(async () => {
    server = await startTestServer({ db });
    officer = await loginAs(server, 'istruttore.persona');
  });
  afterEach(() => conn?.close());
  afterAll(() => server.close());

  const open = async () => (conn = await RawConnection.open(server.url));
  const upload = (token: string | null, body: Uint8Array, id = randomUUID()) => ({
    method: 'PUT',
    path: `/api/attachments/${id}`,
    headers: { 'Content-Type': 'image/jpeg', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });

  it('answers 413 to a 2 MB push written slowly, three times on one connection', async () => {
    const c = await open();
    const body = new TextEncoder().encode(
      JSON.stringify({ clientId: randomUUID(), schemaVersion: 1, mutations: [], pad: 'x'.repeat(2 * MIB) }),
    );
    for (let i = 0; i < 3; i++) {
      const res = await c.request({
        method: 'POST',
        path: '/api/sync/push',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${officer.token}` },
        body,
      });
      expect(errorOf(res)).toEqual([413, 'payload_too_large']);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(c.isClosed).toBe(false);
  });

  it('answers 401 to uploads with a bad or missing token and 413 over 10 MiB, then stores a photo', async () => {
    const c = await open();
    const photo = fakeImage('image/jpeg', 2 * MIB);
    for (let i = 0; i < 2; i++) {
      expect(errorOf(await c.request(upload('not-a-token', photo)))).toEqual([401, 'unauthorized']);
      expect(errorOf(await c.request(upload(null, photo)))).toEqual([401, 'unauthorized']);
    }
    const big = fakeImage('image/jpeg', 10 * MIB + 1);
    for (let i = 0; i < 2; i++) {
      const res = await c.request({ ...upload(officer.token, big), chunkBytes: 256 * 1024 });
      expect(errorOf(res)).toEqual([413, 'payload_too_large']);
    }
    // The same kept-alive connection still carries a good upload.
    const ok = await c.request(upload(officer.token, fakeImage('image/jpeg', 4096)));
    expect(ok.status).toBe(201);
  });

  it('refuses malformed JSON with 400 bad_request, in the asked language', async () => {
    const res = await new Api(officer.url, officer.token, { 'accept-language': 'en' }).request<ErrorBody>(
      'POST',
      '/api/sync/push',
      '{"clientId": ',
      { 'content-type': 'application/json' },
    );
    expect([res.status, res.body.error.code]).toEqual([400, 'bad_request']);
    expect(res.body.error.message).toBe('The request body is not valid JSON.');
  });

  it('rejects a note holding a NUL character and an unknown mutation with invalid; the queue goes on', async () => {
    const device = new TestDevice(officer);
    await device.pullAll();
    const objectiveId = demoPlan(device).objectiveIn('persona');
    const res = await device.push([
      addNote(objectiveId, 'prima\u0000dopo'),
      { name: 'note.delete', args: { noteId: randomUUID() } },
      addNote(objectiveId, 'una nota normale'),
    ]);
    expect(res.results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    expect(res.lastSeq).toBe(3);
  });
});
