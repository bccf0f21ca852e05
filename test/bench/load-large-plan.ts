/**
 * Loads a generated large plan (test/fixtures/large-plan.ts) into the server's database through its
 * Drizzle schema, the way the server itself stores rows: one ente with its version counter, users
 * (the generated heads and officers, plus an admin to sign in with), plan, areas, objectives, phases
 * with their statuses, and notes, each row taking a version from the ente's counter
 * (sync/versions.ts), so a pull hands them out exactly as it would rows written by pushes.
 *
 * Direct inserts rather than the plan-import service: that service takes a parsed plan text (no
 * statuses, no notes), and 100,000 notes through 100 push requests would measure the push, not the
 * pull. One transaction, multi-row inserts in chunks (bounded by PostgreSQL's 65,535 parameters).
 */
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Db, Tx } from '../../src/server/db/database.ts';
import { appUser, area, ente, note, objective, phase, plan } from '../../src/server/db/schema.ts';
import { allocateVersions, initialVersion } from '../../src/server/sync/versions.ts';
import type { LargePlan } from '../fixtures/large-plan.ts';

export const BENCH_ADMIN = { username: 'bench.admin', password: 'bench-password' } as const;

export interface LoadedPlan {
  enteId: string;
  adminUsername: string;
  password: string;
  rows: number;
}

async function insertChunked<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function loadLargePlan(db: Db, data: LargePlan, now = new Date()): Promise<LoadedPlan> {
  // Hashed once outside the transaction (scrypt is slow on purpose) and shared by every bench user.
  const passwordHash = await hashPassword(BENCH_ADMIN.password);
  const objectiveArea = new Map(data.objectives.map((o) => [o.id, o.areaId]));
  let rows = 0;
  await db.transaction(async (tx: Tx) => {
    const base = initialVersion(now);
    await tx.insert(ente).values({
      id: data.ente.id,
      name: data.ente.name,
      version: base + 1,
      minVersion: base,
      rowVersion: base + 1,
      createdAt: now,
    });
    const count =
      1 +
      data.users.length +
      1 +
      data.areas.length +
      data.objectives.length +
      data.phases.length +
      data.notes.length;
    let version = await allocateVersions(tx, data.ente.id, count);
    const next = () => version++;
    const enteId = data.ente.id;

    await tx.insert(appUser).values([
      {
        id: `${enteId}-admin`,
        enteId,
        username: BENCH_ADMIN.username,
        displayName: 'Amministratore (benchmark)',
        role: 'admin',
        areaIds: data.areas.map((a) => a.id),
        passwordHash,
        version: next(),
        createdAt: now,
      },
      ...data.users.map((u) => ({
        id: u.id,
        enteId,
        username: `${u.username}.${enteId.slice(0, 8)}`,
        displayName: u.displayName,
        role: u.role,
        areaIds: u.areaIds,
        passwordHash,
        version: next(),
        createdAt: now,
      })),
    ]);
    await tx.insert(plan).values({ ...data.plan, year: data.plan.years[0] ?? 2022, version: next() });
    await tx.insert(area).values(data.areas.map((a) => ({ ...a, enteId, version: next() })));
    await insertChunked(data.objectives, 2000, (chunk) =>
      tx.insert(objective).values(
        chunk.map((o, i) => ({
          id: o.id,
          enteId,
          areaId: o.areaId,
          number: o.number,
          title: o.title,
          indicator: o.indicator,
          subjects: o.subjects,
          state: o.state,
          motivation: o.motivation,
          weightHead: o.weights.head,
          weightGiunta: o.weights.giunta,
          weightNucleo: o.weights.nucleo,
          position: i,
          version: next(),
        })),
      ),
    );
    await insertChunked(data.phases, 2000, (chunk) =>
      tx.insert(phase).values(
        chunk.map((p) => ({
          ...p,
          enteId,
          updatedAt: p.updatedAt === null ? null : new Date(p.updatedAt),
          version: next(),
        })),
      ),
    );
    await insertChunked(data.notes, 2000, (chunk) =>
      tx.insert(note).values(
        chunk.map((n) => ({
          ...n,
          enteId,
          areaId: objectiveArea.get(n.objectiveId) ?? '',
          createdAt: new Date(n.createdAt),
          receivedAt: new Date(n.createdAt),
          version: next(),
        })),
      ),
    );
    rows = count;
  });
  return { enteId: data.ente.id, adminUsername: BENCH_ADMIN.username, password: BENCH_ADMIN.password, rows };
}
