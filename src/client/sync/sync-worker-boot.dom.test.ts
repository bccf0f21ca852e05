// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootSyncWorker, IN_PAGE_FLAG, takeSyncWorker } from './sync-worker-boot.ts';

/** Counts the workers made; the DOM test environment has no Worker of its own. */
class CountedWorker {
  static made: CountedWorker[] = [];
  constructor(
    readonly url: URL | string,
    readonly options?: WorkerOptions,
  ) {
    CountedWorker.made.push(this);
  }
}

describe('booting the sync worker ahead of its engine', () => {
  beforeEach(() => {
    CountedWorker.made = [];
    vi.stubGlobal('Worker', CountedWorker);
    localStorage.removeItem(IN_PAGE_FLAG);
    takeSyncWorker(); // hand over whatever an earlier test left booted
    CountedWorker.made = [];
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.removeItem(IN_PAGE_FLAG);
  });

  it('boots one module worker however often it is asked, and hands that one over once', () => {
    bootSyncWorker();
    bootSyncWorker();
    expect(CountedWorker.made).toHaveLength(1);
    const booted = CountedWorker.made[0];
    expect(booted?.options).toMatchObject({ type: 'module', name: 'traguardi-sync' });
    expect(String(booted?.url)).toMatch(/sync-worker/);
    expect(takeSyncWorker()).toBe(booted);
    // Taken: the next engine (after a sign-out) gets a worker of its own.
    const next = takeSyncWorker();
    expect(next).not.toBe(booted);
    expect(CountedWorker.made).toHaveLength(2);
  });

  it('makes a worker on the spot when none was booted', () => {
    const worker = takeSyncWorker();
    expect(worker).toBe(CountedWorker.made[0]);
    expect(CountedWorker.made).toHaveLength(1);
  });

  it('makes none where the engine is asked to run in the page, or where workers do not exist', () => {
    localStorage.setItem(IN_PAGE_FLAG, '1');
    bootSyncWorker();
    expect(takeSyncWorker()).toBeNull();
    localStorage.removeItem(IN_PAGE_FLAG);
    vi.stubGlobal('Worker', undefined);
    bootSyncWorker();
    expect(takeSyncWorker()).toBeNull();
    expect(CountedWorker.made).toHaveLength(0);
  });
});
