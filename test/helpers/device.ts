/**
 * Simulated devices for tests: each its own fake-indexeddb IDBFactory (isolated like two browsers),
 * or several Dexie connections on one factory (two tabs of one browser). Builders for plan rows and
 * login responses, and an in-memory Web Lock with navigator.locks' exclusive semantics.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LoginResponse, SessionUser } from '../../src/shared/auth.ts';
import { openDb } from '../../src/client/db/open-db.ts';
import type {
  AreaRecord,
  EnteRecord,
  NoteRecord,
  ObjectiveRecord,
  PhaseRecord,
  PlanRecord,
  TraguardiDb,
} from '../../src/client/db/schema.ts';
import type { LockLike, OnlineSource } from '../../src/client/sync/sync-engine.ts';
import type { PullPage, PullRow } from '../../src/shared/pull.ts';

// Dexie's liveQuery stays silent unless a global IndexedDB existed when Dexie loaded (as in every
// browser). Node has none: give Dexie one, whatever the import order. Each device still passes its
// own IDBFactory, so devices stay isolated.
if (!Dexie.dependencies.indexedDB)
  Object.assign(Dexie.dependencies, { indexedDB: new IDBFactory(), IDBKeyRange });

/** A browser profile's IndexedDB: tabs opened on the same one share the database. */
export function newBrowser(): IDBFactory {
  return new IDBFactory();
}

/** A connection ("tab") to the device database of `browser`. */
export function openTab(browser: IDBFactory, name = 'traguardi', onVersionChange?: () => void): TraguardiDb {
  return openDb({
    name,
    dexie: { indexedDB: browser, IDBKeyRange },
    ...(onVersionChange ? { onVersionChange } : {}),
  });
}

export const OBJECTIVE_ID = 'obj-1';
export const AREA_ID = 'area-1';

export function makeObjective(overrides: Partial<ObjectiveRecord> = {}): ObjectiveRecord {
  return {
    id: OBJECTIVE_ID,
    version: 1,
    areaId: AREA_ID,
    number: '1',
    title: 'Objective',
    indicator: 'Indicator',
    state: 'active',
    motivation: null,
    weights: { head: null, giunta: null, nucleo: null },
    ...overrides,
  };
}

export const PLAN_ID = 'plan-1';
export const ENTE_ID = 'ente-1';

export function makeEnte(overrides: Partial<EnteRecord> = {}): EnteRecord {
  return { id: ENTE_ID, version: 1, name: 'Comune', settings: { headsMayAmend: false }, ...overrides };
}

export function makePlan(overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id: PLAN_ID,
    version: 1,
    enteId: ENTE_ID,
    title: 'Piano 2022',
    years: [2022, 2023, 2024],
    acts: [],
    year: 2022,
    status: 'approved',
    events: [],
    ...overrides,
  };
}

export function makeArea(overrides: Partial<AreaRecord> = {}): AreaRecord {
  return {
    id: AREA_ID,
    version: 1,
    planId: PLAN_ID,
    name: 'Area',
    position: 0,
    head: null,
    motivation: null,
    ...overrides,
  };
}

export function makePhase(overrides: Partial<PhaseRecord> = {}): PhaseRecord {
  return {
    id: 'ph-1',
    version: 1,
    objectiveId: OBJECTIVE_ID,
    areaId: AREA_ID,
    number: 1,
    indicator: '',
    subjects: '',
    description: 'Phase',
    weight: null,
    weightUnit: null,
    deadline: null,
    status: 'not_started',
    percent: 0,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

export function makeNote(overrides: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: crypto.randomUUID(),
    version: 1,
    objectiveId: OBJECTIVE_ID,
    phaseId: null,
    authorId: 'u-1',
    text: 'note',
    createdAt: '2026-01-01T00:00:00.000Z',
    attachmentIds: [],
    ...overrides,
  };
}

export function makeUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'u-1',
    username: 'istruttore.persona',
    displayName: 'Istruttore',
    role: 'officer',
    enteId: 'ente-1',
    areaIds: [AREA_ID],
    ...overrides,
  };
}

export function makeLogin(user: Partial<SessionUser> = {}, token = 'token-1'): LoginResponse {
  return { token, expiresAt: '2099-01-01T00:00:00.000Z', user: makeUser(user) };
}

