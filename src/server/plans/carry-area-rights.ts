/**
 * Protocol Part 2: "A new plan whose area has the name of an area of the ente's previous plan gives
 * that area's users the new area too", so heads and officers keep their rights from one year to the
 * next. Runs in the import's transaction; each user changed takes a version (their row travels) and
 * leaves a `user.update` audit entry. Widening needs no resync: the new plan's rows arrive with
 * their own versions (at approval, for a draft).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appUser, area } from '../db/schema.ts';
import { writeAudit } from '../audit.ts';
import { allocateVersions } from '../sync/versions.ts';

export async function carryAreaRights(
  tx: Tx,
  input: { enteId: string; planId: string; adminId: string; now: Date },
): Promise<number> {
  const fold = (name: string) => name.trim().toLowerCase();
  const newAreas = await tx
    .select({ id: area.id, name: area.name })
    .from(area)
    .where(and(eq(area.planId, input.planId), eq(area.deleted, false)));
  const older = await tx
    .select({ id: area.id, name: area.name })
    .from(area)
    .where(and(eq(area.enteId, input.enteId), ne(area.planId, input.planId), eq(area.deleted, false)));
  const newByName = new Map(newAreas.map((a) => [fold(a.name), a.id]));
  const successor = new Map<string, string>();
  for (const a of older) {
    const id = newByName.get(fold(a.name));
    if (id) successor.set(a.id, id);
  }
  if (successor.size === 0) return 0;
  const users = await tx
    .select({ id: appUser.id, areaIds: appUser.areaIds })
    .from(appUser)
    .where(
      and(
        eq(appUser.enteId, input.enteId),
        sql`${appUser.areaIds} && ${sql.param([...successor.keys()])}::text[]`,
      ),
    );
  let changed = 0;
  for (const u of users) {
    const added = u.areaIds.flatMap((id) => {
      const next = successor.get(id);
      return next && !u.areaIds.includes(next) ? [next] : [];
    });
    if (added.length === 0) continue;
    const areaIds = [...new Set([...u.areaIds, ...added])];
    const version = await allocateVersions(tx, input.enteId, 1);
    await tx.update(appUser).set({ areaIds, version }).where(eq(appUser.id, u.id));
    await writeAudit(tx, {
      enteId: input.enteId,
      at: input.now,
      userId: input.adminId,
      action: 'user.update',
      entity: 'user',
      entityId: u.id,
      before: { areaIds: u.areaIds },
      after: { areaIds },
    });
    changed++;
  }
  return changed;
}
