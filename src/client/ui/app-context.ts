/**
 * What the shell hands to every page: the device database, the session and the sync engine. Pages
 * reach them only through the hooks in ./hooks (use-db, use-session, use-sync-status).
 */
import { createContext } from 'react';
import type { TraguardiDb } from '../db/schema.ts';
import type { SessionUser } from '../../shared/auth.ts';
import type { SaveSessionResult } from '../db/session.ts';
import type { SyncStatus } from '../sync/sync-status.ts';

export type SyncStatusSnapshot = SyncStatus;

export interface SyncControls {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SyncStatusSnapshot;
  syncNow: () => void;
  notifyLocalChange: () => void;
}

export type SignOutResult = { ok: true } | { ok: false; pending: number };

/**
 * Signing in: saved, or refused because another user's changes wait on this device. The refusal
 * names that user as people know them: the display name from the device's users, else the id.
 */
export type SignInResult =
  | Extract<SaveSessionResult, { ok: true }>
  | (Extract<SaveSessionResult, { ok: false }> & { previousUserName: string });

export interface SessionValue {
  user: SessionUser;
  token: string;
  /** Shows the sign-in form again (the session expired); the queue is kept. */
  requestSignIn: () => void;
  /** Refused while changes wait to sync: signing out would lose them. */
  signOut: () => Promise<SignOutResult>;
}

export const DbContext = createContext<TraguardiDb | null>(null);
export const SessionContext = createContext<SessionValue | null>(null);
export const SyncContext = createContext<SyncControls | null>(null);
