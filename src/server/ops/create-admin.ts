/**
 * Creating an admin (and the ente, if no ente has that name): the one operation behind
 * `npm run admin:create`, whether the CLI opens the database itself or asks the running server
 * through its control channel. Runs in the caller's transaction; refuses a username already taken
 * (usernames are unique across enti), so a retry after a lost answer says so instead of doubling.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appUser } from '../db/schema.ts';
import { MIN_PASSWORD_LENGTH } from '../../shared/admin-users.ts';
import { createEnte, createUser, findEnteByName } from '../enti.ts';

export interface NewAdmin {
  ente: string;
  username: string;
  displayName: string;
  password: string;
}

/** The same rule as for every user created by an admin (protocol Part 2 "Users"). */
export const MIN_ADMIN_PASSWORD = MIN_PASSWORD_LENGTH;

/** Why the arguments cannot make an admin, or null. */
export function adminArgsProblem(a: NewAdmin): string | null {
  if (!a.ente.trim() || !a.username.trim()) return 'the ente and the username are required';
  if (a.password.length < MIN_ADMIN_PASSWORD) {
    return `the password must be at least ${MIN_ADMIN_PASSWORD} characters long`;
  }
  return null;
}

export class AdminNotCreated extends Error {}

/** Creates the admin; returns the line to print. Throws AdminNotCreated for a refusal. */
export async function createAdmin(tx: Tx, a: NewAdmin, now: Date): Promise<string> {
  const problem = adminArgsProblem(a);
  if (problem) throw new AdminNotCreated(problem);
  const [taken] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, a.username));
  if (taken) throw new AdminNotCreated(`the username "${a.username}" already exists`);
  const existing = await findEnteByName(tx, a.ente);
  const enteId = existing ?? (await createEnte(tx, a.ente, now));
  await createUser(
    tx,
    {
      enteId,
      username: a.username,
      displayName: a.displayName,
      role: 'admin',
      areaIds: [],
      password: a.password,
    },
    now,
  );
  return `${existing ? 'Ente found' : 'Ente created'}: "${a.ente}". Admin "${a.username}" created.`;
}
