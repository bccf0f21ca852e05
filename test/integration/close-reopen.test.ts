// The close of the year over real HTTP, on PGlite and PostgreSQL: plan.close (the evaluator or an
// admin; a closed plan closes again unchanged), closed means locked (every change of structure,
// progress, notes, evaluation, self-assessment and scoring answers `locked`, changes queued offline
// before the close included; a v1 device hears `illegal_transition`), a retry of something applied
// before the close still answers applied, the Nucleo's figures reaching every role at the close
// without a resync, plan.reopen (admin, with a reason kept in the plan's events) narrowing them again
// through a resync for heads, officers and viewers, plan.setScoring (admin), and their audit entries.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/shared/pull.ts';
import {
  amendment,
  auditOf,
  close,
  codes,
  demoCycle,
  evaluate,
  m,
  push,
  query,
  reopen,
  selfAssess,
  verdict,
} from '../helpers/cycle.ts';
import { DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';
import {
  addNote,
  setProgress,
  setStatus,
  TestDevice,
  type DraftMutation,
  type SentMutation,
} from '../helpers/server-sync.ts';

interface PlanData {
  status: string;
  events: { kind: string; at: string; userId: string; reason?: string }[];
  scoring: { kind: string; threshold?: number };
}

describe.each(DB_KINDS)('closing and reopening a plan on %s', (db) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof demoCycle>>;
  let persona1: string;
  let suap1: string;
  let personaPhase: string;
  let suapPhase: string;
  /** Pulled before the close and kept: their cursors continue across it. */
  let watchers: Record<'officer' | 'viewer' | 'headSuap' | 'v1' | 'admin' | 'nucleo', TestDevice>;
  /** Queued offline before the close, sent after it. */
  let offline: Record<'officer' | 'head' | 'nucleo', { device: TestDevice; sent: SentMutation[] }>;
  let appliedBeforeClose: { device: TestDevice; sent: SentMutation[] };
  const noteId = randomUUID();

  const planRow = async (device: TestDevice) => {
    await device.pullAll();
    return device.row<PlanData>('plan', demo.planId)?.data;
  };

  beforeAll(async () => {
    server = await startTestServer({ db });
    demo = await demoCycle(server);
    // Ids are random: the objective is the first open one that still has a phase not started.
    const notStarted = (objectiveId: string) =>
      demo.phasesOf(objectiveId).find((p) => p.status === 'not_started');
    persona1 = demo.openObjectives('persona').find((o) => notStarted(o.id))?.id ?? '';
    suap1 = demo.openObjectives('suap')[0]?.id ?? '';
    personaPhase = notStarted(persona1)?.id ?? '';
    suapPhase = demo.phasesOf(suap1)[0]?.id ?? '';
    expect([persona1, suap1, personaPhase, suapPhase].every((id) => id !== '')).toBe(true);
  });
  afterAll(() => server.close());

  it('lets the evaluator or an admin close, nobody else', async () => {
    for (const device of [demo.headPersona, demo.officer, demo.viewer]) {
      const [result] = await push(device, [close(demo.planId)]);
      expect(result?.reason?.code).toBe('forbidden');
      expect(result?.reason?.message).toContain('chiude il piano');
    }
    expect(codes(await push(demo.provaAdmin, [close(demo.planId)]))).toEqual(['not_found']);
    expect(codes(await push(demo.nucleo, [close(randomUUID())]))).toEqual(['not_found']);
    expect((await planRow(demo.admin))?.status).toBe('approved');
  });

  it('closes with the evaluator’s figures; a closed plan closes again unchanged', async () => {
    const results = await push(demo.nucleo, [
      evaluate(persona1, 90, 'Raggiunto'),
      evaluate(suap1, null, 'Non valutabile'),
      verdict(personaPhase, 'contested', 'Nessun atto a sostegno'),
      verdict(suapPhase, 'validated'),
    ]);
    expect(codes(results)).toEqual(['applied', 'applied', 'applied', 'applied']);
    appliedBeforeClose = {
      device: demo.nucleo,
      sent: demo.nucleo.stamp([evaluate(persona1, 75, 'Rivisto')]),
    };
    expect((await demo.nucleo.send(appliedBeforeClose.sent)).body.results[0]?.status).toBe('applied');
    expect(codes(await push(demo.headPersona, [selfAssess(persona1, 100, 'Tutto fatto')]))).toEqual([
      'applied',
    ]);
    expect(codes(await push(demo.admin, [addNote(suap1, 'Prima della chiusura', { noteId })]))).toEqual([
      'applied',
    ]);

    // Devices that pulled before the close, and changes queued offline meanwhile.
    watchers = {
      officer: new TestDevice(demo.officer.session, undefined, 2),
      viewer: new TestDevice(demo.viewer.session, undefined, 2),
      headSuap: new TestDevice(demo.headSuap.session, undefined, 2),
      v1: new TestDevice(demo.officer.session),
      admin: new TestDevice(demo.admin.session, undefined, 2),
      nucleo: new TestDevice(demo.nucleo.session, undefined, 2),
    };
    for (const w of Object.values(watchers)) await w.pullAll();
    expect(watchers.officer.all('evaluation')).toEqual([]);
    expect(watchers.headSuap.all('phaseVerdict').map((r) => r.id)).toEqual([suapPhase]);
    const queue = (device: TestDevice, drafts: DraftMutation[]) => ({ device, sent: device.stamp(drafts) });
    offline = {
      officer: queue(watchers.officer, [
        setStatus(personaPhase, 'not_started', 'in_progress'),
        setProgress(personaPhase, 40),
        addNote(persona1, 'Sopralluogo alla mensa'),
      ]),
      head: queue(new TestDevice(demo.headPersona.session, undefined, 2), [
        selfAssess(persona1, 80, 'Ripensandoci'),
      ]),
      nucleo: queue(new TestDevice(demo.nucleo.session, undefined, 2), [
        evaluate(persona1, 60, 'Dopo la visita'),
        verdict(suapPhase, null),
      ]),
    };

    expect(codes(await push(demo.nucleo, [close(demo.planId), close(demo.planId)]))).toEqual([
      'applied',
      'applied',
    ]);
    const closed = await planRow(demo.admin);
    expect(closed?.status).toBe('closed');
    expect(closed?.events.map((e) => e.kind)).toEqual(['approved', 'closed']);
    expect(closed?.events[1]?.userId).toBe(demo.nucleo.session.user.id);
    // The second close spent no version: the plan row still has the first close's.
    const [stored] = await query<{ version: string; events: unknown[] }>(
      server,
      sql`SELECT version, events FROM plan WHERE id = ${demo.planId}`,
    );
    const [evalVersion] = await query<{ version: string }>(
      server,
      sql`SELECT DISTINCT version FROM evaluation WHERE plan_id = ${demo.planId}`,
    );
    expect(stored?.events).toHaveLength(2);
    expect(evalVersion?.version).toBe(stored?.version);
    expect(codes(await push(demo.admin, [close(demo.planId)]))).toEqual(['applied']);
  });

  it('brings the Nucleo’s figures to every role at the close, without a resync', async () => {
    for (const w of [watchers.officer, watchers.viewer, watchers.headSuap]) {
      await w.pullAll(); // throws on resync
      expect(
        w
          .all('evaluation')
          .map((r) => r.id)
          .sort(),
      ).toEqual([persona1, suap1].sort());
      expect(
        w
          .all('phaseVerdict')
          .map((r) => r.id)
          .sort(),
      ).toEqual([personaPhase, suapPhase].sort());
      expect(w.row<{ percent: number | null }>('evaluation', suap1)?.data.percent).toBeNull();
      expect(w.row<PlanData>('plan', demo.planId)?.data.status).toBe('closed');
    }
    await watchers.v1.pullAll();
    expect(watchers.v1.all('evaluation')).toEqual([]); // a v1 device knows no such rows
  });

  it('refuses every change to a closed plan as locked, changes queued offline before the close included', async () => {
    const sendQueued = async (q: { device: TestDevice; sent: SentMutation[] }) =>
      (await q.device.send(q.sent)).body.results;
    const officer = await sendQueued(offline.officer);
    expect(codes(officer)).toEqual(['locked', 'locked', 'locked']);
    expect(officer[0]?.reason?.message).toBe('Il piano è chiuso: non accetta più modifiche.');
    expect(codes(await sendQueued(offline.head))).toEqual(['locked']);
    expect(codes(await sendQueued(offline.nucleo))).toEqual(['locked', 'locked']);
    const personaArea = demo.areaId('persona');
    const structure = await push(demo.admin, [
      m('objective.update', { objectiveId: persona1, changes: { title: 'Nuovo titolo' }, amendment }),
      m('objective.add', {
        objectiveId: randomUUID(),
        areaId: personaArea,
        number: '99',
        title: 'x',
        amendment,
      }),
      m('phase.add', {
        phaseId: randomUUID(),
        objectiveId: persona1,
        number: 9,
        description: 'x',
        amendment,
      }),
      m('phase.remove', { phaseId: personaPhase, amendment }),
      m('area.update', { areaId: personaArea, changes: { head: 'Dott. Bianchi' }, amendment }),
      m('plan.setScoring', { planId: demo.planId, scoring: { kind: 'threshold', threshold: 60 } }),
      selfAssess(persona1, 10),
      setStatus(suapPhase, 'not_started', 'done'),
      addNote(suap1, 'Nota dopo la chiusura'),
    ]);
    expect(codes(structure)).toEqual(Array(9).fill('locked'));
    // The rows are as the close left them.
    await demo.admin.pullAll();
    expect(demo.admin.row<{ percent: number }>('evaluation', persona1)?.data.percent).toBe(75);
    expect(demo.admin.row<{ status: string }>('phase', personaPhase)?.data.status).toBe('not_started');
    // A v1 device hears illegal_transition, for the new mutations as for the old.
    const v1 = await push(watchers.v1, [
      setStatus(personaPhase, 'not_started', 'in_progress'),
      addNote(persona1, 'Nota'),
    ]);
    expect(codes(v1)).toEqual(['illegal_transition', 'illegal_transition']);
    const v1Nucleo = new TestDevice(demo.nucleo.session);
    expect(
      codes(await push(v1Nucleo, [evaluate(persona1, 10), verdict(suapPhase, 'contested', 'x')])),
    ).toEqual(['illegal_transition', 'illegal_transition']);
  });

  it('still answers applied to a retry of something applied before the close', async () => {
    const again = (await appliedBeforeClose.device.send(appliedBeforeClose.sent)).body.results[0];
    expect(again).toMatchObject({ status: 'duplicate', original: 'applied' });
    // The same change from a device that lost its outbox's answer and was set up again: a new client.
    const fresh = new TestDevice(demo.nucleo.session, undefined, 2);
    expect(
      codes(
        await push(fresh, [
          evaluate(persona1, 75, 'Rivisto'),
          verdict(personaPhase, 'contested', 'Nessun atto a sostegno'),
        ]),
      ),
    ).toEqual(['applied', 'applied']);
    const head = new TestDevice(demo.headPersona.session, undefined, 2);
    expect(codes(await push(head, [selfAssess(persona1, 100, 'Tutto fatto')]))).toEqual(['applied']);
    // A note whose id the server holds already: applied, and still one note.
    const admin = new TestDevice(demo.admin.session, undefined, 2);
    expect(codes(await push(admin, [addNote(suap1, 'Prima della chiusura', { noteId })]))).toEqual([
      'applied',
    ]);
    expect(await query(server, sql`SELECT id FROM note WHERE id = ${noteId}`)).toHaveLength(1);
  });

  it('reopens by an admin only, with a reason kept in the events', async () => {
    expect(codes(await push(demo.nucleo, [reopen(demo.planId, 'Errore')]))).toEqual(['forbidden']);
    expect(codes(await push(demo.headPersona, [reopen(demo.planId, 'Errore')]))).toEqual(['forbidden']);
    const bad = await push(demo.admin, [reopen(demo.planId), reopen(demo.planId, '   ')]);
    expect(codes(bad)).toEqual(['invalid', 'invalid']);
    expect(bad.map((r) => r.reason?.message)).toEqual([
      'La riapertura del piano richiede una motivazione.',
      'La riapertura del piano richiede una motivazione.',
    ]);
    expect(codes(await push(demo.provaAdmin, [reopen(demo.planId, 'x')]))).toEqual(['not_found']);

    const reason = 'Ricorso accolto: rivalutare l’obiettivo 1';
    const results = await push(demo.admin, [reopen(demo.planId, reason), reopen(demo.planId, reason)]);
    expect(codes(results)).toEqual(['applied', 'illegal_transition']);
    expect(results[1]?.reason?.message).toBe('Il piano non è chiuso: è approvato.');
    const row = await planRow(demo.admin);
    expect(row?.status).toBe('approved');
    expect(row?.events.map((e) => [e.kind, e.reason])).toEqual([
      ['approved', undefined],
      ['closed', undefined],
      ['reopened', reason],
    ]);
    expect(row?.events[2]?.userId).toBe(demo.admin.session.user.id);
  });

  it('narrows the figures again: heads, officers and viewers resync, admin and evaluator go on', async () => {
    const resyncs = async (device: TestDevice) => {
      const res = await device.pullPage();
      return 'resync' in (res.body as PullResponse);
    };
    expect(await resyncs(watchers.officer)).toBe(true);
    expect(await resyncs(watchers.viewer)).toBe(true);
    expect(await resyncs(watchers.headSuap)).toBe(true);
    // Pulled before the close and the reopen: they see the same figures open or closed.
    expect(await resyncs(watchers.admin)).toBe(false);
    expect(await resyncs(watchers.nucleo)).toBe(false);
    const startOver = async (device: TestDevice) => {
      const fresh = new TestDevice(device.session, device.clientId, 2);
      await fresh.pullAll();
      return fresh;
    };
    expect((await startOver(watchers.officer)).all('evaluation')).toEqual([]);
    expect((await startOver(watchers.viewer)).all('phaseVerdict')).toEqual([]);
    const headSuap = await startOver(watchers.headSuap);
    expect(headSuap.all('evaluation').map((r) => r.id)).toEqual([suap1]);
    expect(headSuap.all('phaseVerdict').map((r) => r.id)).toEqual([suapPhase]);
    // The plan takes changes again.
    const results = await push(demo.officer, [setStatus(personaPhase, 'not_started', 'in_progress')]);
    expect(codes(results)).toEqual(['applied']);
    expect(codes(await push(demo.nucleo, [evaluate(persona1, 95, 'Dopo il ricorso')]))).toEqual(['applied']);
  });

  it('lets the admin choose the plan’s scoring method until the plan is closed', async () => {
    const threshold = m('plan.setScoring', {
      planId: demo.planId,
      scoring: { kind: 'threshold', threshold: 60 },
    });
    expect(codes(await push(demo.nucleo, [threshold]))).toEqual(['forbidden']);
    expect(codes(await push(demo.headPersona, [threshold]))).toEqual(['forbidden']);
    const bad = m('plan.setScoring', { planId: demo.planId, scoring: { kind: 'threshold', threshold: 0 } });
    expect(codes(await push(demo.admin, [bad, threshold, threshold]))).toEqual([
      'invalid',
      'applied',
      'applied',
    ]);
    expect((await planRow(new TestDevice(demo.viewer.session, undefined, 2)))?.scoring).toEqual({
      kind: 'threshold',
      threshold: 60,
    });
    expect(
      codes(
        await push(demo.admin, [
          close(demo.planId),
          threshold,
          m('plan.setScoring', { planId: demo.planId, scoring: { kind: 'linear' } }),
        ]),
      ),
    ).toEqual([
      'applied',
      'applied', // the same method: applied, unchanged
      'locked',
    ]);
  });

  it('leaves an audit entry for each close, reopen and scoring change applied', async () => {
    const actions = (await auditOf(server, demo.admin)).filter(([action]) => action.startsWith('plan.'));
    const plan = (action: string) => [action, 'plan', demo.planId];
    // Refused ones leave none; one applied unchanged (a closed plan closed again) is still an entry.
    expect(actions.sort()).toEqual(
      [
        plan('plan.close'),
        plan('plan.reopen'),
        plan('plan.setScoring'),
        plan('plan.setScoring'),
        plan('plan.close'),
        plan('plan.setScoring'),
      ].sort(),
    );
    const nucleo = (await auditOf(server, demo.nucleo)).filter(([action]) => action === 'plan.close');
    expect(nucleo).toHaveLength(2);
    const [entry] = await query<{ after: { reason: string } }>(
      server,
      sql`SELECT after FROM audit_entry WHERE action = 'plan.reopen' AND entity_id = ${demo.planId}`,
    );
    expect(entry?.after.reason).toContain('Ricorso accolto');
  });
});
