// The Nucleo's evaluation over real HTTP, on PGlite and PostgreSQL, while the plan is open:
// evaluation.setObjective and evaluation.setPhaseVerdict (the evaluator's alone), selfAssessment.set
// (the area's head, or an admin), their checks in the contract's order (invalid with a clear message →
// forbidden → not_found → area → the same effect applied, unchanged → illegal_transition on a draft, a
// removed objective, a removed phase), who pulls the Nucleo's figures while the plan is open (admin,
// evaluator, the area's head — not another area's head, an officer, a viewer or a v1 device), and an
// audit entry per applied mutation. The close and what follows it: close-reopen.test.ts.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportResponse } from '../../src/shared/plan-import.ts';
import {
  amendment,
  auditOf,
  codes,
  demoCycle,
  evaluate,
  m,
  push,
  query,
  selfAssess,
  verdict,
} from '../helpers/cycle.ts';
import { DB_KINDS, loginAs, startTestServer, type TestServer } from '../helpers/server.ts';
import { TestDevice } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');

interface EvaluationData {
  objectiveId: string;
  planId: string;
  areaId: string;
  percent: number | null;
  comment: string;
  userId: string;
}
interface VerdictData {
  phaseId: string;
  objectiveId: string;
  areaId: string;
  planId: string;
  verdict: string | null;
  reason: string | null;
}

