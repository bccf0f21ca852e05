/**
 * Photos uploaded but never named by a note are removed once they are older than a grace period (an
 * officer may upload, lose the network, and push the note days later). Removal keeps the row and
 * drops the bytes (`size` 0, empty `bytes`): the id stays known to its ente, so a note pushed after
 * the sweep that names it is still applied (the note is kept), readers get 404 for the photo (shown
 * as missing), and the device that still holds the photo can upload the same bytes again to restore
 * it. Uploads never store an empty body, so `size = 0` means "swept" and nothing else.
 *
 * Idempotent; safe to run from several processes at once (each row is emptied once, by one UPDATE).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { rowsOf, type Db } from '../db/database.ts';

export const DEFAULT_ORPHAN_GRACE_MS = 168 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Empties the photos created before `now - graceMs` that no note names; returns their ids. */
export async function sweepOrphanAttachments(db: Db, now: Date, graceMs: number): Promise<string[]> {
  const cutoff = new Date(now.getTime() - graceMs).toISOString();
  const result = await db.execute(sql`
    update attachment a set bytes = ''::bytea, size = 0
    where a.size > 0 and a.created_at < ${cutoff}::timestamptz
      and not exists (select 1 from note n where n.ente_id = a.ente_id and a.id = any(n.attachment_ids))
    returning a.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Runs the sweep when the app is ready (listen waits for it: one UPDATE) and then hourly;
 * `app.close()` stops the timer and waits for a sweep under way, so the database can be closed right
 * after. A failed sweep is logged and retried at the next hour.
 */
export function scheduleOrphanSweep(app: FastifyInstance, db: Db, now: () => Date, graceMs: number): void {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    running = running
      .then(() => sweepOrphanAttachments(db, now(), graceMs))
      .catch((err: unknown) => app.log.error({ err }, 'attachment sweep failed'));
  };
  app.addHook('onReady', async () => {
    run();
    await running;
    timer = setInterval(run, SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
