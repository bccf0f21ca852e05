/**
 * The built PWA (./dist): hashed assets cached for a year, the shell (index.html, sw.js, the
 * manifest) revalidated every time so a new version is found; any other non-/api GET is a deep link
 * answered with index.html (SPA fallback). Under /api, and for missing files with an extension, a
 * JSON 404.
 *
 * Compression: each text file has a .br and a .gz twin made at build time (vite.config.ts);
 * `preCompressed` serves the twin the request's Accept-Encoding prefers (br, then gzip), with
 * `Content-Encoding` and `Vary: Accept-Encoding` on every file it serves, the plain one included, so a
 * cache never hands one encoding to a client that asked for another. A file without a twin falls back
 * to the plain file, which @fastify/compress may still compress (compression.ts).
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiNotFound } from '../http-errors.ts';

export function defaultStaticDir(): string | null {
  const dir = fileURLToPath(new URL('../../../dist', import.meta.url));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

function cacheControl(path: string): string {
  // The path is the file actually sent: for a precompressed twin, app.js.br or app.js.gz.
  const name = basename(path).replace(/\.(br|gz)$/, '');
  if (/[\\/]assets[\\/]/.test(path) || /^workbox-[0-9a-f]{8}\.js$/.test(name)) {
    return 'public, max-age=31536000, immutable';
  }
  return 'no-cache';
}

export async function registerStaticRoutes(app: FastifyInstance, dir: string | null): Promise<void> {
  if (!dir) {
    app.setNotFoundHandler(apiNotFound);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    cacheControl: false,
    // Files are looked up per request (not listed once at start), so a rebuilt dist/ is served
    // without a restart; what is not a file falls through to the not-found handler below.
    wildcard: true,
    preCompressed: true,
    setHeaders: (res, path) => void res.header('cache-control', cacheControl(path)),
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (!isRead || path === '/api' || path.startsWith('/api/') || lastSegment.includes('.')) {
      return apiNotFound(request, reply);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
