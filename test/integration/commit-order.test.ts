// Cursors never skip a row: versions come from a per-ente counter row-locked until commit, so commit
// order = version order. On PostgreSQL with TWO app instances (two "server processes") on one
// database; on PGlite with one (its single connection serializes transactions anyway).
//
// Why these tests catch the classic bug: were versions taken from a sequence, push A could take
// version v and stay uncommitted while push B takes v+1 and commits; a pull in between would hand
// out cursor ≥ v+1, and A's row (version v), committed afterwards, would never reach that device.
// Below, A is held open before its commit while B pushes and a pull runs; then the puller must still
// receive A's change. The stress test checks the same with free interleavings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, loginAs, startTestServer, type TestServer } from '../helpers/server.ts';
import { demoPlan, setProgress, setStatus, TestDevice, type PhaseData } from '../helpers/server-sync.ts';

interface Gate {
  reached: Promise<void>;
  release(): void;
}

describe.each(DB_KINDS)('commit order on %s', (db) => {
  const servers: TestServer[] = [];
  /** Pushes of these clientIds stop before their commit until released. */
  const gates = new Map<string, { reached(): void; released: Promise<void> }>();
  const hold = (clientId: string): Gate => {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    gates.set(clientId, { reached, released });
    return { reached: reachedP, release };
  };
  const pushHooks = {
    beforeCommit: async ({ clientId }: { clientId: string }) => {
      const gate = gates.get(clientId);
      if (!gate) return;
      gates.delete(clientId);
      gate.reached();
      await gate.released;
    },
  };

  beforeAll(async () => {
    const first = await startTestServer({ db, pushHooks });
    servers.push(first);
    if (db === 'postgres' && first.databaseUrl) {
      servers.push(await startTestServer({ db, databaseUrl: first.databaseUrl, pushHooks }));
    }
  });
  afterAll(async () => {
    // The joining instance first: the first one drops the database.
    for (const s of [...servers].reverse()) await s.close();
  });
  /** The i-th server, wrapping around (PGlite has one, PostgreSQL two). */
  const server = (i: number): TestServer => {
    const s = servers[i % servers.length];
    if (!s) throw new Error('no server started');
    return s;
  };
  const second = () => server(1);

  it('a pull racing an uncommitted lower version never hands out a cursor past it', async () => {
    const a = new TestDevice(await loginAs(server(0), 'resp.persona'));
    const b = new TestDevice(await loginAs(second(), 'istruttore.persona'));
    const reader = new TestDevice(await loginAs(second(), 'lettore'));
    await Promise.all([a.pullAll(), reader.pullAll()]);
    const [p1, p2] = demoPlan(a).freshPhases('persona');
    if (!p1 || !p2) throw new Error('no phases');

    const gate = hold(a.clientId);
    const pushA = a.push([setStatus(p1.id, 'not_started', 'in_progress')]);
    await gate.reached; // A has its version and its rows, uncommitted
    const pushB = b.push([setStatus(p2.id, 'not_started', 'in_progress')]);
    let bDone = false;
    void pushB.then(() => (bDone = true));
    const racingPull = reader.pullPage();

    if (db === 'postgres') {
      // The snapshot read does not wait for the writers, and sees neither of them.
      const page = await racingPull;
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ rows: [], cursor: reader.cursor });
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false); // B waits for A's lock on the ente's counter
    }
    gate.release();
    await Promise.all([pushA, pushB, racingPull]);
    await reader.pullAll();
    expect(reader.row<PhaseData>('phase', p1.id)?.data.status).toBe('in_progress');
    expect(reader.row<PhaseData>('phase', p2.id)?.data.status).toBe('in_progress');
    expect(reader.row('phase', p1.id)?.version ?? Infinity).toBeLessThan(
      reader.row('phase', p2.id)?.version ?? 0,
    );
  });

  it('concurrent writers on both instances and a looping reader: the reader ends equal to a fresh pull', async () => {
    const writers = await Promise.all(
      ['resp.persona', 'istruttore.persona', 'resp.suap', 'resp.finanziari', 'admin'].map(
        async (u, i) => new TestDevice(await loginAs(server(i), u)),
      ),
    );
    const area: Record<string, string> = {
      'resp.persona': 'persona',
      'istruttore.persona': 'persona',
      'resp.suap': 'suap',
      'resp.finanziari': 'finanziari',
      admin: 'finanziari',
    };
    const [scout] = writers;
    if (!scout) throw new Error('no writer');
    await scout.pullAll();
    const plan = demoPlan(scout);
    const reader = new TestDevice(await loginAs(second(), 'nucleo'));
    await reader.pullAll();

    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let writing = true;
    const readerLoop = (async () => {
      while (writing) await reader.pullAll();
    })();
    await Promise.all(
      writers.map(async (w) => {
        const phases = plan.freshPhases(area[w.session.user.username] ?? 'persona');
        for (let round = 0; round < 8; round++) {
          const batch = [0, 1, 2].map(() =>
            setProgress(phases[random(phases.length)]?.id ?? '', 1 + random(98)),
          );
          const res = await w.push(batch);
          expect(res.results.every((r) => r.status === 'applied')).toBe(true);
        }
      }),
    );
    writing = false;
    await readerLoop;
    await reader.pullAll();

    const fresh = new TestDevice(await loginAs(server(0), 'nucleo'));
    await fresh.pullAll();
    expect(reader.cursor).toBe(fresh.cursor);
    const versions = (d: TestDevice) => new Map([...d.rows].map(([k, r]) => [k, r.version]));
    expect(versions(reader)).toEqual(versions(fresh));
  });
});
