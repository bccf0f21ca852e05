// The heads' monitoring reports and the close of a round over real HTTP, on PGlite and PostgreSQL
// (this server's extensions of Part 2 "Monitoring snapshot"): who may write a report (the head of the
// objective's area, or an admin), what is not found or does not belong, last write wins and the same
// content applied with nothing written, every role pulling the reports (not a v1 device, not another
// ente), the round closed by the admin once and its reports read-only after it, and a closed plan
// locked for every monitoring mutation while a replay still answers applied.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringReport } from '../../src/server/db/schema.ts';
import type { PushResponse, PushResult } from '../../src/shared/push.ts';
import { monitoringReportId, type MonitoringReportRow } from '../../src/shared/rows.ts';
import {
  closeRound,
  monitoringUsers,
  report,
  snapshotOf,
  take,
  type MonitoringUsers,
  type ReportArgs,
} from '../helpers/monitoring.ts';
import { DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';
import { setStatus, TestDevice, type DraftMutation } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
const m = (name: string, args: Record<string, unknown>): DraftMutation => ({ name, args });
const written: ReportArgs = {
  done: 'Avviato il tavolo con le scuole; approvato il calendario dei centri estivi.',
  issues: 'Ritardo nella gara per la mensa.',
  reachable: true,
  action: 'Proroga del contratto in essere fino a ottobre.',
};

interface ObjectiveData {
  areaId: string;
  state: string;
}

describe.each(DB_KINDS)('monitoring reports on %s', (db) => {
  let server: TestServer;
  let users: MonitoringUsers;
  let reader: TestDevice;
  let planId: string;
  let own: string; // an objective of resp.persona's area
  let foreign: string; // an objective of resp.suap's area
  const round = randomUUID();
  const label = 'Monitoraggio al 30 giugno';

  const device = (who: keyof MonitoringUsers, protocol = 2) =>
    new TestDevice(users[who], undefined, protocol);
  const push = async (who: keyof MonitoringUsers, drafts: DraftMutation[]): Promise<PushResult[]> =>
    (await device(who).push(drafts)).results;
  const codes = (results: readonly PushResult[]) => results.map((r) => r.reason?.code ?? r.status);
  const stored = async (snapshotId: string, objectiveId: string) =>
    (
      await server.database.db
        .select()
        .from(monitoringReport)
        .where(eq(monitoringReport.id, monitoringReportId(snapshotId, objectiveId)))
    )[0];

  beforeAll(async () => {
    server = await startTestServer({ db });
    users = await monitoringUsers(server);
    reader = device('admin');
    await reader.pullAll();
    planId = reader.all<{ year: number }>('plan').find((p) => p.data.year === 2022)?.id ?? '';
    const open = reader
      .all<ObjectiveData>('objective')
      .filter((o) => o.data.state === 'active' || o.data.state === 'modified');
    own = open.find((o) => users.head.user.areaIds.includes(o.data.areaId))?.id ?? '';
    foreign = open.find((o) => users.otherHead.user.areaIds.includes(o.data.areaId))?.id ?? '';
    expect(codes(await push('evaluator', [take(round, planId, '2022-06-30', label)]))).toEqual(['applied']);
  });
  afterAll(() => server.close());

  it('lets the head of the objective’s area and an admin write a report; nobody else', async () => {
    const cases: [keyof MonitoringUsers, string, string][] = [
      ['head', own, 'applied'],
      ['head', foreign, 'forbidden'],
      ['otherHead', own, 'forbidden'],
      ['officer', own, 'forbidden'],
      ['evaluator', own, 'forbidden'],
      ['viewer', own, 'forbidden'],
      ['otherEnte', own, 'not_found'],
      ['admin', foreign, 'applied'],
    ];
    for (const [who, objectiveId, expected] of cases) {
      const content = { ...written, done: `Scritto da ${who}` };
      const [result] = await push(who, [report(round, objectiveId, content)]);
      const side = objectiveId === own ? 'own' : 'other';
      expect([who, side, result?.reason?.code ?? result?.status]).toEqual([who, side, expected]);
      const row = await stored(round, objectiveId);
      if (expected === 'applied') expect(row).toMatchObject({ ...content, userId: users[who].user.id });
      else expect(row?.done).not.toBe(content.done);
    }
    const [role] = await push('officer', [report(round, own, written)]);
    expect(role?.reason?.message).toContain('responsabile dell’area');
    const [area] = await push('otherHead', [report(round, own, written)]);
    expect(area?.reason?.message).toContain('tua area');
  });

  it('refuses what is not found or does not belong, and bad args', async () => {
    const draftId = randomUUID();
    const imported = await users.admin.post<{ plan: { areas: { objectives: { id?: string }[] }[] } }>(
      '/api/plans/import',
      { format: 'text', content: SAMPLE, year: 2031, planId: draftId },
    );
    expect(imported.status).toBe(201);
    const otherPlan = imported.body.plan.areas[0]?.objectives[0]?.id ?? '';
    const results = await push('admin', [
      report(randomUUID(), own, written),
      report(round, randomUUID(), written),
      report(round, otherPlan, written),
      m('monitoring.setReport', { snapshotId: round, objectiveId: own, ...written, reachable: 'sì' }),
      m('monitoring.setReport', {
        snapshotId: round,
        objectiveId: own,
        ...written,
        issues: 'x'.repeat(5001),
      }),
    ]);
    expect(codes(results)).toEqual(['not_found', 'not_found', 'invalid', 'invalid', 'invalid']);
    expect(results[0]?.reason?.message).toBe('Rilevazione di monitoraggio non trovata.');
    expect(results[2]?.reason?.message).toContain('non appartiene al piano');
  });

  it('keeps the last write, and answers the same content applied with nothing written', async () => {
    const head = device('head');
    expect(codes((await head.push([report(round, own, written)])).results)).toEqual(['applied']);
    const first = await stored(round, own);
    expect(first).toMatchObject({ ...written, areaId: expect.any(String), snapshotId: round, planId });
    expect(codes((await head.push([report(round, own, { ...written })])).results)).toEqual(['applied']);
    expect((await stored(round, own))?.version).toBe(first?.version);
    const revised = {
      ...written,
      reachable: false,
      action: 'Chiesta la variazione: la gara slitta al 2023.',
    };
    expect(codes((await head.push([report(round, own, revised)])).results)).toEqual(['applied']);
    const second = await stored(round, own);
    expect(second).toMatchObject(revised);
    expect(Number(second?.version)).toBeGreaterThan(Number(first?.version));
  });

  it('is pulled by every role that sees the plan; not by another ente, nor by a v1 device', async () => {
    const id = monitoringReportId(round, own);
    for (const who of ['admin', 'evaluator', 'head', 'otherHead', 'officer', 'viewer'] as const) {
      const d = device(who);
      await d.pullAll();
      const row = d.row<MonitoringReportRow>('monitoringReport', id);
      expect([who, row?.data.reachable, row?.data.objectiveId]).toEqual([who, false, own]);
    }
    const other = device('otherEnte');
    await other.pullAll();
    expect(other.all('monitoringReport')).toHaveLength(0);
    const v1 = device('head', 1);
    await v1.pullAll();
    expect(v1.all('monitoringReport')).toHaveLength(0);
  });

  it('closes the round by the admin alone, once; its reports are read-only after it', async () => {
    expect(codes(await push('head', [closeRound(round)]))).toEqual(['forbidden']);
    expect(codes(await push('evaluator', [closeRound(round)]))).toEqual(['forbidden']);
    expect(codes(await push('admin', [closeRound(randomUUID())]))).toEqual(['not_found']);
    await reader.pullAll();
    const before = snapshotOf(reader, round);
    expect(before?.roundClosedAt).toBeNull();
    expect(codes(await push('admin', [closeRound(round)]))).toEqual(['applied']);
    await reader.pullAll();
    const closed = reader.row('snapshot', round);
    const data = snapshotOf(reader, round);
    expect(data?.roundClosedBy).toBe(users.admin.user.id);
    expect(data?.roundClosedAt).toEqual(expect.any(String));
    // Only the round's stamp changed: the frozen plan is as it was.
    expect({ ...data, roundClosedAt: null, roundClosedBy: null }).toEqual(before);
    expect(codes(await push('admin', [closeRound(round)]))).toEqual(['applied']);
    await reader.pullAll();
    expect(reader.row('snapshot', round)?.version).toBe(closed?.version);

    const current = await stored(round, own);
    const late = { ...written, done: 'Aggiunto dopo la chiusura' };
    const [refused] = await push('head', [report(round, own, late)]);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'illegal_transition' } });
    expect(refused?.reason?.message).toBe(
      `Il monitoraggio «${label}» è chiuso: i suoi report sono in sola lettura.`,
    );
    const english = await users.head.request<PushResponse>(
      'POST',
      '/api/sync/push',
      {
        clientId: randomUUID(),
        schemaVersion: 2,
        mutations: device('head').stamp([report(round, own, late)]),
      },
      { 'accept-language': 'en' },
    );
    expect(english.body.results[0]?.reason?.message).toBe(
      `The monitoring round “${label}” is closed: its reports are read-only.`,
    );
    expect(codes(await push('admin', [report(round, foreign, late)]))).toEqual(['illegal_transition']);
    expect(await stored(round, own)).toEqual(current);
    // A retry of what was written before the close still answers applied.
    const { done, issues, reachable, action } = current ?? written;
    expect(codes(await push('head', [report(round, own, { done, issues, reachable, action })]))).toEqual([
      'applied',
    ]);
  });

  it('is locked once the plan is closed: no snapshot, report or round close; replays still applied', async () => {
    const open = randomUUID();
    expect(codes(await push('admin', [take(open, planId, '2022-09-30', 'Settembre')]))).toEqual(['applied']);
    expect(codes(await push('head', [report(open, own, written)]))).toEqual(['applied']);
    expect(codes(await push('evaluator', [m('plan.close', { planId })]))).toEqual(['applied']);
    try {
      const head = device('head');
      const results = await push('admin', [
        take(randomUUID(), planId, '2022-12-31', 'Dopo la chiusura'),
        take(open, planId, '2022-09-30', 'Settembre'),
        report(open, foreign, written),
        closeRound(open),
        closeRound(round),
      ]);
      expect(codes(results)).toEqual(['locked', 'applied', 'locked', 'locked', 'applied']);
      expect(results[0]?.reason?.message).toBe('Il piano è chiuso: non accetta più modifiche.');
      expect(
        codes((await head.push([report(open, own, { ...written, done: 'Troppo tardi' })])).results),
      ).toEqual(['locked']);
      expect(codes((await head.push([report(open, own, written)])).results)).toEqual(['applied']);
      // A device of the previous release hears the code it knows.
      const v1 = device('head', 1);
      expect(codes((await v1.push([report(open, own, { ...written, done: 'v1' })])).results)).toEqual([
        'illegal_transition',
      ]);
      expect((await stored(open, own))?.done).toBe(written.done);
    } finally {
      expect(
        codes(
          await push('admin', [m('plan.reopen', { planId, reason: 'Fine delle prove di monitoraggio' })]),
        ),
      ).toEqual(['applied']);
    }
    // Reopened: the open round takes reports again.
    expect(
      codes(await push('head', [report(open, own, { ...written, done: 'Dopo la riapertura' })])),
    ).toEqual(['applied']);
    const phase = reader
      .all<{ objectiveId: string; status: string }>('phase')
      .find((p) => p.data.objectiveId === own);
    expect(codes(await push('head', [setStatus(phase?.id ?? '', 'not_started', 'in_progress')]))).toEqual([
      'applied',
    ]);
  });
});
