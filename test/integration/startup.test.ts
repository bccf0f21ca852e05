// Several server processes starting at once on one empty PostgreSQL database apply the migrations
// and the demo data once (the advisory lock in db/migrate.ts). PGlite is one process by nature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { prepareDatabase } from '../../src/server/db/migrate.ts';
import { appUser, ente } from '../../src/server/db/schema.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { createTestDatabase } from '../helpers/server.ts';

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
    const db = opened[0]!.db;
    expect((await db.select({ n: count() }).from(ente))[0]?.n).toBe(2);
    expect((await db.select({ n: count() }).from(appUser))[0]?.n).toBe(8);
  });
});
