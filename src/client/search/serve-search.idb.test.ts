/**
 * The search worker's message protocol, with the real modules on both ends (serveSearch as the
 * worker runs it, portClient as the page uses it) over a real MessageChannel: structured clone,
 * asynchronous delivery, replies matched by id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyPullPage } from '../sync/apply-pull.ts';
import { saveSession } from '../db/session.ts';
import type { TraguardiDb } from '../db/schema.ts';
import { portClient } from './search-client.ts';
import type { SearchReply } from './search-protocol.ts';
import { serveSearch } from './serve-search.ts';
import {
  AREA_ID,
  makeLogin,
  makeNote,
  newBrowser,
  openTab,
  pulledObjective,
  pullPage,
} from '../../../test/helpers/device.ts';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

async function worker(): Promise<{ db: TraguardiDb; channel: MessageChannel; opened: string[] }> {
  const db = openTab(newBrowser());
  await saveSession(db, makeLogin());
  await applyPullPage(db, pullPage([pulledObjective(1, { title: 'Mensa scolastica' })], 1));
  const channel = new MessageChannel();
  channels.push(channel);
  const opened: string[] = [];
  serveSearch(channel.port2, (name) => {
    opened.push(name);
    return db;
  });
  channel.port2.start();
  return { db, channel, opened };
}

describe('search worker protocol', () => {
  it('opens the named database and answers each query by its id, in order', async () => {
    const { channel, opened } = await worker();
    const client = portClient(channel.port1, 'traguardi-test');
    channel.port1.start();
    const [first, second] = await Promise.all([
      client.search('mensa', [AREA_ID], 25),
      client.search('nulla', [AREA_ID], 25),
    ]);
    expect(opened).toEqual(['traguardi-test']);
    expect(first.objectives).toEqual({ ids: ['obj-1'], total: 1 });
    expect(second.objectives).toEqual({ ids: [], total: 0 });
    expect(client.progress()).toMatchObject({ state: 'ready', source: 'build' });
  });

  it('refuses a query before open, by id', async () => {
    const { channel } = await worker();
    const replies: SearchReply[] = [];
    channel.port1.addEventListener('message', (e) => replies.push(e.data as SearchReply));
    channel.port1.start();
    channel.port1.postMessage({ type: 'search', id: 7, query: 'mensa', areaIds: [AREA_ID], limit: 25 });
    await expect.poll(() => replies).toEqual([{ type: 'failed', id: 7, message: 'search: not open' }]);
  });

  it('says when the index changed, and answers with the rows a sync brought', async () => {
    const { db, channel } = await worker();
    const client = portClient(channel.port1, 'traguardi');
    channel.port1.start();
    let changes = 0;
    client.subscribe(() => changes++);
    expect((await client.search('sopralluogo', [AREA_ID], 25)).notes.total).toBe(0);
    const seen = changes;
    const { id, version: _v, ...data } = makeNote({ text: 'Sopralluogo in mensa' });
    await applyPullPage(db, pullPage([{ type: 'note', id, version: 2, deleted: false, data }], 2));
    // The worker follows the log by itself and tells the page, before any new query.
    await expect.poll(() => changes, { timeout: 5000 }).toBeGreaterThan(seen);
    expect((await client.search('sopralluogo', [AREA_ID], 25)).notes.ids).toEqual([id]);
  });
});
