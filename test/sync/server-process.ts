/**
 * A server "process" that can be killed and started again on the same data: the real app
 * (buildApp) over PGlite in a folder, or over an existing PostgreSQL database (several of them on one
 * database are several server processes). test/helpers/server.ts keeps PGlite in memory, which
 * cannot outlive a restart; this starts the same app the same way, on a folder.
 *
 * kill(): open connections are cut first (answers in flight are lost, whatever the handlers commit
 * or roll back), then the app and the database close, as a crashed process would leave them.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase, type Database } from '../../src/server/db/database.ts';
import { prepareDatabase } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import type { FastifyInstance } from 'fastify';

export interface ServerProcess {
  url: string;
  app: FastifyInstance;
  database: Database;
  kill(): Promise<void>;
}

export async function startServerProcess(o: {
  dataDir?: string;
  databaseUrl?: string;
}): Promise<ServerProcess> {
  const database = await openDatabase({ dataDir: o.dataDir, databaseUrl: o.databaseUrl, poolSize: 5 });
  await prepareDatabase(database.db, {
    seed: (tx) => seedDemo(tx, { password: 'demo', now: new Date() }).then(() => {}),
  });
  const app = await buildApp({ database, staticDir: null, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async kill() {
      app.server.closeAllConnections();
      await app.close();
      await database.close();
    },
  };
}
