/**
 * Plan amendments made offline: the real engine (fake-indexeddb) against the real server over real
 * HTTP, on PGlite and on PostgreSQL. An admin's device, offline, amends an objective of the approved
 * demo plan with a motivation and an act (queuePlanChange: applied on the device at once, with a
 * pending amendment row); back online it syncs, the server holds the amendment, the device converges
 * to the server's rows, and a second device (the head of the area) pulls the amendment and the
 * modified objective.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';
import { Transport } from '../helpers/transport.ts';
import { deviceRows, openDevice, type RowMap } from '../helpers/device-sim.ts';
import { queuePlanChange } from '../../src/client/db/plan-changes.ts';
import { pullResponseSchema, type PullRow } from '../../src/shared/pull.ts';
import { rowDataSchemas, type RowType } from '../../src/shared/rows.ts';

/** Everything `token`'s user may see as a v2 client (amendments included): a fresh full pull. */
async function serverRowsV2(baseUrl: string, token: string): Promise<RowMap> {
  const clientId = randomUUID();
  const rows: RowMap = new Map();
  let cursor = 0;
  for (;;) {
    const res = await fetch(
      `${baseUrl}/api/sync/pull?clientId=${clientId}&cursor=${cursor}&schemaVersion=2`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    if (res.status !== 200) throw new Error(`pull ${res.status} ${await res.text()}`);
    const page = pullResponseSchema.parse(await res.json());
    if ('resync' in page) throw new Error('resync on a fresh pull');
    for (const r of page.rows as PullRow[]) {
      const key = `${r.type}:${r.id}`;
      if (r.deleted) rows.delete(key);
      else {
        const schema = rowDataSchemas[r.type as RowType];
        const raw = r.data as Record<string, unknown>;
        rows.set(key, { version: r.version, data: { ...raw, ...(schema.parse(raw) as object) } });
      }
    }
    if (!page.hasMore) return rows;
    cursor = page.cursor;
  }
}

describe.each(DB_KINDS)('plan amendments made offline, on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db: kind, demo: true });
  });
  afterAll(async () => server?.close());

  it('an offline admin amends an objective; back online the server records it and the head pulls it', async () => {
    const t = new Transport(server.url);
    const admin = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    const head = await openDevice({
      transport: new Transport(server.url),
      serverUrl: server.url,
      username: 'resp.persona',
    });
    expect(await admin.engine.syncNow()).toMatchObject({ ok: true });
    expect(await head.engine.syncNow()).toMatchObject({ ok: true });

    // An active objective of the head's area, in the approved plan.
    const areaId = head.session.user.areaIds[0] ?? '';
    const objective = (await admin.db.objectives.where('areaId').equals(areaId).toArray()).find(
      (o) => o.state === 'active',
    );
    if (!objective) throw new Error('no active objective in the head’s area');
    const plan = await admin.db.plans.get((await admin.db.areas.get(areaId))?.planId ?? '');
    expect(plan?.status).toBe('approved');

    t.offline = true;
    admin.online.set(false);
    const title = `${objective.title} (rimodulato)`;
    const amendment = {
      motivation: `Riprogrammazione ${randomUUID()}`,
      act: { body: 'giunta' as const, number: '88', date: '2022-07-14' },
    };
    const queued = await queuePlanChange(admin.db, admin.session.user, 'objective.update', {
      objectiveId: objective.id,
      changes: { title },
      amendment,
    });
    expect(queued).toMatchObject({ ok: true });
    // Offline, on the device at once: the objective modified and the amendment in the register.
    expect(await admin.db.objectives.get(objective.id)).toMatchObject({ title, state: 'modified' });
    expect(await admin.db.amendments.where('objectiveId').equals(objective.id).toArray()).toMatchObject([
      { pending: true, motivation: amendment.motivation, act: amendment.act, kind: 'update' },
    ]);
    expect(await admin.engine.syncNow()).toMatchObject({ ok: false });
    expect(await admin.db.outbox.count()).toBe(1);

    t.offline = false;
    admin.online.set(true);
    expect(await admin.engine.syncNow()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    expect(await admin.db.outbox.count()).toBe(0);

    // The server holds one amendment for it, with motivation and act; the device equals the server.
    const truth = await serverRowsV2(server.url, admin.session.token);
    const recorded = [...truth.values()].filter(
      (r) => r.data.entityId === objective.id && r.data.motivation === amendment.motivation,
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data).toMatchObject({
      kind: 'update',
      before: { title: objective.title, state: 'active' },
      after: { title, state: 'modified' },
      act: amendment.act,
      userId: admin.session.user.id,
    });
    expect(truth.get(`objective:${objective.id}`)?.data).toMatchObject({
      title,
      state: 'modified',
      motivation: amendment.motivation,
    });
    expect(await deviceRows(admin.db)).toEqual(truth);
    expect(await admin.db.bases.count()).toBe(0);
    expect((await admin.db.amendments.toArray()).filter((a) => a.pending)).toEqual([]);

    // The head's device pulls the amendment and the modified objective.
    expect(await head.engine.syncNow()).toMatchObject({ ok: true });
    expect(await head.db.objectives.get(objective.id)).toMatchObject({
      title,
      state: 'modified',
      motivation: amendment.motivation,
    });
    expect(await head.db.amendments.where('objectiveId').equals(objective.id).toArray()).toMatchObject([
      { motivation: amendment.motivation, act: amendment.act, kind: 'update', entity: 'objective' },
    ]);
    expect((await head.db.plans.get(plan?.id ?? ''))?.acts).toContainEqual(amendment.act);
    await admin.engine.stop();
    await head.engine.stop();
  });
  it('a push answered 426 keeps the plan change; after the update (a reload on the same IndexedDB) it is sent', async () => {
    const t = new Transport(server.url);
    const admin = await openDevice({ transport: t, serverUrl: server.url, username: 'admin' });
    expect(await admin.engine.syncNow()).toMatchObject({ ok: true });
    const approved = new Set(
      (await admin.db.plans.toArray()).filter((p) => p.status === 'approved').map((p) => p.id),
    );
    const areas = new Set(
      (await admin.db.areas.toArray()).filter((a) => approved.has(a.planId)).map((a) => a.id),
    );
    const objective = (await admin.db.objectives.toArray()).find(
      (o) => o.state === 'active' && areas.has(o.areaId),
    );
    if (!objective) throw new Error('no active objective');
    const motivation = `Dopo l’aggiornamento ${randomUUID()}`;
    const queued = await queuePlanChange(admin.db, admin.session.user, 'objective.update', {
      objectiveId: objective.id,
      changes: { indicator: 'Indicatore rivisto' },
      amendment: { motivation },
    });
    expect(queued).toMatchObject({ ok: true });

    t.respond({ method: 'POST', path: '/api/sync/push' }, 426, {
      error: { code: 'client_too_old', message: 'Aggiorna l’app' },
    });
    expect(await admin.engine.syncNow()).toMatchObject({ ok: false, error: 'client_too_old' });
    expect(admin.engine.status.getSnapshot().error).toBe('client_too_old');
    expect(await admin.db.outbox.count()).toBe(1);

    // The update reloads the page: the old tab goes, the new version opens the same IndexedDB.
    await admin.engine.stop();
    admin.db.close();
    const updated = await openDevice({
      transport: new Transport(server.url),
      serverUrl: server.url,
      username: 'admin',
      browser: admin.browser,
      signIn: false,
    });
    expect(await updated.db.outbox.count()).toBe(1);
    expect(await updated.engine.syncNow()).toMatchObject({ ok: true, pushed: 1, rejected: 0 });
    const truth = await serverRowsV2(server.url, updated.session.token);
    expect(
      [...truth.values()].filter((r) => r.data.motivation === motivation && r.data.entityId === objective.id),
    ).toHaveLength(1);
    expect(await deviceRows(updated.db)).toEqual(truth);
    await updated.engine.stop();
  });
});
