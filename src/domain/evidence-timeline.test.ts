import { describe, expect, it } from 'vitest';
import { evidenceByMonth, evidenceTimeline, type EvidenceInput } from './evidence-timeline.ts';
import type { FrozenPhase } from './snapshot-figures.ts';

const input: EvidenceInput = {
  objectiveId: 'o1',
  phases: [
    { id: 'f1', number: 1, objectiveId: 'o1' },
    { id: 'f9', number: 1, objectiveId: 'o2' },
  ],
  notes: [
    {
      id: 'n1',
      objectiveId: 'o1',
      phaseId: 'f1',
      authorId: 'u1',
      text: 'Sopralluogo',
      createdAt: '2022-05-02T08:00:00Z',
      attachmentIds: ['a1'],
    },
    {
      id: 'n2',
      objectiveId: 'o2',
      phaseId: null,
      authorId: 'u1',
      text: 'Altro obiettivo',
      createdAt: '2022-05-01T08:00:00Z',
      attachmentIds: [],
    },
  ],
  history: [
    {
      id: 'h1',
      phaseId: 'f1',
      field: 'status',
      before: 'not_started',
      after: 'in_progress',
      userId: 'u2',
      at: '2022-04-01T08:00:00Z',
      conflict: false,
    },
    {
      id: 'h2',
      phaseId: 'f9',
      field: 'percent',
      before: 0,
      after: 10,
      userId: 'u2',
      at: '2022-04-01T08:00:00Z',
      conflict: false,
    },
  ],
  conflicts: [
    {
      id: 'c1',
      phaseId: 'f1',
      field: 'percent',
      overwritten: 30,
      winner: 40,
      userIds: ['u1', 'u2'],
      createdAt: '2022-05-02T08:00:00Z',
    },
  ],
  amendments: [
    {
      id: 'm1',
      entity: 'phase',
      entityId: 'f1',
      kind: 'update',
      motivation: 'Nuova scadenza',
      act: { body: 'giunta', number: '12', date: '2022-06-01' },
      userId: 'u3',
      createdAt: '2022-06-01T10:00:00Z',
    },
    {
      id: 'm2',
      entity: 'objective',
      entityId: 'o2',
      kind: 'remove',
      motivation: 'Non più attuale',
      act: null,
      userId: 'u3',
      createdAt: '2022-06-01T10:00:00Z',
    },
  ],
  verdicts: [],
  evaluations: [],
  snapshots: [],
  planEnd: '2022-12-31',
  names: new Map([
    ['u1', 'Anna Rossi'],
    ['u2', 'Luca Bianchi'],
  ]),
};

describe('the evidence pack timeline', () => {
  it('merges the objective’s notes, changes, conflicts and amendments oldest first, with names', () => {
    const entries = evidenceTimeline(input);
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'change:h1',
      'conflict:c1',
      'note:n1',
      'amendment:m1',
    ]);
    expect(entries[0]).toMatchObject({
      who: 'Luca Bianchi',
      phase: 1,
      before: 'not_started',
      after: 'in_progress',
    });
    expect(entries[1]).toMatchObject({ who: ['Anna Rossi', 'Luca Bianchi'], overwritten: 30, winner: 40 });
    expect(entries[2]).toMatchObject({ who: 'Anna Rossi', photos: ['a1'], phase: 1 });
    // A user the device does not know keeps their id rather than vanishing.
    expect(entries[3]).toMatchObject({ who: 'u3', motivation: 'Nuova scadenza' });
  });

  it('gives the same order whatever the order of the rows', () => {
    const reversed: EvidenceInput = {
      ...input,
      notes: [...input.notes].reverse(),
      history: [...input.history].reverse(),
      amendments: [...input.amendments].reverse(),
    };
    expect(evidenceTimeline(reversed)).toEqual(evidenceTimeline(input));
  });
});

const frozenPhase = (over: Partial<FrozenPhase> & Pick<FrozenPhase, 'phaseId'>): FrozenPhase => ({
  objectiveId: 'o1',
  status: 'in_progress',
  percent: 0,
  weight: null,
  weightUnit: null,
  deadline: null,
  removed: false,
  ...over,
});

