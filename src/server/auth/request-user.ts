/** The signed-in user of a request, from its `Authorization: Bearer <token>`; 401 otherwise. */
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '../../shared/auth.ts';
import type { Db } from '../db/database.ts';
import { HttpError } from '../http-errors.ts';
import { userForToken } from './sessions.ts';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+([A-Za-z0-9_\-.~+/=]{1,200})\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function requireUser(db: Db, request: FastifyRequest, now: Date): Promise<SessionUser> {
  const token = bearerToken(request);
  const user = token ? await userForToken(db, token, now) : null;
  if (!user) throw new HttpError('unauthorized');
  return user;
}
