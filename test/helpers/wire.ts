/**
 * HTTP as it crosses the wire: `getOnWire` sends one GET with node:http, which (unlike fetch) never
 * decodes the body, so a test or a benchmark sees the Content-Encoding the server chose and the
 * bytes it sent; `decodeBody` undoes br/gzip to compare with the plain answer.
 *
 *   const res = await getOnWire(server.url + '/', { 'accept-encoding': CHROMIUM_ACCEPT_ENCODING });
 *   res.headers['content-encoding'];   // 'br'
 *   res.body.length;                   // bytes on the wire (the body, after HTTP's own chunk framing)
 *   decodeBody(res).toString('utf8');  // the document itself
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** What Chromium (and so the PWA) sends on every request. */
export const CHROMIUM_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as sent (still compressed when Content-Encoding says so). */
  body: Buffer;
}

export function getOnWire(url: string, headers: Record<string, string> = {}): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body with its Content-Encoding undone (br or gzip; anything else is returned as it is). */
export function decodeBody(res: WireResponse): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  return res.body;
}

/** The tokens of a Vary header, lower-cased. */
export function varyOf(res: WireResponse): string[] {
  const vary = res.headers.vary;
  const text = Array.isArray(vary) ? vary.join(',') : (vary ?? '');
  return text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}
