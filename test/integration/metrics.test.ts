// /api/metrics behind a token: the right bearer token reads the counters; a missing or wrong one is
// 401 unauthorized (a user's session token included); without a configured token the endpoint is
// 404 not_found. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type TestServer } from '../helpers/server.ts';

const TOKEN = 'metrics-token-0123456789';

describe.each(DB_KINDS)('metrics on %s', (db) => {
  let withToken: TestServer;
  let without: TestServer;
  beforeAll(async () => {
    [withToken, without] = await Promise.all([
      startTestServer({ db, metricsToken: TOKEN }),
      startTestServer({ db, demo: false }),
    ]);
  });
  afterAll(() => Promise.all([withToken.close(), without.close()]));

  it('answers the counters to the configured token', async () => {
    await new Api(withToken.url).get('/api/health');
    const res = await new Api(withToken.url, TOKEN).get<string>('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatch(/traguardi_http_requests_total\{method="GET",status="200"\} [1-9]/);
  });

  it('answers 401 unauthorized without the token or with another one', async () => {
    const session = await loginAs(withToken, 'admin');
    for (const api of [
      new Api(withToken.url),
      new Api(withToken.url, `${TOKEN}x`),
      new Api(withToken.url, TOKEN.slice(0, -1)),
      new Api(withToken.url, null, { authorization: TOKEN }), // not a Bearer header
      session, // a user's session is not the metrics token
    ]) {
      const res = await api.get<ErrorBody>('/api/metrics');
      expect([res.status, res.body.error.code]).toEqual([401, 'unauthorized']);
    }
  });

  it('answers 404 not_found when no token is configured, whatever is sent', async () => {
    for (const api of [new Api(without.url), new Api(without.url, TOKEN)]) {
      const res = await api.get<ErrorBody>('/api/metrics');
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
  });
});
