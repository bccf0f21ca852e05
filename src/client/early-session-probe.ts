/**
 * The session probe, started as one of the entry's first imports: its IndexedDB read then runs while
 * the browser evaluates React (one long task on a phone), so the answer is waiting when that ends and
 * a signed-in device starts fetching its data layer at once.
 */
import { probeStoredSession } from './db/session-probe.ts';

export const storedSessionHint = probeStoredSession();
