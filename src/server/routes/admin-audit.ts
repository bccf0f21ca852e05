/**
 * The admin's audit trail (protocol Part 2, "Audit trail"; details in docs/protocol.md):
 * GET /api/admin/audit, JSON or `format=csv`. Only an admin, only their own ente's entries; other
 * roles 403. Read only: no route edits or deletes an entry.
 *
 * Paging is keyset on (at, id), newest first: `next` names the last entry of a page, and the next
 * page holds exactly the entries strictly below it in that order, so entries written meanwhile (all
 * newer) never shift a page and none is skipped or doubled. The cursor carries `at` in microseconds,
 * as PostgreSQL stores it, so it stays exact whatever precision a writer used.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AUDIT_CSV_COLUMNS,
  auditQuerySchema,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
} from '../../shared/admin-audit.ts';
import type { AppContext } from '../app.ts';
import { requireUser } from '../auth/request-user.ts';
import { auditEntry } from '../db/schema.ts';
import { HttpError } from '../http-errors.ts';

interface Cursor {
  micros: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.micros}~${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  const [micros, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('~');
  const id = rest.join('~');
  if (micros === undefined || !/^-?\d{1,18}$/.test(micros) || id === '') {
    throw new HttpError('bad_request', 'bad_envelope', { detail: 'before: not a cursor this server gave' });
  }
  return { micros, id };
}

function parseQuery(query: unknown): AuditQuery {
  const parsed = auditQuerySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || 'query'}: ${i.message}`)
      .join('; ');
    throw new HttpError('bad_request', 'bad_envelope', { detail });
  }
  if (JSON.stringify(parsed.data).includes('\\u0000')) throw new HttpError('bad_request');
  return parsed.data;
}

const atMicros = sql<string>`(extract(epoch from ${auditEntry.at}) * 1000000)::bigint::text`;

function conditions(enteId: string, q: AuditQuery): SQL[] {
  const where: SQL[] = [eq(auditEntry.enteId, enteId)];
  if (q.from !== undefined) where.push(gte(auditEntry.at, new Date(q.from)));
  if (q.to !== undefined) where.push(lt(auditEntry.at, new Date(q.to)));
  if (q.userId !== undefined) where.push(eq(auditEntry.userId, q.userId));
  if (q.entity !== undefined) where.push(eq(auditEntry.entity, q.entity));
  if (q.entityId !== undefined) where.push(eq(auditEntry.entityId, q.entityId));
  if (q.before !== undefined) {
    const c = decodeCursor(q.before);
    where.push(
      sql`(${auditEntry.at}, ${auditEntry.id}) < (timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond', ${c.id})`,
    );
  }
  return where;
}

async function readPage(ctx: AppContext, enteId: string, q: AuditQuery): Promise<AuditPage> {
  // One more than asked: whether a next page exists without a second query.
  const rows = await ctx.db
    .select({
      id: auditEntry.id,
      at: auditEntry.at,
      micros: atMicros,
      userId: auditEntry.userId,
      action: auditEntry.action,
      entity: auditEntry.entity,
      entityId: auditEntry.entityId,
      before: auditEntry.before,
      after: auditEntry.after,
      clientId: auditEntry.clientId,
    })
    .from(auditEntry)
    .where(and(...conditions(enteId, q)))
    .orderBy(desc(auditEntry.at), desc(auditEntry.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const entries = page.map((r): AuditEntry => ({
    id: r.id,
    at: r.at.toISOString(),
    userId: r.userId,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    ...(r.clientId === null ? {} : { clientId: r.clientId }),
  }));
  const last = page.at(-1);
  return rows.length > q.limit && last ? { entries, next: encodeCursor(last) } : { entries };
}

/** `;`-separated UTF-8 with a BOM (what Italian spreadsheets open as is), a header row. */
async function toCsv(entries: readonly AuditEntry[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
  const rows = entries.map((e) => [
    e.id,
    e.at,
    e.userId ?? '',
    e.action,
    e.entity ?? '',
    e.entityId ?? '',
    json(e.before),
    json(e.after),
    e.clientId ?? '',
  ]);
  // escapeFormulae: a cell that begins with = + - @ (a clientId comes from a device) stays text when
  // a spreadsheet opens the file, instead of running as a formula.
  const body = Papa.unparse(
    { fields: [...AUDIT_CSV_COLUMNS], data: rows },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  return `\uFEFF${body}\r\n`;
}

async function answer(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const me = await requireUser(ctx.db, request, ctx.now());
  if (me.role !== 'admin') throw new HttpError('forbidden');
  const q = parseQuery(request.query);
  const page = await readPage(ctx, me.enteId, q);
  reply.header('cache-control', 'no-store');
  if (q.format === 'json') return page;
  // The CSV pages like the JSON: the cursor of the next page travels in a header.
  if (page.next !== undefined) reply.header('x-audit-next', page.next);
  const day = ctx.now().toISOString().slice(0, 10);
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="registro-${day}.csv"`)
    .send(await toCsv(page.entries));
}

export function registerAdminAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/admin/audit', (request, reply) => answer(ctx, request, reply));
}
