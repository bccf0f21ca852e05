// Compression on the wire, over real HTTP (node:http, which never decodes, so the test sees what
// the server sent). The built PWA: the .br/.gz twin the Accept-Encoding prefers, decoding to the
// file's bytes, the plain file when none is accepted, `Vary: Accept-Encoding` always, cache headers
// unchanged; a file without a twin compressed on the fly; images never. The API (on PGlite and on
// PostgreSQL): a pull page compressed and streamed when accepted, the same bytes once decoded, plain
// when not; small answers and photos left alone; security headers and the refusal drain intact.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES } from '../../src/server/compression.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { RawConnection } from '../helpers/raw-http.ts';
import { fakeImage } from '../helpers/server-sync.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import {
  CHROMIUM_ACCEPT_ENCODING,
  decodeBody,
  getOnWire,
  varyOf,
  type WireResponse,
} from '../helpers/wire.ts';

const CHROMIUM = { 'accept-encoding': CHROMIUM_ACCEPT_ENCODING };

/** A module big enough to be worth compressing, and not the same bytes twice. */
function moduleText(name: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++)
    lines.push(`export const ${name}${i} = { id: ${i}, label: "voce ${i * 7}" };`);
  return lines.join('\n');
}

function expectSameFile(res: WireResponse, file: string) {
  expect(decodeBody(res).equals(readFileSync(file))).toBe(true);
}

