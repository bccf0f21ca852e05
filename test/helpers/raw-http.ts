/**
 * A raw HTTP/1.1 client over one TCP socket that behaves like Python's urllib: it writes the whole
 * request (body in chunks, a pause between them) and only then reads the answer. A server that
 * answers early and closes makes its writes fail (EPIPE/ECONNRESET) — what refusals.test.ts proves
 * never happens. Several requests go one after another on the same socket (keep-alive).
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body: Uint8Array;
  /** Bytes per write (default 64 KiB) and the pause after each (default 1 ms). */
  chunkBytes?: number;
  pauseMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RawConnection {
  private buffer = Buffer.alloc(0);
  private error: Error | null = null;
  private closed = false;
  private wake: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    socket.on('error', (err) => {
      this.error = err;
      this.wake?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  static open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port: Number(port) }, () =>
        resolve(new RawConnection(socket)),
      );
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes everything, then reads one answer; rejects with the socket's error (EPIPE, ECONNRESET). */
  async request(req: RawRequest): Promise<RawResponse> {
    const head = [
      `${req.method} ${req.path} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Connection: keep-alive',
      `Content-Length: ${req.body.length}`,
      ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    await this.write(Buffer.from(head, 'latin1'));
    const step = req.chunkBytes ?? 64 * 1024;
    for (let at = 0; at < req.body.length; at += step) {
      await this.write(req.body.subarray(at, at + step));
      await pause(req.pauseMs ?? 1);
    }
    return this.readResponse();
  }

  close(): void {
    this.socket.destroy();
  }

  private write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.error) return reject(this.error);
      this.socket.write(bytes, (err) => (err ? reject(err) : this.error ? reject(this.error) : resolve()));
    });
  }

  private async readResponse(): Promise<RawResponse> {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const lines = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
        const status = Number(lines[0]?.split(' ')[1]);
        const headers: Record<string, string> = {};
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        const length = Number(headers['content-length'] ?? 0);
        if (this.buffer.length >= end + 4 + length) {
          const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
          this.buffer = this.buffer.subarray(end + 4 + length);
          return { status, headers, body };
        }
      }
      if (this.error) throw this.error;
      if (this.closed) throw new Error('connection closed before a whole answer');
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}
