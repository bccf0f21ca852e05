/**
 * An in-memory limiter of failed sign-ins per username+IP (a fixed window): after `max` failures in
 * `windowMs` further attempts are refused until the window ends, even with the right password.
 * Per process: with several server processes each keeps its own count (a bound, not an exact limit).
 */
export interface LoginLimiter {
  isLimited(key: string, now: number): boolean;
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
}

export function createLoginLimiter(max = 10, windowMs = 10 * 60_000): LoginLimiter {
  const failures = new Map<string, { count: number; since: number }>();
  const live = (key: string, now: number) => {
    const entry = failures.get(key);
    if (entry && now - entry.since >= windowMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    isLimited: (key, now) => (live(key, now)?.count ?? 0) >= max,
    recordFailure(key, now) {
      const entry = live(key, now);
      if (entry) entry.count += 1;
      else failures.set(key, { count: 1, since: now });
      // Bound memory under a spray of usernames: drop the oldest windows first.
      if (failures.size > 100_000) {
        for (const [k, v] of failures)
          if (now - v.since >= windowMs || failures.size > 100_000) failures.delete(k);
      }
    },
    reset: (key) => void failures.delete(key),
  };
}
