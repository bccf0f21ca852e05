import { describe, expect, it, vi } from 'vitest';
import { afterScreenReads, asScreenRead, CLAIM_LIMIT_MS, claimScreenRead } from './read-priority.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a screen read goes before the reads that yield to it', () => {
  it('lets a yielding read go at once when no screen read runs', async () => {
    await expect(afterScreenReads()).resolves.toBeUndefined();
  });

  it('holds a yielding read until every screen read has ended, even one started after it asked', async () => {
    const order: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const waiting = afterScreenReads().then(() => order.push('badge'));
    // Started in the same task as the wait (the dashboard's effect beside the navigation's).
    const a = asScreenRead(() => first.promise.then((v) => order.push(v)));
    const b = asScreenRead(() => second.promise.then((v) => order.push(v)));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    first.resolve('plan');
    await a;
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(['plan']);
    second.resolve('compare');
    await Promise.all([b, waiting]);
    expect(order).toEqual(['plan', 'compare', 'badge']);
  });

  it('releases the waiting reads when a screen read fails', async () => {
    const waiting = afterScreenReads();
    const failed = asScreenRead(() => Promise.reject(new Error('blocked')));
    await expect(failed).rejects.toThrow('blocked');
    await expect(waiting).resolves.toBeUndefined();
  });
});

describe('a screen claims its place before it knows what to read', () => {
  it('holds the waiting reads from the claim to its release', async () => {
    const release = claimScreenRead();
    let done = false;
    const waiting = afterScreenReads().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    release();
    release(); // idempotent: a second release frees nothing more
    await waiting;
    expect(done).toBe(true);
  });

  it('gives the place back by itself after CLAIM_LIMIT_MS', async () => {
    vi.useFakeTimers();
    try {
      claimScreenRead(); // never released: a screen that never reads
      let done = false;
      void afterScreenReads().then(() => (done = true));
      await vi.advanceTimersByTimeAsync(CLAIM_LIMIT_MS - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