const cycle: EvidenceInput = {
  ...input,
  notes: [],
  history: [],
  conflicts: [],
  amendments: [],
  phases: [...input.phases, { id: 'f2', number: 2, objectiveId: 'o1' }],
  verdicts: [
    {
      id: 'f1',
      phaseId: 'f1',
      verdict: 'contested',
      reason: 'Manca il verbale',
      userId: 'u4',
      updatedAt: '2023-01-20T09:00:00Z',
    },
    // Cleared, and another objective's: neither is evidence of o1.
    { id: 'f2', phaseId: 'f2', verdict: null, reason: null, userId: 'u4', updatedAt: '2023-01-20T09:00:00Z' },
    {
      id: 'f9',
      phaseId: 'f9',
      verdict: 'validated',
      reason: null,
      userId: 'u4',
      updatedAt: '2023-01-20T09:00:00Z',
    },
  ],
  evaluations: [
    {
      id: 'o1',
      objectiveId: 'o1',
      percent: null,
      comment: 'Dati mancanti',
      userId: 'u4',
      updatedAt: '2023-01-21T09:00:00Z',
    },
    {
      id: 'o2',
      objectiveId: 'o2',
      percent: 90,
      comment: '',
      userId: 'u4',
      updatedAt: '2023-01-21T09:00:00Z',
    },
  ],
  snapshots: [
    {
      id: 's1',
      asOf: '2022-07-31',
      label: 'Monitoraggio di luglio',
      takenAt: '2022-08-01T07:00:00Z',
      takenBy: 'u2',
      objectives: [
        { objectiveId: 'o1', areaId: 'a1', state: 'active', weights: { head: 50, giunta: 50, nucleo: 50 } },
        { objectiveId: 'o2', areaId: 'a1', state: 'active', weights: { head: 50, giunta: 50, nucleo: 50 } },
      ],
      phases: [
        frozenPhase({
          phaseId: 'f1',
          status: 'done',
          percent: 100,
          weight: 60,
          weightUnit: 'percent',
          deadline: '2022-06-30',
        }),
        frozenPhase({
          phaseId: 'f2',
          percent: 50,
          weight: 40,
          weightUnit: 'percent',
          deadline: '2022-07-15',
        }),
        frozenPhase({ phaseId: 'f9', objectiveId: 'o2', status: 'done', percent: 100 }),
      ],
    },
    // Froze the plan before o1 existed: nothing of o1 to show.
    {
      id: 's0',
      asOf: '2022-01-31',
      label: '',
      takenAt: '2022-02-01T07:00:00Z',
      takenBy: 'u2',
      objectives: [
        { objectiveId: 'o2', areaId: 'a1', state: 'active', weights: { head: 1, giunta: 1, nucleo: 1 } },
      ],
      phases: [],
    },
  ],
};

describe('the evidence pack: snapshot figures and the Nucleo', () => {
  it('shows a snapshot’s frozen figures of the objective, the verdicts given and the achievement, NV as null', () => {
    const entries = evidenceTimeline(cycle);
    expect(entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['snapshot:s1', 'verdict:f1', 'evaluation:o1']);
    // Phase 1 done (weight 60) and phase 2 half done (40) → 80; phase 2 was late on 31/07.
    expect(entries[0]).toMatchObject({
      who: 'Luca Bianchi',
      asOf: '2022-07-31',
      label: 'Monitoraggio di luglio',
      counted: true,
      progress: 80,
      expected: 100,
      late: 1,
    });
    expect(entries[1]).toMatchObject({
      phase: 1,
      verdict: 'contested',
      reason: 'Manca il verbale',
      who: 'u4',
    });
    expect(entries[2]).toMatchObject({ percent: null, comment: 'Dati mancanti' });
  });

  it('keeps a snapshot’s figures whatever the live phases say now', () => {
    const live: EvidenceInput = {
      ...cycle,
      phases: cycle.phases.filter((p) => p.id !== 'f2'),
      planEnd: '2023-12-31',
    };
    expect(evidenceTimeline(live)[0]).toMatchObject({ kind: 'snapshot', progress: 80, late: 1 });
  });

  it('a snapshot that froze the objective removed shows it as not counted, with no progress', () => {
    const snapshot = cycle.snapshots[0];
    if (!snapshot) throw new Error('no snapshot');
    const removed: EvidenceInput = {
      ...cycle,
      snapshots: [
        {
          ...snapshot,
          objectives: snapshot.objectives.map((o) =>
            o.objectiveId === 'o1' ? { ...o, state: 'removed' } : o,
          ),
        },
      ],
    };
    expect(evidenceTimeline(removed)[0]).toMatchObject({ counted: false, progress: null, expected: null });
  });
});

describe('the evidence pack by month', () => {
  it('groups consecutive entries by the reader’s calendar month', () => {
    const entries = evidenceTimeline(input);
    // The conflict and the note are at 08:00Z on 2 May; the amendment at 10:00Z on 1 June.
    expect(evidenceByMonth(entries, 'Europe/Rome').map((m) => [m.month, m.entries.map((e) => e.id)])).toEqual(
      [
        ['2022-04', ['h1']],
        ['2022-05', ['c1', 'n1']],
        ['2022-06', ['m1']],
      ],
    );
  });

  it('reads the month in the reader’s time zone: 31 May 23:30 UTC is June in Rome', () => {
    const late = evidenceTimeline({
      ...input,
      history: [],
      conflicts: [],
      amendments: [],
      notes: [{ ...input.notes[0]!, createdAt: '2022-05-31T23:30:00Z' }],
    });
    expect(evidenceByMonth(late, 'UTC').map((m) => m.month)).toEqual(['2022-05']);
    expect(evidenceByMonth(late, 'Europe/Rome').map((m) => m.month)).toEqual(['2022-06']);
  });
});
