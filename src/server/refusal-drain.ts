/**
 * Refusals that reach the client. When the server answers before it has read the whole request body
 * (a body over the limit, a 401 on an upload decided from the headers), Fastify marks the answer
 * `Connection: close` and Node then ends the socket right after writing it: a client still writing
 * its body (Python's urllib, many HTTP libraries, a phone on a slow uplink) gets EPIPE/ECONNRESET
 * and never reads the 413/401 JSON sitting in its receive buffer.
 *
 * Instead we keep the connection and read-and-discard the rest of the body, so the client finishes
 * writing, reads its answer, and can even reuse the connection. The bound keeps this from being a
 * free sink: a body that declares, or turns out to be, more than DRAIN_LIMIT bytes is cut off (the
 * socket is destroyed), as Fastify would have done.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** How much of a refused body we read and throw away before giving up on the client. */
export const DRAIN_LIMIT = 64 * 1024 * 1024;

function declaredLength(request: FastifyRequest): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) return null; // chunked: only the running count can bound it
  const n = Number(header);
  return Number.isFinite(n) ? n : null;
}

/** Call before any hook that decides `Connection: close` for other reasons (shutdown), so they win. */
export function installRefusalDrain(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.complete || raw.destroyed) return payload;
    const declared = declaredLength(request);
    if (declared !== null && declared > DRAIN_LIMIT) return payload; // Fastify's close stands
    reply.removeHeader('connection');
    let drained = 0;
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT) {
        raw.off('data', onData);
        raw.socket.destroy();
      }
    };
    // A listener puts the stream in flowing mode, so the rest is read (and dropped) even where the
    // body parser never started or already let go of it.
    raw.on('data', onData);
    raw.once('end', () => raw.off('data', onData));
    return payload;
  });
}
