/**
 * `npm run admin:create -- --ente "Nome ente" --username u --display "Nome"`: creates an admin user
 * (and the ente, if no ente has that name) on the database of DATABASE_URL / DATA_DIR, after applying
 * the migrations. The password comes from ADMIN_PASSWORD or, when unset, from the first line of stdin.
 * Refuses an existing username (usernames are unique across enti).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/migrate.ts';
import { appUser } from '../db/schema.ts';
import { createEnte, createUser, findEnteByName } from '../enti.ts';

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
const password = await readPassword();
if (password.length < 8) {
  console.error('The password must be at least 8 characters long.');
  process.exit(2);
}

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || './data',
});
try {
  let outcome = '';
  await prepareDatabase(database.db, {
    seed: async (tx) => {
      const [taken] = await tx
        .select({ id: appUser.id })
        .from(appUser)
        .where(eq(appUser.username, values.username ?? ''));
      if (taken) throw new Error(`the username "${values.username}" already exists`);
      const now = new Date();
      const existing = await findEnteByName(tx, values.ente ?? '');
      const enteId = existing ?? (await createEnte(tx, values.ente ?? '', now));
      await createUser(
        tx,
        {
          enteId,
          username: values.username ?? '',
          displayName: values.display ?? values.username ?? '',
          role: 'admin',
          areaIds: [],
          password,
        },
        now,
      );
      outcome = `${existing ? 'Ente found' : 'Ente created'}: "${values.ente}". Admin "${values.username}" created.`;
    },
  });
  console.log(outcome);
} catch (error) {
  console.error(`Not created: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