describe.each(DB_KINDS)('the Nucleo evaluates an open plan on %s', (db) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof demoCycle>>;
  // Two objectives of Servizi alla persona, one of SUAP; a phase of each of the first two.
  let persona1: string;
  let persona2: string;
  let suap1: string;
  let personaPhase: string;
  let suapPhase: string;

  beforeAll(async () => {
    server = await startTestServer({ db });
    demo = await demoCycle(server);
    [persona1 = '', persona2 = ''] = demo.openObjectives('persona').map((o) => o.id);
    suap1 = demo.openObjectives('suap')[0]?.id ?? '';
    personaPhase = demo.phasesOf(persona1)[0]?.id ?? '';
    suapPhase = demo.phasesOf(suap1)[0]?.id ?? '';
    expect([persona1, persona2, suap1, personaPhase, suapPhase].every((id) => id !== '')).toBe(true);
  });
  afterAll(() => server.close());

  it('lets only the evaluator evaluate: every other role is forbidden, before any lookup', async () => {
    for (const device of [demo.admin, demo.headPersona, demo.officer, demo.viewer, demo.provaAdmin]) {
      const results = await push(device, [
        evaluate(persona1, 80, 'x'),
        verdict(personaPhase, 'validated'),
        evaluate(randomUUID(), 80), // unknown: still forbidden, the role is checked first
      ]);
      expect(codes(results)).toEqual(['forbidden', 'forbidden', 'forbidden']);
      expect(results[0]?.reason?.message).toContain('Nucleo');
    }
    expect(
      await query(server, sql`SELECT id FROM evaluation UNION ALL SELECT id FROM phase_verdict`),
    ).toEqual([]);
    const results = await push(demo.nucleo, [evaluate(randomUUID(), 50), verdict(randomUUID(), null)]);
    expect(codes(results)).toEqual(['not_found', 'not_found']);
  });

  it('refuses bad input as invalid with a clear message, in Italian and in English', async () => {
    const results = await push(demo.nucleo, [
      evaluate(persona1, 101),
      evaluate(persona1, -1),
      evaluate(persona1, 33.5),
      verdict(personaPhase, 'contested'),
      verdict(personaPhase, 'contested', '   '),
      evaluate(persona1, 50, 'x'.repeat(5001)),
      m('evaluation.setObjective', { objectiveId: persona1, percent: '50', comment: '' }),
    ]);
    expect(codes(results)).toEqual(Array(7).fill('invalid'));
    const messages = results.map((r) => r.reason?.message ?? '');
    for (const text of messages.slice(0, 3)) expect(text).toContain('da 0 a 100');
    expect(messages[3]).toBe('Una fase contestata richiede la motivazione.');
    expect(messages[4]).toBe(messages[3]);
    expect(messages[5]).toContain('5000 caratteri');
    expect(messages[6]).toContain('Dati non validi');
    const english = new TestDevice(demo.nucleo.session, undefined, 2);
    const res = await english.session.request(
      'POST',
      '/api/sync/push',
      {
        clientId: english.clientId,
        schemaVersion: 2,
        mutations: english.stamp([evaluate(persona1, 200), verdict(personaPhase, 'contested')]),
      },
      { 'accept-language': 'en' },
    );
    const body = res.body as { results: { reason?: { message: string } }[] };
    expect(body.results.map((r) => r.reason?.message)).toEqual([
      'The percentage must be a whole number from 0 to 100 (or “not evaluated”).',
      'A contested phase needs its reason.',
    ]);
  });

  it('records evaluations and verdicts (last write wins); the same effect again is applied and changes nothing', async () => {
    const results = await push(demo.nucleo, [
      evaluate(persona1, 70, 'Prima lettura'),
      evaluate(persona1, 85, 'Raggiunto quasi del tutto'),
      evaluate(persona2, null, 'Documentazione mancante'),
      evaluate(suap1, 100, 'Raggiunto'),
      verdict(personaPhase, 'contested', '  Manca la delibera di approvazione  '),
      verdict(suapPhase, 'validated'),
    ]);
    expect(codes(results)).toEqual(Array(6).fill('applied'));
    await demo.nucleo.pullAll();
    const ev = (id: string) => demo.nucleo.row<EvaluationData>('evaluation', id);
    expect(ev(persona1)?.data).toMatchObject({
      objectiveId: persona1,
      planId: demo.planId,
      areaId: demo.areaId('persona'),
      percent: 85,
      comment: 'Raggiunto quasi del tutto',
      userId: demo.nucleo.session.user.id,
    });
    // NV is null, never 0.
    expect(ev(persona2)?.data.percent).toBeNull();
    expect(demo.nucleo.row<VerdictData>('phaseVerdict', personaPhase)?.data).toMatchObject({
      phaseId: personaPhase,
      objectiveId: persona1,
      areaId: demo.areaId('persona'),
      planId: demo.planId,
      verdict: 'contested',
      reason: 'Manca la delibera di approvazione',
    });

    const before = await query<{ version: string }>(
      server,
      sql`SELECT version FROM ente WHERE name = 'Città di Asola'`,
    );
    const again = await push(demo.nucleo, [
      evaluate(persona1, 85, 'Raggiunto quasi del tutto'),
      verdict(personaPhase, 'contested', 'Manca la delibera di approvazione'),
      verdict(demo.phasesOf(persona2)[0]?.id ?? '', null), // nothing to clear
    ]);
    expect(codes(again)).toEqual(['applied', 'applied', 'applied']);
    const after = await query<{ version: string }>(
      server,
      sql`SELECT version FROM ente WHERE name = 'Città di Asola'`,
    );
    expect(after).toEqual(before);
    expect(
      await query(
        server,
        sql`SELECT id FROM phase_verdict WHERE id = ${demo.phasesOf(persona2)[0]?.id ?? ''}`,
      ),
    ).toEqual([]);

    // A verdict cleared keeps its row, with no verdict and no reason.
    expect(codes(await push(demo.nucleo, [verdict(suapPhase, null)]))).toEqual(['applied']);
    await demo.nucleo.pullAll();
    expect(demo.nucleo.row<VerdictData>('phaseVerdict', suapPhase)?.data).toMatchObject({
      verdict: null,
      reason: null,
    });
    expect(codes(await push(demo.nucleo, [verdict(suapPhase, 'validated')]))).toEqual(['applied']);
  });

  it('shows the open plan’s figures to the admin, the evaluator and the area’s head only', async () => {
    const pulled = async (device: TestDevice) => {
      const fresh = new TestDevice(device.session, undefined, device.protocol);
      await fresh.pullAll();
      return {
        evaluations: fresh
          .all('evaluation')
          .map((r) => r.id)
          .sort(),
        verdicts: fresh
          .all('phaseVerdict')
          .map((r) => r.id)
          .sort(),
      };
    };
    const all = {
      evaluations: [persona1, persona2, suap1].sort(),
      verdicts: [personaPhase, suapPhase].sort(),
    };
    expect(await pulled(demo.admin)).toEqual(all);
    expect(await pulled(demo.nucleo)).toEqual(all);
    expect(await pulled(demo.headPersona)).toEqual({
      evaluations: [persona1, persona2].sort(),
      verdicts: [personaPhase],
    });
    expect(await pulled(demo.headSuap)).toEqual({ evaluations: [suap1], verdicts: [suapPhase] });
    const none = { evaluations: [], verdicts: [] };
    expect(await pulled(demo.officer)).toEqual(none); // an officer of the area is not its head
    expect(await pulled(demo.viewer)).toEqual(none);
    expect(await pulled(new TestDevice(demo.nucleo.session))).toEqual(none); // a v1 device
    expect(await pulled(demo.provaAdmin)).toEqual(none);
  });

  it('takes no evaluation on a removed objective, a removed phase or a draft plan', async () => {
    const removed = demo.objectives.find((o) => o.state === 'removed');
    expect(removed).toBeDefined();
    const phase = demo.phasesOf(persona2)[1] ?? demo.phasesOf(persona2)[0];
    expect(codes(await push(demo.admin, [m('phase.remove', { phaseId: phase?.id, amendment })]))).toEqual([
      'applied',
    ]);
    const results = await push(demo.nucleo, [
      evaluate(removed?.id ?? '', 50),
      verdict(phase?.id ?? '', 'validated'),
    ]);
    expect(codes(results)).toEqual(['illegal_transition', 'illegal_transition']);
    expect(results[0]?.reason?.message).toBe('L’obiettivo è stralciato: non si modifica più.');
    expect(results[1]?.reason?.message).toContain('stralciata');

    const draftId = randomUUID();
    const imported = await demo.admin.session.post<PlanImportResponse>('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      planId: draftId,
    });
    expect(imported.status).toBe(201);
    const objective = imported.body.plan.areas[0]?.objectives[0];
    const draftPhase = objective?.phases[0]?.id ?? '';
    const onDraft = await push(demo.nucleo, [
      evaluate(objective?.id ?? '', 50),
      verdict(draftPhase, 'contested', 'x'),
      m('plan.close', { planId: draftId }),
    ]);
    expect(codes(onDraft)).toEqual(['illegal_transition', 'illegal_transition', 'illegal_transition']);
    expect(onDraft[0]?.reason?.message).toContain('bozza');
    const headOnDraft = await push(demo.admin, [selfAssess(objective?.id ?? '', 40)]);
    expect(codes(headOnDraft)).toEqual(['illegal_transition']);
  });

  it('lets the area’s head (or an admin) record a self-assessment, seen by every role', async () => {
    const cases: [TestDevice, string, string][] = [
      [demo.headPersona, persona1, 'applied'],
      [demo.headPersona, suap1, 'forbidden'], // another area's
      [demo.headSuap, suap1, 'applied'],
      [demo.admin, persona2, 'applied'],
      [demo.officer, persona1, 'forbidden'],
      [demo.nucleo, persona1, 'forbidden'],
      [demo.viewer, persona1, 'forbidden'],
      [demo.provaAdmin, persona1, 'not_found'],
    ];
    for (const [device, objectiveId, expected] of cases) {
      const [result] = await push(device, [selfAssess(objectiveId, 90, 'Fatto tutto quanto previsto')]);
      expect([
        device.session.user.username,
        objectiveId === suap1,
        result?.reason?.code ?? result?.status,
      ]).toEqual([device.session.user.username, objectiveId === suap1, expected]);
    }
    const [outOfRange] = await push(demo.headPersona, [selfAssess(persona1, 120)]);
    expect(outOfRange?.reason).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('da 0 a 100'),
    });
    // Unchanged again: applied.
    expect(
      codes(await push(demo.headPersona, [selfAssess(persona1, 90, 'Fatto tutto quanto previsto')])),
    ).toEqual(['applied']);
    const reader = new TestDevice(demo.viewer.session, undefined, 2);
    await reader.pullAll();
    expect(
      reader
        .all('selfAssessment')
        .map((r) => r.id)
        .sort(),
    ).toEqual([persona1, persona2, suap1].sort());
    expect(
      reader.row<{ percent: number; note: string; userId: string }>('selfAssessment', persona1)?.data,
    ).toMatchObject({
      percent: 90,
      note: 'Fatto tutto quanto previsto',
      userId: demo.headPersona.session.user.id,
    });
    const v1 = new TestDevice(demo.viewer.session); // a device of the previous release
    await v1.pullAll();
    expect(v1.all('selfAssessment')).toEqual([]);
  });

  it('leaves an audit entry for every applied evaluation, none for a refused one', async () => {
    const device = new TestDevice(demo.nucleo.session, undefined, 2);
    const results = await push(device, [
      evaluate(suap1, 60, 'Rivisto'),
      evaluate(suap1, 160),
      verdict(personaPhase, 'validated'),
    ]);
    expect(codes(results)).toEqual(['applied', 'invalid', 'applied']);
    expect((await auditOf(server, device)).sort()).toEqual(
      [
        ['evaluation.setObjective', 'objective', suap1],
        ['evaluation.setPhaseVerdict', 'phase', personaPhase],
      ].sort(),
    );
    const head = new TestDevice(await loginAs(server, 'resp.persona'), undefined, 2);
    await push(head, [selfAssess(persona1, 95)]);
    expect(await auditOf(server, head)).toEqual([['selfAssessment.set', 'objective', persona1]]);
  });
});
