/**
 * One sync cycle: upload the photos not yet uploaded, push the outbox in seq order, pull until the
 * server has nothing more, then, during a first sync, fetch its deferred rows (first-sync.ts) — sending
 * what the user changes meanwhile between their pages. The engine (sync-engine.ts) decides when; this
 * decides what.
 *
 * Guarantees, whatever fails where (lost answers, duplicates, restarts):
 * - every mutation is sent with its seq and id until the device knows its outcome; the server
 *   applies a seq once, so a resend changes nothing;
 * - a note's photos are uploaded before the push that names them (an upload failing for the network
 *   stops the cycle before the push);
 * - nothing leaves the outbox before a pull shows the server processed it (apply-pull.ts);
 * - a failure leaves the database as the last completed transaction left it; the next cycle resumes.
 */
import { MAX_MUTATIONS_PER_PUSH, type PushRequest } from '../../shared/push.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol-version.ts';
import { getClientIdentity, writeLastSync } from '../db/meta.ts';
import { isQuotaError, withReopen } from '../db/open-db.ts';
import type { OutboxEntry } from '../db/schema.ts';
import { loadSession } from '../db/session.ts';
import { applyPushAnswer, pushAnswerSchema } from './apply-push.ts';
import { authHeaders as headers, type CycleCtx as Ctx, type CycleDeps } from './cycle-context.ts';
import { pullDeferred } from './deferred-pull.ts';
import { SyncFailure, failureForStatus, requestJson, send } from './http.ts';
import { pullAll } from './pull-loop.ts';
import type { SyncErrorKind } from './sync-status.ts';
import { timed } from './sync-timing.ts';

export type { CycleDeps } from './cycle-context.ts';

export type CycleResult =
  | { ok: true; pushed: number; rejected: number; pulledRows: number }
  | { ok: false; error: SyncErrorKind; message: string; token: string | null };

/** Bodies over 1 MiB are refused: keep each push well below, whatever the notes' length. */
const MAX_PUSH_BYTES = 900 * 1024;
/** Answers in a row that settle nothing before the cycle gives up (a gap the device cannot fill). */
const MAX_IDLE_PUSHES = 3;

const encoder = new TextEncoder();

export async function runSyncCycle(deps: CycleDeps): Promise<CycleResult> {
  const session = await withReopen(deps.db, () => loadSession(deps.db));
  if (!session) return { ok: false, error: 'unauthorized', message: 'not signed in', token: null };
  try {
    const identity = await withReopen(deps.db, () => getClientIdentity(deps.db));
    if (identity.userId !== session.user.id) {
      // saveSession binds the clientId to the signed-in user; anything else needs a new sign-in.
      return { ok: false, error: 'unauthorized', message: 'clientId of another user', token: session.token };
    }
    const ctx = { ...deps, token: session.token, clientId: identity.clientId };
    await uploadAttachments(ctx);
    const pushed = await pushOutbox(ctx);
    let pulledRows = await pullAll(ctx);
    const synced = () => withReopen(deps.db, () => writeLastSync(deps.db, { at: deps.now().toISOString() }));
    await synced();
    // A first sync's deferred rows; what the user queues meanwhile goes out between their pages.
    const between = async () => {
      if (!(await withReopen(deps.db, () => hasUnsent(ctx)))) return false;
      await uploadAttachments(ctx);
      const more = await pushOutbox(ctx);
      pushed.confirmed += more.confirmed;
      pushed.rejected += more.rejected;
      pulledRows += await pullAll(ctx);
      return true;
    };
    const deferredRows = await pullDeferred(ctx, between);
    if (deferredRows > 0) await synced();
    return {
      ok: true,
      pushed: pushed.confirmed,
      rejected: pushed.rejected,
      pulledRows: pulledRows + deferredRows,
    };
  } catch (err) {
    if (err instanceof SyncFailure)
      return { ok: false, error: err.kind, message: err.message, token: session.token };
    if (isQuotaError(err))
      return { ok: false, error: 'quota', message: 'device storage full', token: session.token };
    throw err;
  }
}

