import { describe, expect, it } from 'vitest';
import { PULL_NEXT_CURSOR_HEADER } from '../../shared/pull.ts';
import type { CycleCtx } from './cycle-context.ts';
import { PULL_AHEAD, PullAhead } from './pull-loop.ts';

/**
 * A server of `pages` pages whose answers send their headers at once and their body only when the
 * test releases it, as a slow download does.
 */
function slowServer(pages: number) {
  const asked: number[] = [];
  const release = new Map<number, () => void>();
  const fetch = async (url: string) => {
    const cursor = Number(new URL(url, 'http://x').searchParams.get('cursor'));
    asked.push(cursor);
    const page = cursor / 10;
    const hasMore = page + 1 < pages;
    const body = JSON.stringify({ cursor: cursor + 10, lastSeq: 0, hasMore, rows: [] });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        release.set(cursor, () => {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        });
      },
    });
    const headers = new Headers({ 'content-type': 'application/json' });
    if (hasMore) headers.set(PULL_NEXT_CURSOR_HEADER, String(cursor + 10));
    return new Response(stream, { status: 200, headers });
  };
  const ctx = { fetch, baseUrl: '', clientId: 'c', token: 't', now: () => new Date() } as unknown as CycleCtx;
  return { ctx, asked, release: (cursor: number) => release.get(cursor)?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('PullAhead', () => {
  it('asks for the next pages as their cursors come in the headers, before the bodies, at most PULL_AHEAD ahead', async () => {
    const { ctx, asked, release } = slowServer(6);
    const ahead = new PullAhead(ctx);
    const first = ahead.take({ cursor: 0, part: 'deferred', until: 60 });
    await tick();
    // Page 0's body has not come, yet pages 1 and 2 are asked for: named by the headers.
    expect(asked).toEqual([0, 10, 20]);
    expect(PULL_AHEAD).toBe(2);
    release(0);
    const page0 = await first;
    expect(page0).toMatchObject({ cursor: 10, hasMore: true });
    ahead.after({ cursor: 0, part: 'deferred', until: 60 }, page0 as { cursor: number; hasMore: boolean });
    // Taking page 1 (already asked) makes room: page 3 goes, not more.
    const second = ahead.take({ cursor: 10, part: 'deferred', until: 60 });
    await tick();
    expect(asked).toEqual([0, 10, 20, 30]);
    release(10);
    expect(await second).toMatchObject({ cursor: 20 });
  });

  it('drops what it sent ahead when the next query is another, and asks again', async () => {
    const { ctx, asked, release } = slowServer(4);
    const ahead = new PullAhead(ctx);
    const first = ahead.take({ cursor: 0 });
    await tick();
    release(0);
    await first;
    ahead.drop();
    // A push meanwhile: page 1 is asked again rather than taken from before.
    const again = ahead.take({ cursor: 10 });
    await tick();
    expect(asked.filter((c) => c === 10)).toHaveLength(2);
    release(10);
    expect(await again).toMatchObject({ cursor: 20 });
  });

  it('without the header, asks for the next page once the answer names it', async () => {
    const asked: number[] = [];
    const fetch = async (url: string) => {
      const cursor = Number(new URL(url, 'http://x').searchParams.get('cursor'));
      asked.push(cursor);
      return new Response(
        JSON.stringify({ cursor: cursor + 10, lastSeq: 0, hasMore: cursor < 20, rows: [] }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    };
    const ctx = {
      fetch,
      baseUrl: '',
      clientId: 'c',
      token: 't',
      now: () => new Date(),
    } as unknown as CycleCtx;
    const ahead = new PullAhead(ctx);
    const page = await ahead.take({ cursor: 0 });
    expect(asked).toEqual([0]);
    ahead.after({ cursor: 0 }, page as { cursor: number; hasMore: boolean });
    expect(asked).toEqual([0, 10]);
  });
});
