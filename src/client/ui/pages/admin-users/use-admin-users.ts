import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  adminSessionSchema,
  adminUserSchema,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../../../../shared/admin-users.ts';
import { adminFetch, adminJson } from '../admin-common/admin-api.ts';
import { useAdminAuth } from '../admin-common/use-admin-auth.ts';

const usersSchema = z.object({ users: z.array(adminUserSchema) });
const sessionsSchema = z.object({ sessions: z.array(adminSessionSchema) });

const USERS = ['admin', 'users'] as const;
const SESSIONS = ['admin', 'sessions'] as const;

/** The ente's users (GET /api/admin/users), online only. */
export function useAdminUsers() {
  const auth = useAdminAuth();
  return useQuery({
    queryKey: USERS,
    queryFn: () => adminJson(auth, 'GET', '/api/admin/users', (d) => usersSchema.parse(d).users),
  });
}

/** The ente's live sessions (GET /api/admin/sessions). */
export function useAdminSessions() {
  const auth = useAdminAuth();
  return useQuery({
    queryKey: SESSIONS,
    queryFn: () => adminJson(auth, 'GET', '/api/admin/sessions', (d) => sessionsSchema.parse(d).sessions),
  });
}

/**
 * Creating and changing users. Not idempotent on the server (a second create of one username is
 * 409), so never retried automatically; after each, users and sessions are read again (a
 * deactivation ends sessions).
 */
export function useUserActions() {
  const auth = useAdminAuth();
  const client = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: USERS }),
      client.invalidateQueries({ queryKey: SESSIONS }),
    ]);
  };
  const create = useMutation({
    mutationFn: (body: CreateUserRequest) =>
      adminJson(auth, 'POST', '/api/admin/users', (d) => adminUserSchema.parse(d), body),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      adminJson(
        auth,
        'PATCH',
        `/api/admin/users/${encodeURIComponent(id)}`,
        (d) => adminUserSchema.parse(d),
        changes,
      ),
    onSuccess: refresh,
  });
  const endSession = useMutation({
    mutationFn: (id: string) => adminFetch(auth, 'DELETE', `/api/admin/sessions/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: SESSIONS }),
  });
  return { create, update, endSession };
}
