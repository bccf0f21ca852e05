// Who may change phases and write notes, cell by cell: phase.setStatus, phase.setProgress and note.add
// pushed by each role (admin, head, officer, evaluator, viewer, and the admin of the other ente) on a
// phase or objective of their own area, of another area, and of the other ente. Each cell asserts the
// answer (applied, or rejected with its code) AND the server's rows: a refused mutation leaves the
// phase, its history, the notes and the ente's version counter exactly as they were; an applied one
// changes the phase (or writes the note) once. On PGlite and on PostgreSQL.
//
// The other ente answers `not_found`, not `forbidden`: its rows do not exist for the user (the batch
// reads the user's ente only, so a foreign id cannot even be told apart from an unknown one); the
// roles that may not make the mutation at all are refused `forbidden` before any lookup (protocol.md,
// order of the checks).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/db/database.ts';
import type { PushResult } from '../../src/shared/push.ts';
import { DB_KINDS, loginAs, startTestServer, type Session, type TestServer } from '../helpers/server.ts';
import { addNote, setProgress, setStatus, TestDevice, type DraftMutation } from '../helpers/server-sync.ts';

type Target = 'own' | 'other' | 'otherEnte';
type Outcome = 'applied' | 'forbidden' | 'not_found';
type MutationKind = 'phase.setStatus' | 'phase.setProgress' | 'note.add';

const A = 'applied';
const F = 'forbidden';
const NF = 'not_found';

/**
 * The contract's table (protocol.md, "Mutations of v1"): user → mutation → [own area, other area,
 * other ente]. For admin.prova "own" is the Prova area and "other" an area of Asola (another ente).
 */
const MATRIX: Record<string, Record<MutationKind, [Outcome, Outcome, Outcome]>> = {
  admin: { 'phase.setStatus': [A, A, NF], 'phase.setProgress': [A, A, NF], 'note.add': [A, A, NF] },
  'resp.persona': { 'phase.setStatus': [A, F, NF], 'phase.setProgress': [A, F, NF], 'note.add': [A, F, NF] },
  'istruttore.persona': {
    'phase.setStatus': [A, F, NF],
    'phase.setProgress': [A, F, NF],
    'note.add': [A, F, NF],
  },
  nucleo: { 'phase.setStatus': [F, F, F], 'phase.setProgress': [F, F, F], 'note.add': [A, A, NF] },
  lettore: { 'phase.setStatus': [F, F, F], 'phase.setProgress': [F, F, F], 'note.add': [F, F, F] },
  'admin.prova': {
    'phase.setStatus': [A, NF, NF],
    'phase.setProgress': [A, NF, NF],
    'note.add': [A, NF, NF],
  },
};
const TARGETS: readonly Target[] = ['own', 'other', 'otherEnte'];

interface PhaseRow {
  id: string;
  ente_id: string;
  objective_id: string;
  status: string;
  percent: number;
  version: string;
  updated_by: string | null;
}

