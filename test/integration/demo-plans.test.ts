// The demo's two Asola plans (protocol Part 2, demo mode): the 2022 sample as imported, approved with
// the three acts of its premessa and never closed; and the current year's plan, the sample rolled
// over with progress and notes by today, labelled as demo data, its areas given to the 2022 heads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, loginAs, startTestServer, type TestServer } from '../helpers/server.ts';
import { TestDevice } from '../helpers/server-sync.ts';

interface PlanData {
  title: string;
  year: number;
  status: string;
  acts: { body: string; number: string; date: string }[];
}

describe.each(DB_KINDS)('demo plans on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db, currentYearPlan: true });
  });
  afterAll(() => server.close());

  it('holds the approved 2022 sample and a current-year plan in progress', async () => {
    const head = await loginAs(server, 'resp.persona');
    const device = new TestDevice(head, undefined, 2);
    await device.pullAll();
    const plans = device.all<PlanData>('plan').sort((a, b) => a.data.year - b.data.year);
    const year = new Date().getUTCFullYear();
    expect(plans.map((p) => [p.data.year, p.data.status])).toEqual([
      [2022, 'approved'],
      [year, 'approved'],
    ]);
    expect(plans[0]?.data.acts.map((a) => `${a.body} ${a.number} ${a.date}`)).toEqual([
      'giunta 5 2022-01-19',
      'giunta 15 2022-02-09',
      'giunta 154 2022-09-28',
    ]);
    expect(plans[1]?.data.title).toContain('dati dimostrativi');

    const current = plans[1]?.id;
    const areas = device
      .all<{ planId: string; name: string }>('area')
      .filter((a) => a.data.planId === current);
    expect(areas).toHaveLength(3);
    const me = device.row<{ areaIds: string[] }>('user', head.user.id);
    const persona = areas.find((a) => a.data.name.includes('persona'));
    expect(me?.data.areaIds).toContain(persona?.id);

    const areaIds = new Set(areas.map((a) => a.id));
    const phases = device.all<{ areaId: string; status: string; deadline: string | null }>('phase');
    const thisYear = phases.filter((p) => areaIds.has(p.data.areaId));
    const today = new Date().toISOString().slice(0, 10);
    expect(thisYear.every((p) => p.data.deadline === null || p.data.deadline.startsWith(String(year)))).toBe(
      true,
    );
    expect(thisYear.filter((p) => p.data.status === 'done').length).toBeGreaterThan(5);
    const late = thisYear.filter(
      (p) => p.data.status !== 'done' && p.data.deadline !== null && p.data.deadline < today,
    );
    expect(late.length).toBeGreaterThan(0);
    const notes = device
      .all<{ text: string }>('note')
      .filter((n) => n.data.text.startsWith('[Dati dimostrativi]'));
    expect(notes.length).toBeGreaterThanOrEqual(2);
  });
});
