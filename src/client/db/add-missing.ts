/**
 * Adding rows that may already be stored, keeping the stored ones: IndexedDB `add` refuses a key it
 * holds (ConstraintError), Dexie's bulkAdd goes on with the rest and reports those refusals, which
 * are expected here and ignored; any other failure aborts the caller's transaction as usual.
 */
import { Dexie, type Table } from 'dexie';

/** Inside the caller's rw transaction: adds the rows whose keys are not stored; returns how many were. */
export async function addMissing(table: Table, rows: readonly object[]): Promise<number> {
  if (rows.length === 0) return 0;
  try {
    await table.bulkAdd(rows as object[]);
    return rows.length;
  } catch (err) {
    if (!(err instanceof Dexie.BulkError)) throw err;
    const failures = Object.values(err.failuresByPos);
    if (failures.some((f) => f.name !== 'ConstraintError')) throw err;
    return rows.length - failures.length;
  }
}
