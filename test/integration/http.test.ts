// The HTTP surface: security headers on every answer, JSON errors (never HTML) for unknown API paths
// and malformed bodies, health, and the PWA with its SPA fallback and cache headers.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import type { Health } from '../../src/shared/auth.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('permissions-policy')).toBe('camera=(self)');
}

describe.each(DB_KINDS)('http on %s', (db) => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'traguardi-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Traguardi</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'index-AbCd1234.js'), 'console.log(1);');
    server = await startTestServer({ db, demo: false, staticDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers health with the database kind and the app version', async () => {
    const res = await new Api(server.url).get<Health>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expectSecurityHeaders(res.headers);
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('answers unknown API paths and methods with a JSON 404, in Italian or English', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/sync/nope'],
      ['DELETE', '/api/health'],
      ['GET', '/api'],
    ] as const) {
      const res = await new Api(server.url).request<ErrorBody>(method, path);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([404, 'not_found']);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expectSecurityHeaders(res.headers);
    }
    const en = await new Api(server.url, null, { 'accept-language': 'en' }).get<ErrorBody>('/api/nope');
    expect(en.body.error.message).toBe('Not found.');
  });

  it('answers malformed JSON and oversized bodies with JSON errors, never a stack trace', async () => {
    const api = new Api(server.url);
    const bad = await api.request<ErrorBody>('POST', '/api/auth/login', '{"username":', {
      'content-type': 'application/json',
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_request']);
    expect(JSON.stringify(bad.body)).not.toMatch(/at |\.ts|stack/);
    const big = await api.request<ErrorBody>(
      'POST',
      '/api/auth/login',
      JSON.stringify({ username: 'x'.repeat(1024 * 1024 + 10), password: 'x' }),
      {
        'content-type': 'application/json',
      },
    );
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    expectSecurityHeaders(big.headers);
    const wrongType = await api.request<ErrorBody>('POST', '/api/auth/login', 'username=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([wrongType.status, wrongType.body.error.code]).toEqual([400, 'bad_request']);
  });

  it('serves the PWA: the shell revalidated, hashed assets immutable, deep links to index.html', async () => {
    const get = (path: string) => fetch(server.url + path);
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Traguardi</title>');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(index.headers);
    const sw = await get('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await get('/assets/index-AbCd1234.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const deep = await get('/area/3/obiettivo/2');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    const missingAsset = await get('/assets/missing-12345678.js');
    expect(missingAsset.status).toBe(404);
  });

  it('serves files of a dist/ rebuilt while it runs (no restart needed after a new build)', async () => {
    writeFileSync(join(dist, 'assets', 'index-NewBuild9.js'), 'console.log(2);');
    const res = await fetch(server.url + '/assets/index-NewBuild9.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(2);');
  });
});
