import { describe, expect, it } from 'vitest';
import { buildRelazione, type RelazioneInput } from './relazione.ts';

const objective = (
  id: string,
  areaId: string,
  giunta: number | null,
  state: 'active' | 'removed' = 'active',
) => ({
  id,
  areaId,
  number: id.toUpperCase(),
  title: `Obiettivo ${id}`,
  indicator: `Indicatore ${id}`,
  state,
  weights: { head: null, giunta, nucleo: null },
  motivation: null,
});
const phase = (id: string, objectiveId: string, status: 'done' | 'in_progress', percent: number) => ({
  id,
  objectiveId,
  number: 1,
  description: `Fase ${id}`,
  deadline: '2022-06-30',
  status,
  percent,
  weight: null,
});

function input(overrides: Partial<RelazioneInput> = {}): RelazioneInput {
  return {
    plan: { id: 'p', title: 'Piano 2022', year: 2022 },
    weightSet: 'giunta',
    asOf: '2022-12-31',
    planEnd: '2022-12-31',
    areas: [
      { id: 'a1', name: 'Area uno' },
      { id: 'a2', name: 'Area due' },
    ],
    objectives: [
      objective('o1', 'a1', 60),
      objective('o2', 'a1', 40),
      objective('o3', 'a2', 50),
      objective('o4', 'a2', 50, 'removed'),
    ],
    phases: [
      phase('f1', 'o1', 'done', 100),
      phase('f2', 'o2', 'in_progress', 50),
      phase('f3', 'o3', 'in_progress', 20),
    ],
    evaluations: [],
    selfAssessments: [],
    monitoringReports: [],
    amendments: [],
    ...overrides,
  };
}

describe('the Relazione sulla performance model', () => {
  it('with no evaluation yet says so: no score, every counting objective pending, none as 0', () => {
    const r = buildRelazione(input());
    expect(r.hasEvaluation).toBe(false);
    expect(r.score).toBeNull();
    expect(r.areas.map((a) => a.score)).toEqual([null, null]);
    expect(r.counts).toEqual({ achieved: 0, partial: 0, notAchieved: 0, nv: 0, pending: 3, notCounted: 1 });
    // Progress is still the year's result.
    expect(r.areas[0]?.objectives.map((o) => o.progress)).toEqual([100, 50]);
  });

  it('scores, counts per outcome and totals per area and ente; NV leaves the denominator', () => {
    const r = buildRelazione(
      input({
        evaluations: [
          { objectiveId: 'o1', percent: 100, comment: '' },
          { objectiveId: 'o2', percent: 50, comment: 'Ritardo del fornitore' },
          { objectiveId: 'o3', percent: null, comment: 'Dati non disponibili' },
        ],
      }),
    );
    expect(r.hasEvaluation).toBe(true);
    const [a1, a2] = r.areas;
    expect(a1?.score).toBe(80); // 60·100 + 40·50 over 100
    expect(a2?.score).toBeNull(); // NV only: no score, not 0
    expect(r.score).toBe(80);
    expect(r.counts).toEqual({ achieved: 1, partial: 1, notAchieved: 0, nv: 1, pending: 0, notCounted: 1 });
    expect(a1?.counts.achieved).toBe(1);
    const o2 = a1?.objectives[1];
    expect(o2?.deviation).toBe(-50);
    expect(o2?.causes).toEqual([{ source: 'nucleo', text: 'Ritardo del fornitore' }]);
    const o3 = a2?.objectives[0];
    expect(o3?.outcome).toBe('nv');
    expect(o3?.score).toBeNull();
    expect(o3?.deviation).toBeNull();
    expect(a2?.objectives[1]?.outcome).toBe('notCounted');
    expect(a2?.objectives[1]?.weight).toBeNull();
    expect(a1?.objectives.map((o) => o.weight)).toEqual([60, 40]);
  });

  it('counts 0 below the threshold of a threshold method and as not achieved', () => {
    const r = buildRelazione(
      input({
        plan: { id: 'p', title: 'P', year: 2022, scoring: { kind: 'threshold', threshold: 60 } },
        evaluations: [
          { objectiveId: 'o1', percent: 100, comment: '' },
          { objectiveId: 'o2', percent: 50, comment: '' },
        ],
      }),
    );
    expect(r.areas[0]?.objectives[1]?.score).toBe(0);
    expect(r.areas[0]?.objectives[1]?.outcome).toBe('notAchieved');
    expect(r.areas[0]?.score).toBe(60);
    expect(r.counts.pending).toBe(1);
  });

  it('gives each objective its amendments and the causes of the monitoring rounds, oldest first', () => {
    const act = { body: 'giunta', number: '45', date: '2022-07-01' };
    const r = buildRelazione(
      input({
        amendments: [
          {
            id: 'm2',
            entity: 'phase',
            entityId: 'f2',
            objectiveId: 'o2',
            kind: 'update',
            motivation: 'Nuova scadenza',
            act,
            createdAt: '2022-07-02T10:00:00Z',
          },
          {
            id: 'm1',
            entity: 'objective',
            entityId: 'o4',
            kind: 'remove',
            motivation: 'Non più attuale',
            act,
            createdAt: '2022-07-01T10:00:00Z',
          },
        ],
        monitoringReports: [
          {
            objectiveId: 'o2',
            issues: 'Fornitore in ritardo',
            action: 'Sollecito',
            reachable: false,
            updatedAt: '2022-07-05T00:00:00Z',
          },
        ],
        selfAssessments: [{ objectiveId: 'o2', percent: 60, note: 'Quasi fatto' }],
      }),
    );
    expect(r.amendments.map((a) => a.id)).toEqual(['m1', 'm2']);
    expect(r.areas[1]?.objectives[1]?.amendments.map((a) => a.id)).toEqual(['m1']);
    const o2 = r.areas[0]?.objectives[1];
    expect(o2?.amendments.map((a) => a.id)).toEqual(['m2']);
    expect(o2?.selfAssessed).toBe(60);
    expect(o2?.causes).toEqual([
      { source: 'head', text: 'Quasi fatto' },
      { source: 'monitoring', text: 'Fornitore in ritardo — Sollecito' },
    ]);
  });
});
