import { describe, expect, it } from 'vitest';
import { afterScreenReads, asScreenRead } from './read-priority.ts';

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
