// Plans out and back in, over real HTTP on PGlite and PostgreSQL: the CSV and XLSX templates read by
// the import, an export of the demo plan (CSV and XLSX) imported back to the same plan, who may
// export, and rolling the plan over to a new year.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportResponse } from '../../src/shared/plan-import.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { TestDevice } from '../helpers/server-sync.ts';

type Preview = PlanImportResponse['plan'];
/** What a table carries of a plan: everything but ids, title and year. */
function content(plan: Preview) {
  return plan.areas.map((a) => ({
    name: a.name,
    objectives: a.objectives.map((o) => ({
      number: o.number,
      title: o.title,
      state: o.state,
      motivation: o.motivation,
      weights: o.weights,
      phases: o.phases.map((p) => ({
        number: p.number,
        description: p.description,
        deadline: p.deadline,
        weight: p.weight,
        weightUnit: p.weightUnit,
      })),
    })),
  }));
}

describe.each(DB_KINDS)('plan files on %s', (db) => {
  let server: TestServer;
  let admin: Session;
  let viewer: Session;
  let provaAdmin: Session;
  let planId: string;
  let stored: Preview;

  beforeAll(async () => {
    server = await startTestServer({ db });
    admin = await loginAs(server, 'admin');
    viewer = await loginAs(server, 'lettore');
    provaAdmin = await loginAs(server, 'admin.prova');
    const device = new TestDevice(admin, undefined, 2);
    await device.pullAll();
    planId = device.all('plan')[0]?.id ?? '';
    // The stored plan as the import answers it again (a repeat of an existing planId is not needed:
    // a rollover of every objective to the same year would change ids; read through the dry run).
    const csv = await admin.get<string>(`/api/plans/${planId}/export.csv`);
    const preview = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'csv',
      content: csv.body,
      year: 2022,
      dryRun: true,
    });
    stored = preview.body.plan;
  });
  afterAll(() => server.close());

  it('serves templates the import reads', async () => {
    const csv = await admin.get<string>('/api/plans/template.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const fromCsv = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'csv',
      content: csv.body,
      year: new Date().getFullYear(),
      dryRun: true,
    });
    expect(fromCsv.status).toBe(200);
    expect(fromCsv.body.plan.areas[0]?.objectives).toHaveLength(1);
    // As downloaded, this year's template reads without a warning (weights 100 %, deadlines in the year).
    expect(fromCsv.body.warnings).toEqual([]);
    const xlsx = await admin.get<Uint8Array>('/api/plans/template.xlsx');
    expect(xlsx.status).toBe(200);
    const fromXlsx = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'xlsx',
      content: Buffer.from(xlsx.body).toString('base64'),
      year: 2026,
      dryRun: true,
    });
    expect(content(fromXlsx.body.plan)).toEqual(content(fromCsv.body.plan));
  });

  it('exports the plan as CSV and XLSX that import back to the same plan', async () => {
    expect(stored.areas.map((a) => a.objectives.length)).toEqual([7, 7, 8]);
    expect(stored.areas.flatMap((a) => a.objectives).filter((o) => o.state === 'removed')).toHaveLength(1);
    const xlsx = await admin.get<Uint8Array>(`/api/plans/${planId}/export.xlsx`);
    const back = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'xlsx',
      content: Buffer.from(xlsx.body).toString('base64'),
      year: 2022,
      dryRun: true,
    });
    expect(content(back.body.plan)).toEqual(content(stored));
    // The demo stored the sample text as the importer reads it: the export gives that plan back.
    const text = readFileSync(
      new URL('../fixtures/asola-piao-2022-performance.txt', import.meta.url),
      'utf8',
    );
    const original = await admin.post<PlanImportResponse>('/api/plans/import', {
      format: 'text',
      content: text,
      year: 2022,
      dryRun: true,
    });
    expect(content(stored)).toEqual(content(original.body.plan));
  });

  it('lets every role of the ente export an approved plan, and no one else', async () => {
    expect((await viewer.get(`/api/plans/${planId}/export.csv`)).status).toBe(200);
    expect((await provaAdmin.get(`/api/plans/${planId}/export.csv`)).status).toBe(404);
    expect((await viewer.get(`/api/plans/${randomUUID()}/export.xlsx`)).status).toBe(404);
  });

  it('rolls the plan over to a new year with the chosen objectives, deadlines moved, as a draft', async () => {
    const device = new TestDevice(admin, undefined, 2);
    await device.pullAll();
    const objectives = device.all<{ areaId: string; state: string; number: string }>('objective');
    const picked = objectives.filter((o) => o.data.state !== 'removed').slice(0, 3);
    const newPlanId = randomUUID();
    const body = { newPlanId, year: 2023, objectiveIds: picked.map((o) => o.id) };
    const res = await admin.post<PlanImportResponse>(`/api/plans/${planId}/rollover`, body);
    expect(res.status).toBe(201);
    expect((await admin.post(`/api/plans/${planId}/rollover`, body)).status).toBe(200);
    expect(
      (await viewer.post(`/api/plans/${planId}/rollover`, { ...body, newPlanId: randomUUID() })).status,
    ).toBe(403);
    // One plan a year: the approved 2022 plan refuses another 2022 plan, by rollover or import.
    const again2022 = await admin.post<{ error: { code: string; message: string } }>(
      `/api/plans/${planId}/rollover`,
      { ...body, newPlanId: randomUUID(), year: 2022 },
    );
    expect(again2022.status).toBe(409);
    expect(again2022.body.error.message).toContain('2022');
    const carried = res.body.plan.areas.flatMap((a) => a.objectives);
    expect(carried).toHaveLength(3);
    expect(carried.every((o) => o.state === 'active')).toBe(true);
    const deadlines = carried.flatMap((o) => o.phases.map((p) => p.deadline)).filter((d) => d !== null);
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => d.startsWith('2023-'))).toBe(true);
    await device.pullAll();
    expect(device.row<{ status: string; year: number }>('plan', newPlanId)?.data).toMatchObject({
      status: 'draft',
      year: 2023,
    });
  });
});