describe('the built PWA on the wire (PGlite)', () => {
  let server: TestServer;
  let dist: string;
  const at = (...parts: string[]) => join(dist, ...parts);
  const get = (path: string, headers: Record<string, string> = CHROMIUM) =>
    getOnWire(server.url + path, headers);

  beforeAll(async () => {
    // A dist/ as `vite build` leaves it: text files with a .br (quality 11) and a .gz (level 9)
    // twin, sw.js and workbox-*.js without (vite-plugin-pwa writes them after the bundle).
    dist = mkdtempSync(join(tmpdir(), 'traguardi-dist-'));
    mkdirSync(at('assets'));
    mkdirSync(at('icons'));
    const withTwins = (path: string, text: string) => {
      writeFileSync(path, text);
      const bytes = Buffer.from(text);
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    };
    withTwins(at('index.html'), `<!doctype html><title>Traguardi</title><!-- ${'shell '.repeat(300)} -->`);
    withTwins(at('assets', 'index-AbCd1234.js'), moduleText('entry'));
    withTwins(at('assets', 'index-AbCd1234.css'), `.app{color:#036}\n`.repeat(200));
    writeFileSync(at('sw.js'), moduleText('precache'));
    writeFileSync(at('workbox-0a1b2c3d.js'), moduleText('workbox'));
    writeFileSync(at('icons', 'icon-192.png'), fakeImage('image/png', 8192));
    server = await startTestServer({ db: 'pglite', demo: false, staticDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the brotli twin to Chromium's Accept-Encoding: the twin's bytes, decoding to the file", async () => {
    for (const [path, file, type] of [
      ['/assets/index-AbCd1234.js', at('assets', 'index-AbCd1234.js'), /javascript/],
      ['/assets/index-AbCd1234.css', at('assets', 'index-AbCd1234.css'), /^text\/css/],
      ['/', at('index.html'), /^text\/html/],
    ] as const) {
      const res = await get(path);
      expect([res.status, res.headers['content-encoding']], path).toEqual([200, 'br']);
      expect(res.body.equals(readFileSync(`${file}.br`)), path).toBe(true);
      expectSameFile(res, file);
      expect(res.headers['content-type'], path).toMatch(type);
      expect(varyOf(res), path).toContain('accept-encoding');
      expect(res.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('keeps the cache headers of the file a twin stands for', async () => {
    expect((await get('/assets/index-AbCd1234.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    // A deep link is answered with the shell, compressed as well.
    const deep = await get('/area/3/obiettivo/2');
    expect([deep.status, deep.headers['content-encoding'], deep.headers['cache-control']]).toEqual([
      200,
      'br',
      'no-cache',
    ]);
    expectSameFile(deep, at('index.html'));
  });

  it('serves the gzip twin to a client that takes only gzip', async () => {
    const res = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.equals(readFileSync(at('assets', 'index-AbCd1234.js.gz')))).toBe(true);
    expectSameFile(res, at('assets', 'index-AbCd1234.js'));
  });

  it('serves the plain file, still saying Vary, when nothing or only identity is accepted', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const res = await get('/assets/index-AbCd1234.js', headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.equals(readFileSync(at('assets', 'index-AbCd1234.js')))).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(varyOf(res)).toContain('accept-encoding');
    }
  });

  it('compresses a file without a twin on the fly (the service worker), keeping its headers', async () => {
    const sw = await get('/sw.js');
    expect(sw.headers['content-encoding']).toBe('br');
    expectSameFile(sw, at('sw.js'));
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(varyOf(sw)).toContain('accept-encoding');
    const workbox = await get('/workbox-0a1b2c3d.js');
    expect(workbox.headers['content-encoding']).toBe('br');
    expect(workbox.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await get('/sw.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(at('sw.js')))).toBe(true);
  });

  it('sends images as they are, however compressible their bytes', async () => {
    const res = await get('/icons/icon-192.png');
    expect([res.status, res.headers['content-type'], res.headers['content-encoding']]).toEqual([
      200,
      'image/png',
      undefined,
    ]);
    expect(res.body.equals(readFileSync(at('icons', 'icon-192.png')))).toBe(true);
  });
});

describe.each(DB_KINDS)('API answers on the wire on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let officer: Session;
  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    officer = await loginAs(server, 'istruttore.persona');
  });
  afterAll(() => server.close());

  const pull = (session: Session, clientId: string, headers: Record<string, string>) =>
    getOnWire(`${server.url}/api/sync/pull?clientId=${clientId}&cursor=0&schemaVersion=2`, {
      authorization: `Bearer ${session.token}`,
      ...headers,
    });

  it('compresses a pull page with brotli for Chromium, streamed, decoding to the plain answer', async () => {
    const clientId = randomUUID();
    const plain = await pull(admin, clientId, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);

    const br = await pull(admin, clientId, CHROMIUM);
    expect([br.status, br.headers['content-encoding']]).toEqual([200, 'br']);
    expect(decodeBody(br).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(varyOf(br)).toContain('accept-encoding');
    // Streamed through zlib as it is compressed, so no length is known up front.
    expect(br.headers['content-length']).toBeUndefined();
    expect(br.headers['transfer-encoding']).toBe('chunked');
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(br.headers['x-content-type-options']).toBe('nosniff');

    const gzip = await pull(admin, clientId, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decodeBody(gzip).toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('leaves small answers alone, and errors stay the JSON of the contract', async () => {
    const health = await getOnWire(`${server.url}/api/health`, CHROMIUM);
    expect(health.body.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(health.headers['content-encoding']).toBeUndefined();
    const refused = await getOnWire(
      `${server.url}/api/sync/pull?clientId=${randomUUID()}&cursor=0`,
      CHROMIUM,
    );
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect((JSON.parse(refused.body.toString('utf8')) as ErrorBody).error.code).toBe('unauthorized');
  });

  it('does not decode compressed request bodies: a gzipped JSON body is a bad request', async () => {
    const body = gzipSync(Buffer.from(JSON.stringify({ username: 'admin', password: 'demo' })));
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('bad_request');
  });

  it('sends photos as they are, even when the client accepts compression', async () => {
    const id = randomUUID();
    const jpeg = fakeImage('image/jpeg', 64 * 1024); // one byte repeated: gzip would shrink it 500×
    const put = await officer.put(`/api/attachments/${id}`, jpeg, { 'content-type': 'image/jpeg' });
    expect(put.status).toBe(201);
    const got = await getOnWire(`${server.url}/api/attachments/${id}`, {
      authorization: `Bearer ${officer.token}`,
      ...CHROMIUM,
    });
    expect([got.status, got.headers['content-type'], got.headers['content-encoding']]).toEqual([
      200,
      'image/jpeg',
      undefined,
    ]);
    expect(got.body.equals(Buffer.from(jpeg))).toBe(true);
  });

  it('compresses a CSV export and sends an XLSX one (already a zip) as it is', async () => {
    const page = await pull(admin, randomUUID(), {});
    const { rows } = JSON.parse(page.body.toString('utf8')) as { rows: { type: string; id: string }[] };
    const planId = rows.find((r) => r.type === 'plan')?.id;
    if (!planId) throw new Error('the demo has no plan');
    const exported = (format: string) =>
      getOnWire(`${server.url}/api/plans/${planId}/export.${format}`, {
        authorization: `Bearer ${admin.token}`,
        ...CHROMIUM,
      });
    const csv = await exported('csv');
    expect([csv.status, csv.headers['content-encoding']]).toEqual([200, 'br']);
    expect(decodeBody(csv).toString('utf8')).toContain(';');
    const xlsx = await exported('xlsx');
    expect([xlsx.status, xlsx.headers['content-encoding']]).toEqual([200, undefined]);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('still drains a refused upload when the client accepts compression, and keeps the connection', async () => {
    const conn = await RawConnection.open(server.url);
    try {
      for (let i = 0; i < 2; i++) {
        const res = await conn.request({
          method: 'PUT',
          path: `/api/attachments/${randomUUID()}`,
          headers: {
            'Content-Type': 'image/jpeg',
            Authorization: 'Bearer not-a-token',
            'Accept-Encoding': CHROMIUM_ACCEPT_ENCODING,
          },
          body: fakeImage('image/jpeg', 2 * 1024 * 1024),
        });
        expect([res.status, (JSON.parse(res.body) as ErrorBody).error.code]).toEqual([401, 'unauthorized']);
        expect(res.headers['content-encoding']).toBeUndefined();
      }
      expect(conn.isClosed).toBe(false);
    } finally {
      conn.close();
    }
  });
});
