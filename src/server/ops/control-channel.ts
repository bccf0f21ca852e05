/**
 * The owning server's control channel: a Unix socket in DATA_DIR (mode 0600, in a 0700 folder) that
 * takes a tiny set of commands, so the CLIs that need the embedded database while the server holds
 * it (admin:create, db:backup) go THROUGH the server instead of opening the folder a second time.
 *
 * Wire: the client sends one JSON line, the server answers one JSON line `{"ok","message"}` and
 * closes. Only processes of the owner's user can connect (file permissions); there is no other
 * authentication, so the commands are the ones that user could run on the folder anyway.
 * Commands are not idempotent by themselves: admin.create refuses a taken username, a backup
 * overwrites its file; a client that lost the answer may run the command again.
 */
import { chmodSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';

export type ControlRequest =
  | { command: 'admin.create'; ente: string; username: string; displayName: string; password: string }
  | { command: 'backup'; file: string };

export interface ControlAnswer {
  ok: boolean;
  message: string;
}

export type ControlHandler = (request: ControlRequest) => Promise<ControlAnswer>;

const MAX_REQUEST = 64 * 1024;

function parseRequest(line: string): ControlRequest | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    const s = (k: string) => (typeof v[k] === 'string' ? v[k] : null);
    if (v.command === 'backup' && s('file')) return { command: 'backup', file: s('file') ?? '' };
    if (v.command === 'admin.create') {
      const ente = s('ente');
      const username = s('username');
      const displayName = s('displayName');
      const password = s('password');
      if (ente !== null && username !== null && displayName !== null && password !== null) {
        return { command: 'admin.create', ente, username, displayName, password };
      }
    }
  } catch {
    // answered below as an unknown request
  }
  return null;
}

function removeSocket(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Listens on `path`. Call only while holding DATA_DIR's lock: a socket file already there is a
 * crashed owner's and is replaced.
 */
export async function startControlChannel(
  path: string,
  handle: ControlHandler,
): Promise<{ close(): Promise<void> }> {
  removeSocket(path);
  const server: Server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {}); // a client that went away: nothing to answer
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end < 0 && buffer.length < MAX_REQUEST) return;
      socket.removeAllListeners('data');
      const request = end < 0 ? null : parseRequest(buffer.slice(0, end));
      const answer: Promise<ControlAnswer> = request
        ? handle(request).catch((error: unknown) => ({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          }))
        : Promise.resolve({ ok: false, message: 'unknown control request' });
      void answer.then((a) => socket.end(`${JSON.stringify(a)}\n`));
    });
  });
  // The socket file is created by listen() with the process umask: narrow it for that call so the
  // file is never, even briefly, reachable by other users; chmod again in case the umask is ignored.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          removeSocket(path);
          resolve();
        });
      }),
  };
}

/** Sends one request; null when no server listens on `path` (absent, or a dead owner's socket). */
export function askControlChannel(path: string, request: ControlRequest): Promise<ControlAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (c: string) => (text += c));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) resolve(null);
      else reject(error);
    });
    socket.on('end', () => {
      try {
        const a = JSON.parse(text) as Partial<ControlAnswer>;
        resolve({ ok: a.ok === true, message: typeof a.message === 'string' ? a.message : '' });
      } catch {
        reject(new Error('the server answered something unreadable on its control channel'));
      }
    });
  });
}
