/**
 * Creating enti and users (demo seeding and the admin command line). Runs inside the caller's
 * transaction; every row gets a version from its ente's counter (versions.ts), so devices pull it.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../shared/auth.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Tx } from './db/database.ts';
import { appUser, ente } from './db/schema.ts';
import { allocateVersions, initialVersion } from './sync/versions.ts';

export async function createEnte(tx: Tx, name: string, now: Date): Promise<string> {
  const id = randomUUID();
  const base = initialVersion(now);
  await tx
    .insert(ente)
    .values({ id, name, version: base + 1, minVersion: base, rowVersion: base + 1, createdAt: now });
  return id;
}

export async function findEnteByName(tx: Tx, name: string): Promise<string | null> {
  const [row] = await tx.select({ id: ente.id }).from(ente).where(eq(ente.name, name));
  return row?.id ?? null;
}

export interface NewUser {
  enteId: string;
  username: string;
  displayName: string;
  role: Role;
  areaIds: string[];
  /** Either a password to hash or a hash already made (to hash outside the transaction). */
  password?: string;
  passwordHash?: string;
}

export async function createUser(tx: Tx, user: NewUser, now: Date): Promise<string> {
  const id = randomUUID();
  const passwordHash = user.passwordHash ?? (await hashPassword(user.password ?? ''));
  const version = await allocateVersions(tx, user.enteId);
  await tx.insert(appUser).values({
    id,
    enteId: user.enteId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    areaIds: user.areaIds,
    passwordHash,
    version,
    createdAt: now,
  });
  return id;
}
