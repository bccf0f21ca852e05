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

/** How long a claim holds the waiting reads at most (a screen that never reads must not hide them). */
export const CLAIM_LIMIT_MS = 10_000;

/**
 * A screen that will read as soon as it knows what (the dashboard waits for the selected plan)
 * claims its place first: the waiting reads wait as if its read ran, until the returned release
 * (idempotent) or CLAIM_LIMIT_MS.
 */
export function claimScreenRead(): () => void {
  running += 1;
  let held = true;
  const releaseClaim = () => {
    if (!held) return;
    held = false;
    clearTimeout(limit);
    running -= 1;
    release();
  };
  const limit = setTimeout(releaseClaim, CLAIM_LIMIT_MS);
  return releaseClaim;
}

/**
 * Resolves once no screen read runs (nor is claimed). It looks after the current task ends: a screen read started
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
