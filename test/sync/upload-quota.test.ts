// A photo refused for a storage bound, seen from the device: the real sync cycle over fake-indexeddb
// against the real server with a tiny bound. The refusal neither blocks the queue (the note and a
// later change go through the same cycle) nor loses the photo (its Blob stays, marked `quota:user`
// for the sync page). On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, setPhaseStatus } from '../../src/client/db/local-change.ts';
import { saveSession } from '../../src/client/db/session.ts';
import { runSyncCycle } from '../../src/client/sync/sync-cycle.ts';
import { newBrowser, openTab } from '../helpers/device.ts';
import { login } from '../helpers/device-sim.ts';
import { fakeImage } from '../helpers/server-sync.ts';
import { DB_KINDS, startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(DB_KINDS)('a photo over the storage bound on %s', (db) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ db, attachmentQuota: { userBytes: 1024, enteBytes: 1024 * 1024 } });
  });
  afterAll(() => server.close());

  it('stays on the device, marked quota:user, and the queue goes on', async () => {
    const device = openTab(newBrowser());
    const session = await login(server.url, 'istruttore.persona');
    expect((await saveSession(device, session)).ok).toBe(true);
    const cycle = () =>
      runSyncCycle({
        db: device,
        fetch: (url, init) => fetch(url, init),
        now: () => new Date(),
        baseUrl: server.url,
      });
    expect((await cycle()).ok).toBe(true); // the plan arrives
    // An objective still in the plan (the sample has removed and replaced ones) and a phase to start.
    const objectives = (await device.objectives.toArray()).filter(
      (o) => session.user.areaIds.includes(o.areaId) && o.state === 'active',
    );
    const phases = await device.phases.toArray();
    const phase = phases.find(
      (p) => p.status === 'not_started' && objectives.some((o) => o.id === p.objectiveId),
    );
    const objective = objectives.find((o) => o.id === phase?.objectiveId);
    if (!objective || !phase) throw new Error('no objective or phase of the officer in the demo plan');
    const user = { id: session.user.id };
    const photo = new Blob([new Uint8Array(fakeImage('image/jpeg', 4096))], { type: 'image/jpeg' });
    const note = await addNote(device, {
      objectiveId: objective.id,
      text: 'Sopralluogo',
      photos: [photo],
      user,
      now: new Date(),
    });
    if (!('noteId' in note)) throw new Error(`addNote: ${JSON.stringify(note)}`);
    const started = await setPhaseStatus(device, {
      phaseId: phase.id,
      to: 'in_progress',
      user,
      now: new Date(),
    });
    expect(started).toMatchObject({ ok: true });

    const result = await cycle();
    expect(result).toMatchObject({ ok: true, pushed: 1, rejected: 1 });
    const [kept] = await device.attachments.toArray();
    expect(kept).toMatchObject({
      noteId: note.noteId,
      uploaded: false,
      uploadError: 'quota:user',
      size: 4096,
    });
    expect(kept?.blob.size).toBe(4096);
    expect((await device.phases.get(phase.id))?.status).toBe('in_progress');
    expect(await device.outbox.count()).toBe(0);
    // Nothing is retried: the next cycle sends no photo again and succeeds.
    expect(await cycle()).toMatchObject({ ok: true, pushed: 0 });
  });
});
