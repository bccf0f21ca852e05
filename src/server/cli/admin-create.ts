/**
 * `npm run admin:create -- --ente "Nome ente" --username u --display "Nome"`: creates an admin user
 * (and the ente, if no ente has that name) on the database of DATABASE_URL / DATA_DIR. The password
 * comes from ADMIN_PASSWORD or, when unset, from the first line of stdin. Refuses an existing
 * username (usernames are unique across enti).
 *
 * With the embedded database and the server running, the admin is created BY the server through its
 * control channel (data-dir-access.ts), so it can sign in at once; with no server running, the tool
 * opens the folder itself and applies the migrations first.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../db/migrate.ts';
import { adminArgsProblem, AdminNotCreated, createAdmin, type NewAdmin } from '../ops/create-admin.ts';
import { databaseEnv, directOrThroughServer, fail, Refusal } from './data-dir-access.ts';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

const { values } = parseArgs({
  options: { ente: { type: 'string' }, username: { type: 'string' }, display: { type: 'string' } },
});
if (!values.ente || !values.username) {
  console.error(
    'Usage: npm run admin:create -- --ente "Nome ente" --username u --display "Nome" (password: ADMIN_PASSWORD or stdin)',
  );
  process.exit(2);
}
const admin: NewAdmin = {
  ente: values.ente,
  username: values.username,
  displayName: values.display ?? values.username,
  password: await readPassword(),
};
const problem = adminArgsProblem(admin);
if (problem) {
  console.error(`Not created: ${problem}.`);
  process.exit(2);
}

try {
  await directOrThroughServer(databaseEnv(), { command: 'admin.create', ...admin }, async (database) => {
    let outcome = '';
    try {
      await prepareDatabase(database.db, {
        seed: async (tx) => void (outcome = await createAdmin(tx, admin, new Date())),
      });
    } catch (error) {
      if (error instanceof AdminNotCreated) throw new Refusal(`Not created: ${error.message}`);
      throw error;
    }
    return outcome;
  });
} catch (error) {
  fail(`Not created: ${error instanceof Error ? error.message : String(error)}`);
}
