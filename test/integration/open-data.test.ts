// The plan as open data over real HTTP, on PGlite and PostgreSQL: GET /api/plans/<id>/open-data.csv
// (every role that sees the plan), UTF-8 without BOM, `,`-separated, one row per objective with the
// columns of docs/open-data.md, no personal data, the achievement columns empty while the plan is open
// (the Nucleo's figures are not final) and filled once it is closed, the score under the plan's
// scoring method. Also: export.csv carries each phase's status and percent.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_COLUMNS, romeDay } from '../../src/server/plan-exchange/open-data.ts';
import { close, codes, demoCycle, evaluate, m, push, selfAssess, verdict } from '../helpers/cycle.ts';
import { Api, DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';
import { setStatus } from '../helpers/server-sync.ts';

const SAMPLE = readFileSync(new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
type Row = Record<(typeof OPEN_DATA_COLUMNS)[number], string>;
const ACHIEVEMENT = [
  'stato_valutazione',
  'raggiungimento_percentuale',
  'punteggio',
  'data_chiusura',
] as const;

function parse(text: string): { fields: string[]; rows: Row[] } {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, delimiter: ',' });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

describe.each(DB_KINDS)('open data of a plan on %s', (db) => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof demoCycle>>;
  let persona1: string;
  let persona2: string;
  let suap1: string;
  const url = () => `/api/plans/${demo.planId}/open-data.csv`;
  /** The file's row of an objective: area and number name it (numbers repeat across areas). */
  const rowOf = (rows: Row[], objectiveId: string): Row | undefined => {
    const o = demo.objectives.find((x) => x.id === objectiveId);
    const area = demo.admin.row<{ name: string }>('area', o?.areaId ?? '')?.data.name;
    return rows.find(
      (r) =>
        r.area === area &&
        r.numero_obiettivo === o?.number &&
        ['attivo', 'modificato'].includes(r.stato_obiettivo),
    );
  };

  beforeAll(async () => {
    server = await startTestServer({ db });
    demo = await demoCycle(server);
    // Ids are random and the seed's statuses follow today's date: persona1 is the first open
    // objective that still has a phase not started, persona2 any other open one.
    const open = demo.openObjectives('persona');
    persona1 = open.find((o) => demo.phasesOf(o.id).some((p) => p.status === 'not_started'))?.id ?? '';
    persona2 = open.find((o) => o.id !== persona1)?.id ?? '';
    suap1 = demo.openObjectives('suap')[0]?.id ?? '';
    expect([persona1, persona2, suap1].every((id) => id !== '')).toBe(true);
  });
  afterAll(() => server.close());

  it('serves one row per objective, with the documented columns and no evaluation while open', async () => {
    // The Nucleo has figures already, and a head their own: none of it is public yet.
    expect(codes(await push(demo.nucleo, [evaluate(persona1, 80, 'Commento riservato del Nucleo')]))).toEqual(
      ['applied'],
    );
    const phase = demo.phasesOf(persona1).find((p) => p.status === 'not_started');
    expect(codes(await push(demo.officer, [setStatus(phase?.id ?? '', 'not_started', 'done')]))).toEqual([
      'applied',
    ]);
    const res = await demo.viewer.session.get<string>(url());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('dati-aperti-performance-2022.csv');
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(res.body.split('\r\n')[0]).toBe(OPEN_DATA_COLUMNS.join(','));
    const { fields, rows } = parse(res.body);
    expect(fields).toEqual([...OPEN_DATA_COLUMNS]);
    expect(rows).toHaveLength(demo.objectives.length);
    for (const row of rows) {
      for (const column of ACHIEVEMENT)
        expect([row.numero_obiettivo, column, row[column]]).toEqual([row.numero_obiettivo, column, '']);
      expect(row).toMatchObject({ ente: 'Città di Asola', anno: '2022', metodo_punteggio: 'lineare' });
      expect(row.data_pubblicazione).toBe(romeDay(new Date()));
    }
    const first = rowOf(rows, persona1);
    expect(Number(first?.avanzamento_percentuale)).toBeGreaterThan(0);
    expect(first?.scadenze.split(';').every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect(first?.scadenza_finale).toBe(first?.scadenze.split(';').at(-1));
    const removed = rows.filter((r) => r.stato_obiettivo === 'stralciato');
    expect(removed.length).toBeGreaterThan(0);
    for (const r of removed) expect(r.avanzamento_percentuale).toBe('');
    expect(
      rows.filter((r) => r.stato_obiettivo === 'attivo').every((r) => r.avanzamento_percentuale !== ''),
    ).toBe(true);
  });

  it('fills the achievement columns once the plan is closed, scored under the plan’s method', async () => {
    const results = await push(demo.nucleo, [
      evaluate(persona2, null, 'Non valutabile'),
      evaluate(suap1, 50, 'Metà'),
      verdict(demo.phasesOf(persona1)[0]?.id ?? '', 'contested', 'Motivo riservato'),
    ]);
    expect(codes(results)).toEqual(['applied', 'applied', 'applied']);
    expect(codes(await push(demo.headPersona, [selfAssess(persona1, 100, 'Nota del responsabile')]))).toEqual(
      ['applied'],
    );
    const scoring = m('plan.setScoring', {
      planId: demo.planId,
      scoring: { kind: 'threshold', threshold: 60 },
    });
    expect(codes(await push(demo.admin, [scoring]))).toEqual(['applied']);
    expect(codes(await push(demo.nucleo, [close(demo.planId)]))).toEqual(['applied']);

    const res = await demo.officer.session.get<string>(url());
    const { rows } = parse(res.body);
    const today = romeDay(new Date());
    expect(rowOf(rows, persona1)).toMatchObject({
      stato_valutazione: 'valutato',
      raggiungimento_percentuale: '80',
      punteggio: '80',
      metodo_punteggio: 'soglia 60',
      data_chiusura: today,
    });
    // Not evaluated (NV) is no figure at all, never 0; below the threshold the score is 0.
    expect(rowOf(rows, persona2)).toMatchObject({
      stato_valutazione: 'non_valutato',
      raggiungimento_percentuale: '',
      punteggio: '',
    });
    expect(rowOf(rows, suap1)).toMatchObject({ raggiungimento_percentuale: '50', punteggio: '0' });
    for (const r of rows.filter((x) => x.stato_obiettivo === 'stralciato'))
      expect(r).toMatchObject({
        stato_valutazione: 'non_incide',
        raggiungimento_percentuale: '',
        punteggio: '',
      });
    const others = rows.filter((r) => r.stato_obiettivo === 'attivo' && r.raggiungimento_percentuale === '');
    expect(others.every((r) => r.stato_valutazione === 'non_valutato')).toBe(true);
  });

  it('holds no personal data: no user names or ids, no comments or notes written by people', async () => {
    const { body } = await demo.viewer.session.get<string>(url());
    const users = [demo.admin, demo.nucleo, demo.headPersona, demo.headSuap, demo.officer, demo.viewer];
    for (const u of users) {
      expect(body).not.toContain(u.session.user.id);
      expect(body).not.toContain(u.session.user.username);
      expect(body).not.toContain(u.session.user.displayName);
    }
    for (const text of ['Commento riservato', 'Motivo riservato', 'Nota del responsabile', 'Metà'])
      expect(body).not.toContain(text);
  });

  it('is served to every role of the ente that sees the plan, and to no one else', async () => {
    for (const device of [demo.admin, demo.nucleo, demo.headSuap, demo.officer, demo.viewer])
      expect((await device.session.get(url())).status).toBe(200);
    expect((await demo.provaAdmin.session.get(url())).status).toBe(404);
    expect((await new Api(server.url).get(url())).status).toBe(401);
    expect((await demo.viewer.session.get(`/api/plans/${randomUUID()}/open-data.csv`)).status).toBe(404);
    const draftId = randomUUID();
    const imported = await demo.admin.session.post('/api/plans/import', {
      format: 'text',
      content: SAMPLE,
      year: 2023,
      planId: draftId,
    });
    expect(imported.status).toBe(201);
    expect((await demo.viewer.session.get(`/api/plans/${draftId}/open-data.csv`)).status).toBe(404);
    const draft = await demo.admin.session.get<string>(`/api/plans/${draftId}/open-data.csv`);
    expect(draft.status).toBe(200);
    expect(parse(draft.body).rows.every((r) => r.anno === '2023' && r.stato_valutazione === '')).toBe(true);
  });

  it('exports the plan with each phase’s status and percent (export.csv and .xlsx)', async () => {
    const res = await demo.viewer.session.get<string>(`/api/plans/${demo.planId}/export.csv`);
    const text = res.body.replace(/^\ufeff/, '');
    const parsed = Papa.parse<Record<string, string>>(text, {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual(expect.arrayContaining(['Id fase', 'Stato fase', 'Avanzamento %']));
    const done = demo.phasesOf(persona1).find((p) => p.status === 'not_started');
    const row = parsed.data.find((r) => r['Id fase'] === done?.id);
    expect(row).toMatchObject({ 'Stato fase': 'done', 'Avanzamento %': '100' });
    const xlsx = await demo.viewer.session.get<Uint8Array>(`/api/plans/${demo.planId}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.read(xlsx.body, { type: 'array' });
    const first = sheet.Sheets[sheet.SheetNames[0] ?? ''];
    const table = first ? XLSX.utils.sheet_to_json<Record<string, unknown>>(first) : [];
    expect(table.find((r) => r['Id fase'] === done?.id)).toMatchObject({
      'Stato fase': 'done',
      'Avanzamento %': 100,
    });
  });
});
