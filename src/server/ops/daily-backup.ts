/**
 * Optional backups by the server itself (BACKUP_DIR): one at start, then one every interval (24 h),
 * keeping the newest `keep` files (BACKUP_KEEP, default 7) and removing older ones.
 *
 * Files are named `traguardi-<UTC timestamp>.backup`, so their names sort by age; only files of that
 * pattern are ever removed. A failed backup is reported and retried at the next interval; it never
 * stops the server. An interval that comes while a backup runs is skipped. `stop()` waits for a
 * backup in progress.
 */
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^traguardi-\d{8}T\d{6}\d{3}Z\.backup$/;

export function backupFileName(at: Date): string {
  return `traguardi-${at.toISOString().replace(/[-:.]/g, '')}.backup`;
}

/** Removes all but the newest `keep` backups of ours in `dir`; returns the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort();
  const removed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of removed) unlinkSync(join(dir, name));
  return removed;
}

export interface DailyBackups {
  stop(): Promise<void>;
}

export function startDailyBackups(o: {
  dir: string;
  keep: number;
  intervalMs?: number;
  now: () => Date;
  write: (file: string) => Promise<unknown>;
  onError: (error: unknown) => void;
  onWritten?: (file: string) => void;
}): DailyBackups {
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  // The backup in progress: a tick while one runs is skipped, so slow backups never pile up.
  let running: Promise<void> | null = null;
  let stopped = false;
  const once = async () => {
    const file = join(o.dir, backupFileName(o.now()));
    try {
      await o.write(file);
      o.onWritten?.(file);
      pruneBackups(o.dir, o.keep);
    } catch (error) {
      try {
        o.onError(error);
      } catch {
        // A reporter that throws must not stop the next backups.
      }
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = once().finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, o.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
