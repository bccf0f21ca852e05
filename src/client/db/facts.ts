/**
 * Progress facts: compact copies of the phase and objective rows holding only the fields the
 * progress calculations read (no descriptions, indicators, subjects, titles, motivations), so the
 * dashboard reads 12,000 small records instead of 12,000 full rows (structured-clone of the full
 * rows dominated its first opening on a large plan).
 *
 * Kept exact by a DBCore middleware rather than by each write path: every mutation of `phases` or
 * `objectives` (put, add, delete, delete range, clear — from a pull, a rebase, a local change, a
 * rollback, a resync, a sign-in as another user, or any future code) also writes the facts table
 * in the SAME IndexedDB transaction: the middleware adds the facts table to the scope of every
 * readwrite transaction over a source table. Readers therefore never see a fact that disagrees with
 * its row, and an aborted transaction leaves both unchanged. Nothing else writes the facts tables.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import type { ObjectiveRecord, PhaseRecord } from './schema.ts';

export type PhaseFact = Pick<
  PhaseRecord,
  | 'id'
  | 'objectiveId'
  | 'areaId'
  | 'status'
  | 'percent'
  | 'weight'
  | 'weightUnit'
  | 'deadline'
  | 'number'
  | 'removed'
>;
export type ObjectiveFact = Pick<ObjectiveRecord, 'id' | 'areaId' | 'state' | 'weights' | 'number'>;

export function phaseFact(p: PhaseRecord): PhaseFact {
  return {
    id: p.id,
    objectiveId: p.objectiveId,
    areaId: p.areaId,
    status: p.status,
    percent: p.percent,
    weight: p.weight,
    weightUnit: p.weightUnit,
    deadline: p.deadline,
    number: p.number,
    // Always present (a row may lack it): reminders leave out a removed phase whatever its status.
    removed: p.removed === true,
  };
}

export function objectiveFact(o: ObjectiveRecord): ObjectiveFact {
  return {
    id: o.id,
    areaId: o.areaId,
    state: o.state,
    weights: { head: o.weights.head, giunta: o.weights.giunta, nucleo: o.weights.nucleo },
    number: o.number,
  };
}

/** Source table → its facts table and how a fact is derived from a row. */
export const FACT_TABLES = {
  phases: { facts: 'phaseFacts', derive: (row: unknown) => phaseFact(row as PhaseRecord) },
  objectives: { facts: 'objectiveFacts', derive: (row: unknown) => objectiveFact(row as ObjectiveRecord) },
} as const;
type SourceTable = keyof typeof FACT_TABLES;

function isSource(name: string): name is SourceTable {
  return Object.hasOwn(FACT_TABLES, name);
}

/**
 * The same mutation, as a request on the facts table (after the source table's, with its outcome);
 * null when nothing is to be written. The facts share their source rows' primary keys.
 */
function mirrorRequest(
  derive: (row: unknown) => unknown,
  req: DBCoreMutateRequest,
  failures: Record<number, Error>,
): DBCoreMutateRequest | null {
  const { trans } = req;
  switch (req.type) {
    case 'add':
    case 'put': {
      // Only the rows that were written (a failed row of a bulk write keeps its old fact).
      const values = req.values.filter((_, i) => !(i in failures)).map(derive);
      return values.length ? { type: 'put', trans, values } : null;
    }
    case 'delete':
      return req.keys.length ? { type: 'delete', trans, keys: req.keys } : null;
    case 'deleteRange':
      return { type: 'deleteRange', trans, range: req.range };
  }
}

/** Installed by TraguardiDb: keeps every facts table equal to the projection of its source table. */
export const factsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ProgressFacts',
  create(down) {
    const present = new Set(down.schema.tables.map((t) => t.name));
    // An older schema during an upgrade (before the facts tables existed): nothing to keep.
    const active = (Object.keys(FACT_TABLES) as SourceTable[]).filter((s) =>
      present.has(FACT_TABLES[s].facts),
    );
    if (active.length === 0) return {};
    return {
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return down.transaction(stores, mode, options);
        const extra = active
          .filter((s) => stores.includes(s) && !stores.includes(FACT_TABLES[s].facts))
          .map((s) => FACT_TABLES[s].facts);
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isSource(name) || !active.includes(name)) return table;
        const { facts: factsName, derive } = FACT_TABLES[name];
        const facts = down.table(factsName);
        return {
          ...table,
          // Promise chains on Dexie's own promises (no async/await): the transaction's zone is kept.
          mutate(req) {
            return table.mutate(req).then((res) => {
              const mirrored = mirrorRequest(derive, req, res.failures);
              if (!mirrored) return res;
              return facts.mutate(mirrored).then((factsRes) => {
                // A fact that cannot be written aborts the transaction: never a row without its fact.
                if (factsRes.numFailures > 0)
                  throw Object.values(factsRes.failures)[0] ?? new Error(`${factsName}: write failed`);
                return res;
              });
            });
          },
        };
      },
    };
  },
};
