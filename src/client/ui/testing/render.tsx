/**
 * Test rendering for *.dom.test.tsx: React 19 in jsdom with act(), wrapped in the providers the shell
 * gives every page (language, database, session, sync status). No testing library: a root, act and
 * the DOM are enough.
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SessionUser } from '../../../shared/auth.ts';
import type { TraguardiDb } from '../../db/schema.ts';
import { I18nProvider } from '../../i18n/i18n-provider.tsx';
import { loadCatalog, type Language } from '../../i18n/translate.ts';
import {
  DbContext,
  SessionContext,
  SyncContext,
  type SessionValue,
  type SyncControls,
  type SyncStatusSnapshot,
} from '../app-context.ts';

/** React's act() environment: on while a root is mounted (see unmount). */
function actEnvironment(on: boolean): void {
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: on });
}
actEnvironment(true);

export const OFFLINE_STATUS: SyncStatusSnapshot = {
  online: false,
  syncing: false,
  pending: 0,
  lastSyncAt: null,
  error: null,
  conflicts: 0,
  rejected: 0,
  firstSync: null,
};

export interface RenderOptions {
  language?: Language;
  db?: TraguardiDb;
  user?: SessionUser;
  status?: Partial<SyncStatusSnapshot>;
  sync?: Partial<SyncControls>;
}

export interface Rendered {
  container: HTMLElement;
  unmount: () => void;
}

export async function render(ui: ReactNode, options: RenderOptions = {}): Promise<Rendered> {
  await loadCatalog(options.language ?? 'it');
  actEnvironment(true);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const status = { ...OFFLINE_STATUS, ...options.status };
  const sync: SyncControls = {
    subscribe: () => () => {},
    getSnapshot: () => status,
    syncNow: () => {},
    notifyLocalChange: () => {},
    ...options.sync,
  };
  const session: SessionValue | null = options.user
    ? {
        user: options.user,
        token: 'token',
        requestSignIn: () => {},
        signOut: () => Promise.resolve({ ok: true }),
      }
    : null;
  await act(async () => {
    root.render(
      <I18nProvider language={options.language ?? 'it'}>
        <DbContext value={options.db ?? null}>
          <SessionContext value={session}>
            <SyncContext value={sync}>{ui}</SyncContext>
          </SessionContext>
        </DbContext>
      </I18nProvider>,
    );
  });
  return {
    container,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
      // A lazy chunk the page asked for may load after its test ended; React pings the unmounted root
      // then, and in an act environment warns on the console while vitest closes the worker (which
      // fails the run: "Closing rpc while onUserConsoleLog was pending"). No root, no act environment.
      actEnvironment(false);
    },
  };
}

/** Waits (inside act) until `check` passes, for live queries that settle asynchronously. */
export async function waitFor(check: () => void, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    }
  }
}
