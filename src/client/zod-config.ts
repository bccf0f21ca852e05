/**
 * zod's JIT probes `new Function` on the first object parse; our Content-Security-Policy forbids
 * eval, so the probe fails (harmlessly) but every page logs a CSP violation. Jitless parsing is
 * plenty fast for the device's payloads. Imported first by the entry, before any parse.
 */
import { z } from 'zod';

z.config({ jitless: true });
