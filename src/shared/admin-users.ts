/**
 * The bodies of the admin's user and session routes (protocol Part 2, "Users"; sessions are an
 * extension, docs/protocol.md). Passwords: at least 10 characters; the limit above (200) only keeps
 * a request from making the server hash a megabyte.
 */
import { z } from 'zod';
import { ROLES } from './auth.ts';

export const MIN_PASSWORD_LENGTH = 10;
const password = z.string().min(MIN_PASSWORD_LENGTH).max(200);
const areaIds = z.array(z.string().min(1).max(100)).max(500);
const displayName = z.string().trim().min(1).max(200);

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  areaIds: z.array(z.string()),
  active: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const createUserRequestSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\s]+$/, 'no spaces'),
  displayName,
  // A plain string here, so an unknown role gets its own message (unknown_role) rather than zod's.
  role: z.string(),
  areaIds,
  password,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  displayName: displayName.optional(),
  role: z.string().optional(),
  areaIds: areaIds.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const changePasswordRequestSchema = z.object({
  current: z.string().min(1).max(200),
  next: password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** A live session of the ente, as the admin sees it: never the token nor its hash. */
export const adminSessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type AdminSession = z.infer<typeof adminSessionSchema>;
