/**
 * zod's JIT probes `new Function`; our Content-Security-Policy forbids eval, so the probe fails
 * (harmlessly) but every page logs a CSP violation. Jitless parsing is plenty fast for the device's
 * payloads.
 *
 * zod 4 probes when an object schema is *built* (at module evaluation), not at the first parse, and
 * the bundler orders the modules inside a shared chunk as it likes: a `z.config()` call in the chunk
 * that holds zod ran after the shared schemas were built there. So the setting is written, before zod
 * loads, into the object zod's `z.config()` itself writes and reads (`globalThis.__zod_globalConfig`,
 * which zod keeps global so that several copies share one configuration). This module is the entry's
 * first import and brings no zod into the entry chunk; zod-config.test.ts fails if zod stops reading it.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });

export {};
