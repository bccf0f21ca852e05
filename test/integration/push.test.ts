// Push outcomes as the contract states them: applied, duplicate (with the original outcome), gap,
// each rejection reason, and the envelope's failures (400, 413, 426), on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { Api, DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, demoPlan, setProgress, setStatus, TestDevice } from '../helpers/server-sync.ts';

describe.each(DB_KINDS)('push on %s', (db) => {
  let server: TestServer;
  let head: Session; // resp.persona
  let officer: Session; // istruttore.persona
  beforeAll(async () => {
    server = await startTestServer({ db });
    [head, officer] = await Promise.all([
      loginAs(server, 'resp.persona'),
      loginAs(server, 'istruttore.persona'),
    ]);
  });
  afterAll(() => server.close());

  async function freshDevice(session: Session) {
    const device = new TestDevice(session);
    await device.pullAll();
    return { device, plan: demoPlan(device) };
  }

  it('applies in seq order, answers duplicates with their original outcome, and stops at a gap', async () => {
    const { device, plan } = await freshDevice(head);
    const [p1, p2] = plan.freshPhases('persona');
    if (!p1 || !p2) throw new Error('demo plan too small');
    const batch = device.stamp([
      setStatus(p1.id, 'not_started', 'in_progress'),
      { name: 'phase.nope', args: {} },
      setProgress(p2.id, 40),
    ]);
    const first = await device.send(batch);
    expect(first.status).toBe(200);
    expect(first.body.lastSeq).toBe(3);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);

    // The same batch again (its answer was "lost"): only duplicates, each with its original outcome.
    const again = await device.send(batch);
    expect(again.body.lastSeq).toBe(3);
    expect(again.body.results).toEqual([
      { seq: 1, id: batch[0]?.id, status: 'duplicate', original: 'applied' },
      {
        seq: 2,
        id: batch[1]?.id,
        status: 'duplicate',
        original: 'rejected',
        reason: { code: 'invalid', message: expect.any(String) },
      },
      { seq: 3, id: batch[2]?.id, status: 'duplicate', original: 'applied' },
    ]);

    // A gap: seq 5 without 4 is left out; 4 and 5 together go through.
    const [m4, m5] = device.stamp([setStatus(p1.id, 'in_progress', 'done'), setProgress(p2.id, 50)]);
    if (!m4 || !m5) throw new Error('unreachable');
    const gap = await device.send([m5]);
    expect(gap.body).toEqual({ lastSeq: 3, results: [] });
    const filled = await device.send([m5, m4]);
    expect(filled.body.lastSeq).toBe(5);
    expect(filled.body.results.map((r) => [r.seq, r.status])).toEqual([
      [4, 'applied'],
      [5, 'applied'],
    ]);

    await device.pullAll();
    expect(device.row('phase', p1.id)?.data).toMatchObject({ status: 'done', percent: 100 });
    expect(device.row('phase', p2.id)?.data).toMatchObject({ status: 'in_progress', percent: 50 });
    const page = await device.pullPage(0);
    expect('resync' in page.body ? -1 : page.body.lastSeq).toBe(5);
  });

  it('rejects with each reason code and goes on with the queue', async () => {
    const { device, plan } = await freshDevice(officer);
    const [mine] = plan.freshPhases('persona');
    const [other] = plan.freshPhases('suap');
    const removed = plan.removedObjectivePhase();
    if (!mine || !other || !removed) throw new Error('demo plan lacks the phases this test needs');
    const viewer = new TestDevice(await loginAs(server, 'lettore'));
    const evaluator = new TestDevice(await loginAs(server, 'nucleo'));
    const prova = new TestDevice(await loginAs(server, 'admin.prova'));

    const res = await device.push([
      { name: 'phase.explode', args: {} }, // 1 unknown name
      setStatus(mine.id, 'not_started', 'finished' as never), // 2 invalid args
      setProgress(mine.id, 101), // 3 invalid args
      setStatus(other.id, 'not_started', 'in_progress'), // 4 another area
      setStatus(randomUUID(), 'not_started', 'in_progress'), // 5 unknown phase
      addNote(randomUUID(), 'nota'), // 6 unknown objective
      setStatus(removed.id, 'not_started', 'in_progress'), // 7 objective removed from the plan
      setStatus(mine.id, 'not_started', 'done'), // 8 applied
      setProgress(mine.id, 30), // 9 a done phase takes no percent
      addNote(plan.objectiveIn('persona'), 'x', { attachmentIds: [randomUUID()] }), // 10 missing photo
      addNote(plan.objectiveIn('persona'), 'Sopralluogo fatto'), // 11 applied
    ]);
    expect(res.lastSeq).toBe(11);
    expect(res.results.map((r) => r.reason?.code ?? r.status)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'forbidden',
      'not_found',
      'not_found',
      'illegal_transition',
      'applied',
      'illegal_transition',
      'invalid',
      'applied',
    ]);
    for (const r of res.results) if (r.reason) expect(r.reason.message.length).toBeGreaterThan(5);

    // Roles: a viewer changes nothing, an evaluator may add notes but not change phases.
    const v = await viewer.push([
      setStatus(mine.id, 'done', 'in_progress'),
      addNote(plan.objectiveIn('persona'), 'no'),
    ]);
    expect(v.results.map((r) => r.reason?.code)).toEqual(['forbidden', 'forbidden']);
    const e = await evaluator.push([
      setStatus(mine.id, 'done', 'in_progress'),
      addNote(plan.objectiveIn('suap'), 'Valutazione'),
    ]);
    expect(e.results.map((r) => r.reason?.code ?? r.status)).toEqual(['forbidden', 'applied']);
    // Another ente's phase does not exist for admin.prova.
    const p = await prova.push([setStatus(mine.id, 'done', 'in_progress')]);
    expect(p.results[0]?.reason?.code).toBe('not_found');

    await device.pullAll();
    expect(device.row('phase', mine.id)?.data).toMatchObject({ status: 'done', percent: 100 });
  });

  it('refuses NUL characters for good instead of failing in the database on every retry', async () => {
    const { device, plan } = await freshDevice(head);
    const res = await device.push([
      addNote(plan.objectiveIn('persona'), 'a\u0000b'),
      { name: 'note.\u0000add', args: {} },
      setStatus('x\u0000', 'not_started', 'done'),
    ]);
    expect(res.results.map((r) => r.reason?.code)).toEqual(['invalid', 'invalid', 'invalid']);
    const login = await new Api(server.url).post<ErrorBody>('/api/auth/login', {
      username: 'a\u0000',
      password: 'x',
    });
    expect(login.status).toBe(400);
  });

  it('answers reasons in English when asked', async () => {
    const en = new TestDevice(await loginAs(server, 'lettore'));
    const res = await en.session.request(
      'POST',
      '/api/sync/push',
      {
        clientId: en.clientId,
        schemaVersion: 1,
        mutations: en.stamp([{ name: 'phase.nope', args: {} }]),
      },
      { 'accept-language': 'en' },
    );
    expect(res.body).toMatchObject({
      results: [{ reason: { code: 'invalid', message: 'Unknown mutation: phase.nope.' } }],
    });
  });

  it('refuses bad envelopes whole with 400, old clients with 426, big bodies with 413', async () => {
    const { device, plan } = await freshDevice(head);
    const [phase] = plan.freshPhases('persona');
    if (!phase) throw new Error('no phase');
    const good = device.stamp([setStatus(phase.id, 'not_started', 'in_progress')]);
    const post = (body: string | object) =>
      head.request<ErrorBody>('POST', '/api/sync/push', body, { 'content-type': 'application/json' });

    const cases: [string | object, number, string][] = [
      ['{"clientId": ', 400, 'bad_request'],
      ['[]', 400, 'bad_request'],
      [{ clientId: 'not-a-uuid', schemaVersion: 1, mutations: good }, 400, 'bad_request'],
      [{ clientId: device.clientId, schemaVersion: 1, mutations: [{ seq: 1 }] }, 400, 'bad_request'],
      [{ clientId: device.clientId, schemaVersion: 3, mutations: good }, 400, 'bad_request'],
      [{ clientId: device.clientId, schemaVersion: 0, mutations: good }, 426, 'client_too_old'],
      [
        {
          clientId: device.clientId,
          schemaVersion: 1,
          mutations: Array.from({ length: 1001 }, (_, i) => ({ ...good[0], seq: i + 1 })),
        },
        400,
        'bad_request',
      ],
      [
        {
          clientId: device.clientId,
          schemaVersion: 1,
          mutations: [{ ...good[0], args: { pad: 'x'.repeat(1024 * 1024) } }],
        },
        413,
        'payload_too_large',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
    // Nothing of the above was applied.
    const res = await device.send(good);
    expect(res.body.results).toEqual([{ seq: 1, id: good[0]?.id, status: 'applied' }]);
  });

  it('needs a signed-in user', async () => {
    const body = { clientId: randomUUID(), schemaVersion: 1, mutations: [] };
    for (const api of [new Api(server.url), new Api(server.url, 'nope')]) {
      const res = await api.post<ErrorBody>('/api/sync/push', body);
      expect([res.status, res.body.error.code]).toEqual([401, 'unauthorized']);
    }
  });
});