async function uploadAttachments(ctx: Ctx): Promise<void> {
  const { db } = ctx;
  const waiting = await withReopen(db, () =>
    db.attachments.filter((a) => !a.uploaded && !a.uploadError).toArray(),
  );
  for (const a of waiting) {
    const url = `${ctx.baseUrl}/api/attachments/${encodeURIComponent(a.id)}`;
    const res = await send(
      ctx.fetch,
      url,
      { method: 'PUT', headers: headers(ctx, a.mime), body: a.blob },
      'upload',
    );
    const quota = res.status === 413 ? await quotaOf(res) : null;
    await res.body?.cancel().catch(() => {});
    if (res.ok) {
      await withReopen(db, () => db.attachments.update(a.id, { uploaded: true }));
    } else if ([400, 409, 413, 415].includes(res.status)) {
      // Refused for good (type, size, that id holding other bytes, storage full): stop retrying; the
      // note goes on and the server decides on it. The photo stays here; the sync page says why.
      const uploadError = quota ? `quota:${quota}` : `HTTP ${res.status}`;
      await withReopen(db, () => db.attachments.update(a.id, { uploadError }));
    } else {
      throw failureForStatus(res.status, 'upload');
    }
  }
}

/** The storage bound a 413 names (`"quota": "user" | "ente"`), or null for a photo too large. */
async function quotaOf(res: Response): Promise<'user' | 'ente' | null> {
  try {
    const body = (await res.json()) as { error?: { quota?: unknown } };
    const quota = body.error?.quota;
    return quota === 'user' || quota === 'ente' ? quota : null;
  } catch {
    return null;
  }
}

/** The next batch: unconfirmed entries in seq order, ≤ the batch size and ≤ MAX_PUSH_BYTES. */
async function nextBatch(ctx: Ctx): Promise<OutboxEntry[]> {
  const limit = Math.min(ctx.pushBatchSize ?? MAX_MUTATIONS_PER_PUSH, MAX_MUTATIONS_PER_PUSH);
  const batch: OutboxEntry[] = [];
  let bytes = 200; // the envelope
  let full = false;
  await ctx.db.outbox
    .orderBy('seq')
    .filter((e) => e.confirmed !== true)
    .until(() => full)
    .each((e) => {
      const size = encoder.encode(JSON.stringify(e)).length + 1;
      if (batch.length > 0 && bytes + size > MAX_PUSH_BYTES) {
        full = true;
        return;
      }
      batch.push(e);
      bytes += size;
      if (batch.length >= limit) full = true;
    });
  return batch;
}

async function pushOutbox(ctx: Ctx): Promise<{ confirmed: number; rejected: number }> {
  const total = { confirmed: 0, rejected: 0 };
  let idle = 0;
  for (;;) {
    const batch = await withReopen(ctx.db, () => nextBatch(ctx));
    if (batch.length === 0) return total;
    const body: PushRequest = {
      clientId: ctx.clientId,
      schemaVersion: PROTOCOL_VERSION,
      mutations: batch.map((e) => ({
        id: e.id,
        seq: e.seq,
        name: e.name,
        args: e.args,
        clientTime: e.clientTime,
      })),
    };
    const init = { method: 'POST', headers: headers(ctx, 'application/json'), body: JSON.stringify(body) };
    const answer = await timed('push', () =>
      requestJson(ctx.fetch, `${ctx.baseUrl}/api/sync/push`, init, pushAnswerSchema, 'push'),
    );
    const outcome = await withReopen(ctx.db, () => applyPushAnswer(ctx.db, batch, answer, ctx.now()));
    total.confirmed += outcome.confirmed;
    total.rejected += outcome.rejected;
    // No result settled anything: the server stopped at a gap (it wants lastSeq+1 first). Resending
    // from the outbox is right when a request was lost or reordered; if it stays so, give up.
    idle = outcome.matched === 0 ? idle + 1 : 0;
    if (idle >= MAX_IDLE_PUSHES) {
      throw new SyncFailure(
        'server',
        `push makes no progress: server lastSeq ${answer.lastSeq}, next ${batch[0]?.seq}`,
      );
    }
  }
}

/** Whether the user queued something this cycle has not sent (a mutation, or a photo to upload). */
async function hasUnsent(ctx: Ctx): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('r', [db.outbox, db.attachments], async () => {
    if ((await db.outbox.filter((e) => e.confirmed !== true).count()) > 0) return true;
    return (await db.attachments.filter((a) => !a.uploaded && !a.uploadError).count()) > 0;
  });
}
