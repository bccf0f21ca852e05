import { describe, expect, it } from 'vitest';
import { makePhase, newBrowser, openTab } from '../../../test/helpers/device.ts';
import { serialLiveRead } from './serial-live-read.ts';

/** A read of the phase facts that waits at a gate, counting how many run at once. */
function gatedRead(db: ReturnType<typeof openTab>) {
  const state = { running: 0, most: 0, started: 0, gates: [] as (() => void)[] };
  const read = async () => {
    state.started += 1;
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    try {
      const count = await db.phaseFacts.count();
      await new Promise<void>((resolve) => state.gates.push(resolve));
      return count;
    } finally {
      state.running -= 1;
    }
  };
  const open = () => state.gates.splice(0).forEach((g) => g());
  return { state, read, open };
}

describe('serialLiveRead', () => {
  it('delivers a read made during writes, then reads once more; never two at once', async () => {
    const db = openTab(newBrowser());
    const { state, read, open } = gatedRead(db);
    const seen: number[] = [];
    const sub = serialLiveRead(db, ['phaseFacts'], read, { next: (v) => seen.push(v) });
    await expect.poll(() => state.started).toBe(1);
    // Three writes while the first read is still running (as the sync's pages land).
    for (const n of [1, 2, 3]) await db.phases.put(makePhase({ id: `ph-${n}`, number: n }));
    await expect.poll(() => state.gates.length).toBe(1);
    open();
    // The first read's value arrives (a liveQuery would drop it), and one more read follows.
    await expect.poll(() => seen).toEqual([0]);
    await expect.poll(() => state.gates.length).toBe(1);
    expect(state.started).toBe(2);
    open();
    await expect.poll(() => seen).toEqual([0, 3]);
    expect(state.most).toBe(1);
    // A write to a table it does not read starts nothing.
    await db.meta.put({ key: 'unrelated', value: 1 });
    await db.notes.clear();
    await new Promise((r) => setTimeout(r, 50));
    expect(state.started).toBe(2);
    // After unsubscribe, nothing either.
    sub.unsubscribe();
    await db.phases.put(makePhase({ id: 'ph-4', number: 4 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(state.started).toBe(2);
  });

  it('follows the writes of another connection to the database (as the sync worker’s, which Dexie relays)', async () => {
    const browser = newBrowser();
    const page = openTab(browser);
    const worker = openTab(browser);
    const seen: number[] = [];
    const sub = serialLiveRead(page, ['phaseFacts'], () => page.phaseFacts.count(), {
      next: (v) => seen.push(v),
    });
    // (Opening the database writes its tables once too: a read or two of nothing.)
    await expect.poll(() => seen.at(-1)).toBe(0);
    await worker.phases.put(makePhase({ id: 'ph-9' }));
    await expect.poll(() => seen.at(-1)).toBe(1);
    sub.unsubscribe();
  });
});
