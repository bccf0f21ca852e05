/**
 * A first sync in two parts (docs/architecture.md "The first sync"; the wire side in docs/protocol.md
 * "A first sync in two parts"): a device with nothing pulls the core first — the plan's structure and
 * progress and the notes of the user's own areas — and can be used as soon as it is stored; the
 * deferred rows (the history; the whole ente's notes for admins and evaluators) follow, up to the
 * version the core ended at, while the ordinary pulls go on from there.
 *
 * Where it stands is kept in `meta` (key firstSync), written in the same transaction as the rows it
 * describes, so a lost connection or a closed tab resumes where the last committed transaction left
 * it. Absent: no first sync under way (an old device, or one that finished).
 */
import { META } from '../db/meta.ts';
import type { TraguardiDb } from '../db/schema.ts';

export type FirstSyncState =
  | {
      /** Pulling the core (part=core) from the stored cursor. */
      stage: 'core';
      /** Notes the core's pages brought so far (those of the user's own areas). */
      coreNotes: number;
    }
  | {
      /** The core is stored; the deferred rows of version ≤ `until` come from `cursor` on. */
      stage: 'deferred';
      coreNotes: number;
      until: number;
      cursor: number;
      /** The deferred rows per type, as the server counted them at `until`. */
      total: Record<string, number>;
      /** The deferred rows per type stored so far. */
      received: Record<string, number>;
    };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isCounts(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && Object.values(v).every(isCount);
}

function isState(v: unknown): v is FirstSyncState {
  if (typeof v !== 'object' || v === null || !('stage' in v) || !('coreNotes' in v)) return false;
  if (!isCount(v.coreNotes)) return false;
  if (v.stage === 'core') return true;
  return (
    v.stage === 'deferred' &&
    'until' in v &&
    isCount(v.until) &&
    'cursor' in v &&
    isCount(v.cursor) &&
    'total' in v &&
    isCounts(v.total) &&
    'received' in v &&
    isCounts(v.received)
  );
}

/** The stored state, or null (none, or unreadable: then the ordinary pull simply goes on). */
export async function readFirstSync(db: TraguardiDb): Promise<FirstSyncState | null> {
  const v = (await db.meta.get(META.firstSync))?.value;
  return isState(v) ? v : null;
}

/** Inside the caller's rw transaction on `meta`: stores the state, or removes it (null). */
export async function writeFirstSync(db: TraguardiDb, state: FirstSyncState | null): Promise<void> {
  if (state) await db.meta.put({ key: META.firstSync, value: state });
  else await db.meta.delete(META.firstSync);
}

/** What the sync strip shows while the deferred rows arrive ("12.000 di 100.000 note"). */
export interface FirstSyncProgress {
  /** Notes on the device, and the notes the user sees in all (as of the core's last version). */
  notes: { stored: number; total: number };
  /** Every deferred row (notes and history): stored and announced. */
  rows: { stored: number; total: number };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The progress of a state in its deferred stage; null otherwise. */
export function firstSyncProgress(state: FirstSyncState | null): FirstSyncProgress | null {
  if (state?.stage !== 'deferred') return null;
  const received = Math.min(state.received.note ?? 0, state.total.note ?? 0);
  return {
    notes: { stored: state.coreNotes + received, total: state.coreNotes + (state.total.note ?? 0) },
    rows: { stored: Math.min(sum(state.received), sum(state.total)), total: sum(state.total) },
  };
}
