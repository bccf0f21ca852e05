import { describe, expect, it } from 'vitest';
import { CORE_PULL_PAGE_SIZE, DEFAULT_PULL_PAGE_SIZE, pageSizeFor } from './pull.ts';

describe('pageSizeFor', () => {
  it('gives a first sync core smaller pages, and the rest the server size', () => {
    expect(CORE_PULL_PAGE_SIZE).toBeLessThan(DEFAULT_PULL_PAGE_SIZE);
    expect(pageSizeFor('core', DEFAULT_PULL_PAGE_SIZE)).toBe(CORE_PULL_PAGE_SIZE);
    expect(pageSizeFor('deferred', DEFAULT_PULL_PAGE_SIZE)).toBe(DEFAULT_PULL_PAGE_SIZE);
    expect(pageSizeFor(undefined, DEFAULT_PULL_PAGE_SIZE)).toBe(DEFAULT_PULL_PAGE_SIZE);
    // A server configured with smaller pages (the tests) keeps them for the core too.
    expect(pageSizeFor('core', 50)).toBe(50);
  });
});