describe.each(DB_KINDS)('permission matrix of phase and note mutations on %s', (db) => {
  let server: TestServer;
  const sessions = new Map<string, Session>();
  /** Area ids by target, for the Asola users and for admin.prova. */
  let areas: { persona: string; suap: string; prova: string };

  const query = async <T>(q: ReturnType<typeof sql>): Promise<T[]> =>
    rowsOf<T>(await server.database.db.execute(q));

  beforeAll(async () => {
    server = await startTestServer({ db });
    for (const u of Object.keys(MATRIX)) sessions.set(u, await loginAs(server, u));
    const areaRows = await query<{ id: string; name: string }>(sql`select id, name from area`);
    const find = (fragment: string) => {
      const a = areaRows.find((r) => r.name.toLowerCase().includes(fragment));
      if (!a) throw new Error(`no area ${fragment}`);
      return a.id;
    };
    areas = { persona: find('persona'), suap: find('suap'), prova: find('amministrativa') };
  });
  afterAll(() => server.close());

  function areaOf(username: string, target: Target): string {
    if (username === 'admin.prova') return target === 'own' ? areas.prova : areas.persona;
    return { own: areas.persona, other: areas.suap, otherEnte: areas.prova }[target];
  }

  /**
   * A phase of the area, of an objective that takes progress: still not started when the mutation is
   * to apply (so it changes something), else any (a refused mutation must change nothing anyway).
   */
  async function phaseIn(areaId: string, fresh: boolean): Promise<PhaseRow> {
    const [row] = await query<PhaseRow>(sql`
      select p.id, p.ente_id, p.objective_id, p.status, p.percent, p.version::text as version, p.updated_by
      from phase p join objective o on o.id = p.objective_id
      where p.area_id = ${areaId} and (p.status = 'not_started' or not ${fresh})
        and o.state in ('active', 'modified')
        and not p.deleted
      order by p.id limit 1`);
    if (!row) throw new Error(`no phase left in ${areaId}`);
    return row;
  }

  /** What a mutation on this phase could have changed: the phase, its history, notes, counters. */
  async function snapshot(phase: PhaseRow, noteId: string) {
    const [current] = await query<PhaseRow>(sql`
      select id, ente_id, objective_id, status, percent, version::text as version, updated_by
      from phase where id = ${phase.id}`);
    const [history] = await query<{ n: number }>(
      sql`select count(*)::int as n from phase_history where phase_id = ${phase.id}`,
    );
    const [conflicts] = await query<{ n: number }>(
      sql`select count(*)::int as n from conflict where phase_id = ${phase.id}`,
    );
    const notes = await query<{ id: string; version: string }>(
      sql`select id, version::text as version from note where id = ${noteId}`,
    );
    const [allNotes] = await query<{ n: number }>(sql`select count(*)::int as n from note`);
    const enti = await query<{ id: string; version: string }>(
      sql`select id, version::text as version from ente order by id`,
    );
    return {
      phase: current,
      history: history?.n,
      conflicts: conflicts?.n,
      notes,
      allNotes: allNotes?.n,
      enti,
    };
  }

  function draft(kind: MutationKind, phase: PhaseRow, noteId: string): DraftMutation {
    if (kind === 'phase.setStatus') return setStatus(phase.id, 'not_started', 'in_progress');
    if (kind === 'phase.setProgress') return setProgress(phase.id, 30);
    return addNote(phase.objective_id, `permessi ${noteId}`, { noteId, phaseId: phase.id });
  }

  const cells = Object.entries(MATRIX).flatMap(([username, row]) =>
    (Object.entries(row) as [MutationKind, [Outcome, Outcome, Outcome]][]).flatMap(([kind, outcomes]) =>
      TARGETS.map((target, i) => ({ username, kind, target, expected: outcomes[i] as Outcome })),
    ),
  );

  it.each(cells)(
    '$username $kind on $target area: $expected',
    async ({ username, kind, target, expected }) => {
      const session = sessions.get(username);
      if (!session) throw new Error(`no session for ${username}`);
      const phase = await phaseIn(areaOf(username, target), expected === 'applied' && kind !== 'note.add');
      const noteId = randomUUID();
      const before = await snapshot(phase, noteId);

      const device = new TestDevice(session);
      const res = await device.push([draft(kind, phase, noteId)]);
      const [result] = res.results;
      const after = await snapshot(phase, noteId);

      if (expected === 'applied') {
        expect(result).toMatchObject({ status: 'applied' } satisfies Partial<PushResult>);
        // One application: one version spent in the phase's ente, the others' untouched.
        expect(after.enti).toEqual(
          before.enti.map((e) =>
            e.id === phase.ente_id ? { ...e, version: String(Number(e.version) + 1) } : e,
          ),
        );
        if (kind === 'note.add') {
          expect(after.notes).toHaveLength(1);
          expect(after.allNotes).toBe((before.allNotes ?? 0) + 1);
          expect(after.phase).toEqual(before.phase);
          expect(after.history).toBe(before.history);
        } else {
          expect(after.phase).toMatchObject({
            status: 'in_progress',
            percent: kind === 'phase.setProgress' ? 30 : 0,
            updated_by: session.user.id,
          });
          // not_started → in_progress is one changed field for setStatus; setProgress changes both.
          expect(after.history).toBe((before.history ?? 0) + (kind === 'phase.setProgress' ? 2 : 1));
          expect(after.notes).toEqual([]);
          expect(after.allNotes).toBe(before.allNotes);
        }
        expect(after.conflicts).toBe(before.conflicts);
      } else {
        expect(result).toMatchObject({ status: 'rejected', reason: { code: expected } });
        expect(after).toEqual(before); // nothing at all changed on the server
      }
      expect(res.lastSeq).toBe(1); // applied or rejected, the seq is taken
    },
  );
});
