/**
 * How a command-line tool reaches the database while the server may be running:
 * - PostgreSQL (DATABASE_URL): directly; it has many writers by design.
 * - The embedded database: the tool tries to take DATA_DIR's lock. If it gets it, no server runs and
 *   the tool opens the folder itself (and releases it when done). If the server holds it, the tool
 *   sends its request through the server's control channel; if that does not answer, it stops with
 *   one line naming the server's pid. Never a second writer on the folder.
 * Prints one line (the outcome or the refusal) and sets process.exitCode; no stack traces.
 */
import { openDatabase, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { dataDirPaths } from '../db/data-dir.ts';
import { askControlChannel, type ControlRequest } from '../ops/control-channel.ts';

export interface DatabaseEnv {
  databaseUrl: string | undefined;
  dataDir: string;
}

export function databaseEnv(env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || './data' };
}

export class Refusal extends Error {}

/** Runs `direct` on the database, or `request` through the running server; prints the outcome. */
export async function directOrThroughServer(
  where: DatabaseEnv,
  request: ControlRequest,
  direct: (database: Database) => Promise<string>,
): Promise<void> {
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: where.databaseUrl, dataDir: where.dataDir, poolSize: 2 });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const answer = await askControlChannel(dataDirPaths(where.dataDir).socket, request);
    if (!answer) {
      const who = error.holder ? `the server (pid ${error.holder.pid})` : 'another process';
      fail(
        `${who} holds ${where.dataDir} and does not answer on its control channel; try again when it has started, or stop it`,
      );
      return;
    }
    if (answer.ok)
      console.log(`${answer.message} (through the running server, pid ${error.holder?.pid ?? '?'})`);
    else fail(answer.message);
    return;
  }
  try {
    console.log(await direct(database));
  } catch (error) {
    if (error instanceof Refusal) fail(error.message);
    else throw error;
  } finally {
    await database.close();
  }
}

/** One line on stderr and a failing exit code. */
export function fail(line: string): void {
  console.error(line);
  process.exitCode = 1;
}
