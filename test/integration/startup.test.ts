// Starting and stopping: several server processes starting at once on one empty PostgreSQL database
// apply the migrations and the demo data once (the advisory lock in db/migrate.ts; PGlite is one
// process by nature), and a shutdown lets the push in flight finish and commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { prepareDatabase } from '../../src/server/db/migrate.ts';
import { appUser, ente, phase as phaseTable } from '../../src/server/db/schema.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { createTestDatabase, DB_KINDS, loginAs, startTestServer } from '../helpers/server.ts';
import { demoPlan, setStatus, TestDevice } from '../helpers/server-sync.ts';

describe('startup on postgres', () => {
  let target: Awaited<ReturnType<typeof createTestDatabase>>;
  const opened: Database[] = [];
  beforeAll(async () => {
    target = await createTestDatabase();
  });
  afterAll(async () => {
    for (const d of opened) await d.close();
    await target.drop();
  });

  it('four processes preparing one empty database at once migrate and seed it once', async () => {
    for (let i = 0; i < 4; i++) opened.push(await openDatabase({ databaseUrl: target.url, poolSize: 2 }));
    const seeded = await Promise.all(
      opened.map(async (d) => {
        let did = false;
        await prepareDatabase(d.db, {
          seed: async (tx) => void (did = await seedDemo(tx, { password: 'demo', now: new Date() })),
        });
        return did;
      }),
    );
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const db = opened[0]?.db;
    if (!db) throw new Error('no database');
    expect((await db.select({ n: count() }).from(ente))[0]?.n).toBe(2);
    expect((await db.select({ n: count() }).from(appUser))[0]?.n).toBe(8);
  });
});

describe.each(DB_KINDS)('shutdown on %s', (db) => {
  it('lets the push in flight finish and commit, then refuses new requests', async () => {
    let release!: () => void;
    let reached!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const atCommit = new Promise<void>((r) => (reached = r));
    let holding = false;
    const server = await startTestServer({
      db,
      pushHooks: {
        beforeCommit: async () => {
          if (!holding) return;
          reached();
          await held;
        },
      },
    });
    const device = new TestDevice(await loginAs(server, 'resp.persona'));
    await device.pullAll();
    const [phase] = demoPlan(device).freshPhases('persona');
    if (!phase) throw new Error('no phase');
    holding = true;
    const push = device.push([setStatus(phase.id, 'not_started', 'done')]);
    await atCommit;
    const closing = server.app.close();
    release();
    const pushed = await push;
    expect(pushed.results[0]?.status).toBe('applied');
    await closing;
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    // The push committed before the database closed.
    const [row] = await server.database.db
      .select({ status: phaseTable.status })
      .from(phaseTable)
      .where(eq(phaseTable.id, phase.id));
    expect(row?.status).toBe('done');
    await server.close();
  });
});
