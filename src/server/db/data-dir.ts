/**
 * The layout of DATA_DIR, the folder of the embedded database:
 *
 *   DATA_DIR/traguardi.lock   who owns the folder (data-dir-lock.ts)
 *   DATA_DIR/control.sock     the owning server's control channel (ops/control-channel.ts), mode 0600
 *   DATA_DIR/pglite/          PGlite's own folder (the PostgreSQL data directory)
 *
 * Why a subfolder: PGlite's `dumpDataDir` archives every file of its folder and fails on a socket, and
 * a backup must not carry the lock. Folders of the first layout (PGlite's files directly in DATA_DIR)
 * are moved into pglite/ on open, by the lock's holder; PG_VERSION moves last, so a move cut short is
 * finished on the next open.
 */
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'traguardi.lock';
export const CONTROL_SOCKET = 'control.sock';
export const PGLITE_FOLDER = 'pglite';

export interface DataDirPaths {
  root: string;
  lock: string;
  socket: string;
  pglite: string;
}

export function dataDirPaths(root: string): DataDirPaths {
  return {
    root,
    lock: join(root, LOCK_FILE),
    socket: join(root, CONTROL_SOCKET),
    pglite: join(root, PGLITE_FOLDER),
  };
}

/** Creates DATA_DIR (0700: the socket and the database are the owner's alone) if absent. */
export function ensureDataDir(root: string): void {
  mkdirSync(root, { recursive: true, mode: 0o700 });
}

/** Moves a first-layout folder's PGlite files into pglite/. Call only while holding the lock. */
export function upgradeLayout(paths: DataDirPaths): void {
  if (!existsSync(join(paths.root, 'PG_VERSION'))) return;
  mkdirSync(paths.pglite, { recursive: true, mode: 0o700 });
  const ours = new Set([LOCK_FILE, CONTROL_SOCKET, PGLITE_FOLDER, 'PG_VERSION']);
  for (const name of readdirSync(paths.root)) {
    if (!ours.has(name)) renameSync(join(paths.root, name), join(paths.pglite, name));
  }
  renameSync(join(paths.root, 'PG_VERSION'), join(paths.pglite, 'PG_VERSION'));
}

/** True when the folder is absent or holds nothing (restore writes only into such a folder). */
export function isEmptyDir(root: string): boolean {
  return !existsSync(root) || readdirSync(root).length === 0;
}
