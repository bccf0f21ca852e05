/**
 * PUT/GET /api/attachments/<uuid>: note photos, stored in the database (bytea) with their ente and
 * owner.
 *
 * Invariants:
 * - Upload is idempotent: the same bytes again answer 200; different bytes on an existing id 409
 *   (an id names one immutable image). Only image/jpeg, image/png and image/webp up to 10 MiB, and
 *   the bytes must start like the declared type (nothing else is ever served as an image).
 * - Reading is for whoever may see notes of the attachment's ente and area: its owner, the ente's
 *   admins and evaluators, and users of the area of a note that names it. Anyone else gets 404.
 * - Who may upload is decided from the headers, before the body is read (401/403/400 without taking
 *   in 10 MiB; refusal-drain.ts makes such early answers reach a client still writing).
 * - Storage bounds (attachments/quota.ts) are checked in the upload's transaction. A photo emptied by
 *   the orphan sweep (size 0) answers 404 `attachment_removed` to readers, and the same bytes
 *   uploaded again restore it.
 */
import { createHash } from 'node:crypto';
import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/auth.ts';
import { z } from 'zod';
import type { AppContext } from '../app.ts';
import { requireUser } from '../auth/request-user.ts';
import { checkQuota, lockEnteQuota } from '../attachments/quota.ts';
import { attachment, note } from '../db/schema.ts';
import { HttpError } from '../http-errors.ts';
import { canAddNotes, seesAllNotes } from '../sync/permissions.ts';

export const ATTACHMENT_LIMIT = 10 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
type ImageType = (typeof IMAGE_TYPES)[number];
const idSchema = z.object({ id: z.uuid() });

function looksLike(type: ImageType, bytes: Uint8Array): boolean {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (type === 'image/jpeg') return at(0, 0xff, 0xd8, 0xff);
  if (type === 'image/png') return at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  return at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50); // RIFF....WEBP
}

function imageType(header: string | undefined): ImageType | null {
  const base = header?.split(';')[0]?.trim().toLowerCase();
  return IMAGE_TYPES.find((t) => t === base) ?? null;
}

export function registerAttachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.addContentTypeParser(
    [...IMAGE_TYPES],
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  // The uploader, decided in onRequest (before the body), for the handler.
  const uploaders = new WeakMap<FastifyRequest, { user: SessionUser; id: string; type: ImageType }>();

  app.put(
    '/api/attachments/:id',
    {
      bodyLimit: ATTACHMENT_LIMIT,
      onRequest: async (request) => {
        const user = await requireUser(ctx.db, request, ctx.now());
        const params = idSchema.safeParse(request.params);
        if (!params.success) throw new HttpError('bad_request');
        if (!canAddNotes(user.role)) throw new HttpError('forbidden');
        const type = imageType(request.headers['content-type']);
        if (!type) throw new HttpError('bad_request', 'bad_content_type');
        uploaders.set(request, { user, id: params.data.id, type });
      },
    },
    async (request, reply) => {
      const upload = uploaders.get(request);
      const bytes = request.body;
      if (!upload) throw new HttpError('unauthorized'); // onRequest always sets it; never reached
      const { user, id, type } = upload;
      if (!(bytes instanceof Uint8Array) || bytes.length === 0 || !looksLike(type, bytes)) {
        throw new HttpError('bad_request', 'bad_content_type');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const answer = { id, size: bytes.length, contentType: type };
      const created = await ctx.db.transaction(async (tx) => {
        await lockEnteQuota(tx, user.enteId);
        const [existing] = await tx
          .select({
            enteId: attachment.enteId,
            sha256: attachment.sha256,
            contentType: attachment.contentType,
            size: attachment.size,
          })
          .from(attachment)
          .where(eq(attachment.id, id));
        if (existing) {
          const same =
            existing.enteId === user.enteId && existing.sha256 === sha256 && existing.contentType === type;
          if (!same) throw new HttpError('conflict', 'attachment_conflict');
          if (existing.size > 0) return false;
          // Swept while no note named it: the same bytes bring it back.
          await checkQuota(tx, ctx.attachmentQuota, { enteId: user.enteId, userId: user.id }, bytes.length);
          await tx.update(attachment).set({ bytes, size: bytes.length }).where(eq(attachment.id, id));
          return false;
        }
        await checkQuota(tx, ctx.attachmentQuota, { enteId: user.enteId, userId: user.id }, bytes.length);
        const inserted = await tx
          .insert(attachment)
          .values({
            id,
            enteId: user.enteId,
            ownerId: user.id,
            contentType: type,
            size: bytes.length,
            sha256,
            bytes,
            createdAt: ctx.now(),
          })
          .onConflictDoNothing()
          .returning({ id: attachment.id });
        // Another ente took the same uuid between our read and insert (under another ente's lock).
        if (inserted.length === 0) throw new HttpError('conflict', 'attachment_conflict');
        return true;
      });
      return reply.code(created ? 201 : 200).send(answer);
    },
  );

  app.get('/api/attachments/:id', async (request, reply) => {
    const user = await requireUser(ctx.db, request, ctx.now());
    const params = idSchema.safeParse(request.params);
    if (!params.success) throw new HttpError('not_found');
    const [row] = await ctx.db
      .select()
      .from(attachment)
      .where(and(eq(attachment.id, params.data.id), eq(attachment.enteId, user.enteId)));
    if (!row) throw new HttpError('not_found');
    let visible = row.ownerId === user.id || seesAllNotes(user.role);
    if (!visible && user.areaIds.length > 0) {
      const [named] = await ctx.db
        .select({ id: note.id })
        .from(note)
        .where(
          and(
            eq(note.enteId, user.enteId),
            eq(note.deleted, false),
            arrayContains(note.attachmentIds, [row.id]),
            inArray(note.areaId, user.areaIds),
          ),
        )
        .limit(1);
      visible = named !== undefined;
    }
    if (!visible) throw new HttpError('not_found');
    if (row.size === 0) throw new HttpError('not_found', 'attachment_removed');
    reply
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('content-disposition', 'inline')
      .type(row.contentType);
    return reply.send(Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength));
  });
}