/** Puts an objective and its phases on the device as if pulled. */
export async function seedPlan(db: TraguardiDb, phases: PhaseRecord[] = [makePhase()]): Promise<void> {
  await db.objectives.put(makeObjective());
  await db.phases.bulkPut(phases);
}

/** An exclusive lock per name, granted in request order (what navigator.locks does by default). */
export function memoryLock(): LockLike & { held: () => boolean } {
  const tails = new Map<string, Promise<unknown>>();
  let holders = 0;
  return {
    held: () => holders > 0,
    request(name, callback) {
      const before = tails.get(name) ?? Promise.resolve();
      const run = before.then(async () => {
        holders++;
        try {
          return await callback();
        } finally {
          holders--;
        }
      });
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

/** An online flag the test flips; the engine hears the change like the browser's events. */
export class OnlineFlag implements OnlineSource {
  private listeners = new Set<() => void>();
  constructor(private online = true) {}
  isOnline(): boolean {
    return this.online;
  }
  set(online: boolean): void {
    this.online = online;
    for (const l of [...this.listeners]) l();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * A device database as an earlier release shipped it, for upgrade tests. Kept here as frozen copies
 * (not imported from schema.ts) on purpose: if someone edits a shipped version in schema.ts, the
 * upgrade tests still start from what devices really have.
 */
const SHIPPED_V1_STORES = {
  ente: 'id',
  plans: 'id, enteId',
  areas: 'id, planId, position',
  objectives: 'id, areaId',
  phases: 'id, objectiveId, areaId, deadline, status',
  notes: 'id, objectiveId, phaseId, createdAt',
  conflicts: 'id, phaseId, createdAt',
  phaseHistory: 'id, phaseId, at',
  users: 'id',
  attachments: 'id, noteId, uploaded',
  outbox: 'seq, &id',
  rejected: 'id, seq',
  meta: 'key',
};

/** Puts the ente, a plan (approved unless said), its area, an objective and its phases on the device. */
export async function seedPlanTree(
  db: TraguardiDb,
  plan: Partial<PlanRecord> = {},
  phases: PhaseRecord[] = [makePhase()],
): Promise<void> {
  await db.ente.put(makeEnte());
  await db.plans.put(makePlan(plan));
  await db.areas.put(makeArea());
  await seedPlan(db, phases);
}

export function openShippedDb(browser: IDBFactory, version: 1 | 2 | 3 | 4 | 5 | 6): Dexie {
  const db = new Dexie('traguardi', { indexedDB: browser, IDBKeyRange });
  db.version(1).stores(SHIPPED_V1_STORES);
  if (version >= 2) db.version(2).stores({ bases: 'key' });
  // v3 as shipped, without its facts middleware: the rows only (the upgrade tests fill what they need).
  if (version >= 3) db.version(3).stores({ phaseFacts: 'id, areaId', objectiveFacts: 'id, areaId' });
  if (version >= 4) db.version(4).stores({ amendments: 'id, planId, objectiveId, createdAt' });
  if (version >= 5)
    db.version(5).stores({
      evaluations: 'id, planId, areaId',
      phaseVerdicts: 'id, objectiveId, areaId',
      selfAssessments: 'id, planId, areaId',
      snapshots: 'id, planId, asOf',
      monitoringReports: 'id, snapshotId, objectiveId, areaId',
    });
  if (version >= 6) db.version(6).stores({ searchLog: '++seq', searchIndex: 'key' });
  return db;
}

/** A pulled `phase` row built from makePhase; `deleted` makes it a tombstone. */
export function pulledPhase(version: number, overrides: Partial<PhaseRecord> = {}, deleted = false): PullRow {
  const { id, version: _v, ...data } = makePhase(overrides);
  return deleted
    ? { type: 'phase', id, version, deleted, data: null }
    : { type: 'phase', id, version, deleted, data };
}

/** A pulled `objective` row built from makeObjective. */
export function pulledObjective(version: number, overrides: Partial<ObjectiveRecord> = {}): PullRow {
  const { id, version: _v, ...data } = makeObjective(overrides);
  return { type: 'objective', id, version, deleted: false, data };
}

export function pullPage(rows: PullRow[], cursor: number, lastSeq = 0, hasMore = false): PullPage {
  return { rows, cursor, lastSeq, hasMore };
}
