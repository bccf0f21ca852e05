/**
 * Which of a page's large reads goes first. The dashboard's read of the whole plan's facts is what
 * its screen waits for; the navigation's reminder badge reads the user's areas' facts on the same
 * page — for an admin of the large plan the same 12,000 records. Run together, on a phone's main
 * thread, each took the other's time: the badge's read now waits until no screen read is running
 * (a badge a second late, the dashboard a second early; docs/performance.md, "First sync").
 *
 * In this tab only (a counter in memory): other tabs have screens of their own.
 */

let running = 0;
let waiting: (() => void)[] = [];

function release(): void {
  if (running > 0) return;
  const ready = waiting;
  waiting = [];
  for (const resolve of ready) resolve();
}

/** Runs a read a screen waits for; reads started with `afterScreenReads` wait for it. */
export async function asScreenRead<T>(read: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await read();
  } finally {
    running -= 1;
    release();
  }
}

/**
 * Resolves once no screen read runs. It looks after the current task ends: a screen read started
 * by the same render (the dashboard's effect runs beside the navigation's) is seen.
 */
export function afterScreenReads(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      if (running === 0) resolve();
      else waiting.push(resolve);
    }, 0);
  });
}
