/**
 * Answers compressed on the fly (@fastify/compress) for the clients that accept it: above all the
 * pull pages (a first pull of the large plan is 64 MiB of JSON: 11.9 MiB as brotli quality 4,
 * 15.2 MiB as gzip). The built PWA is not compressed here: its .br/.gz twins are made at build time
 * (vite.config.ts) and chosen by @fastify/static (routes/static.ts); a file that has no twin (sw.js,
 * workbox-*.js, written after the bundle) is compressed here like any other answer.
 *
 * Register before the routes: the plugin adds its hook to each route as the route is declared.
 */
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Brotli quality 4 (the plugin's own default, written out here because it is a choice): on the
 * large plan's first pull it gives 11.9 MiB; quality 5 gives 11.8 for 1.4–1.7 times its CPU,
 * quality 6 11.5 for 2–2.7 times, and quality 3, cheaper, 13.7 MiB (`npx tsx test/bench/pull-wire.ts
 * --levels`, docs/performance.md). MODE_TEXT: the answers are JSON and CSV.
 */
const BROTLI_QUALITY = 4;

/** Below this many bytes an answer goes as it is: it fits in one packet either way. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    // br for every browser we serve, gzip for the rest (curl, scripts of a comune's IT); no deflate
    // (its two incompatible framings) and no zstd (Node 20's zlib has none).
    encodings: ['br', 'gzip'],
    brotliOptions: {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    },
    // zlib's default level 6: 15.2 MiB for the large pull against 15.8 at level 4.
    zlibOptions: { level: constants.Z_DEFAULT_COMPRESSION },
    threshold: COMPRESS_THRESHOLD_BYTES,
    // Which answers: the plugin's default test (text/*, JSON, XML, and what mime-db calls
    // compressible), so photos (image/jpeg, image/png, image/webp) and XLSX (already a zip) go as
    // they are. Request bodies are never decompressed: the protocol has no compressed uploads, and a
    // decompressing body stream would sit between the 1 MiB/10 MiB limits and the refusal drain.
    globalDecompression: false,
  });
}
