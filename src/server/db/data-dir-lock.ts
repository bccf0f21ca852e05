/**
 * The exclusive owner of DATA_DIR: one process at a time opens the embedded database. PGlite has no
 * guard of its own, and a second process writing the same folder loses its writes (or worse).
 *
 * Invariants:
 * - The lock file is created with O_EXCL (`wx`), so of two processes starting at once exactly one
 *   gets it. It holds `{pid, host, startedAt}` so the others can say who holds the folder.
 * - A lock whose pid is no longer alive on this host is stale (a crash, a kill -9) and is recovered:
 *   the recoverer first takes `traguardi.lock.recovering` (O_EXCL too), re-reads the lock, removes it
 *   only if it is still the stale one it judged, then creates its own with O_EXCL. So two processes
 *   recovering at once cannot both end up owners, and a live owner's lock is never removed.
 * - A lock from another host, or whose pid is alive, is never touched: the caller is refused
 *   (`DataDirLockedError`). A reused pid looks alive; the message says to remove the file by hand
 *   when no server runs.
 * - `release()` removes the file only if it is still ours; idempotent.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `the folder is in use by the Traguardi server (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}); ` +
            `if no server is running, remove ${lockPath}`
        : `the folder is locked (${lockPath}, unreadable); if no server is running, remove it`,
    );
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string') {
      return { pid: v.pid, host: v.host, startedAt: v.startedAt };
    }
  } catch {
    // Not JSON: a lock being written this instant, or not ours; treated as held.
  }
  return null;
}

/** The lock's holder, or null when there is no lock file. */
export function readLockHolder(path: string): LockHolder | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseHolder(text) ?? 'unreadable';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A holder that no longer runs: only judged on this host, where its pid means something. */
export function isStale(holder: LockHolder): boolean {
  return holder.host === hostname() && !isAlive(holder.pid);
}

function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeIfSame(path: string, content: string): void {
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes the lock at `path` if it is still the stale one whose text is `staleText`. */
function recoverStale(path: string, staleText: string, mine: string): void {
  const guard = `${path}.recovering`;
  if (!createExclusive(guard, mine)) {
    // Someone is recovering right now, or crashed doing it (then its guard is stale too).
    const other = readLockHolder(guard);
    if (other !== null && other !== 'unreadable' && isStale(other))
      removeIfSame(guard, JSON.stringify(other));
    return;
  }
  try {
    removeIfSame(path, staleText);
  } finally {
    removeIfSame(guard, mine);
  }
}

/** Takes DATA_DIR's lock or throws `DataDirLockedError`. */
export function acquireDataDirLock(path: string, now: Date = new Date()): DataDirLock {
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
  const mine = JSON.stringify(holder);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, mine)) {
      let released = false;
      return {
        path,
        holder,
        release() {
          if (released) return;
          released = true;
          removeIfSame(path, mine);
        },
      };
    }
    let staleText: string;
    try {
      staleText = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const current = parseHolder(staleText);
    if (!current || !isStale(current)) throw new DataDirLockedError(path, current);
    recoverStale(path, staleText, mine);
  }
  throw new DataDirLockedError(path, parseHolder(readFileSyncOrEmpty(path)));
}

function readFileSyncOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
