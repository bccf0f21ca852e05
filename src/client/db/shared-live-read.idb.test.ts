import { describe, expect, it } from 'vitest';
import { makePhase, newBrowser, openTab } from '../../../test/helpers/device.ts';
import { sharedValue, subscribeShared } from './shared-live-read.ts';

describe('subscribeShared', () => {
  it('reads once for every listener of a key, follows writes, and stops with the last listener', async () => {
    const db = openTab(newBrowser());
    let reads = 0;
    const read = async () => {
      reads += 1;
      return db.phaseFacts.count();
    };
    const heard = { a: 0, b: 0 };
    const offA = subscribeShared(db, 'facts', ['phaseFacts'], read, () => (heard.a += 1));
    const offB = subscribeShared(db, 'facts', ['phaseFacts'], read, () => (heard.b += 1));
    await expect.poll(() => sharedValue<number>(db, 'facts')).toBe(0);
    const first = reads;
    expect(heard).toEqual({ a: first, b: first });

    await db.phases.put(makePhase({ id: 'ph-7' }));
    await expect.poll(() => sharedValue<number>(db, 'facts')).toBe(1);
    // Each write read once for both listeners, not once each.
    expect(heard.a).toBe(reads);
    expect(heard.b).toBe(reads);

    // Another key is another read.
    const offC = subscribeShared(
      db,
      'other',
      ['phaseFacts'],
      async () => 'other',
      () => undefined,
    );
    await expect.poll(() => sharedValue<string>(db, 'other')).toBe('other');
    offC();

    offA();
    await db.phases.put(makePhase({ id: 'ph-8', number: 2 }));
    await expect.poll(() => sharedValue<number>(db, 'facts')).toBe(2);
    offB();
    expect(sharedValue(db, 'facts')).toBeUndefined();
    const after = reads;
    await db.phases.put(makePhase({ id: 'ph-9', number: 3 }));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(after);
  });
});
