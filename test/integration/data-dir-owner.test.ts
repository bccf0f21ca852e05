// One owner of DATA_DIR, with the real processes: `npm start` (src/server/main.ts) on a temp folder
// with DEMO=0, and the real CLIs (tsx) on the same folder. The admin created while the server runs
// is created BY the server (control channel), so it signs in at once and survives a restart; a second
// server refuses with one line; a stale lock (a dead pid) is recovered; db:backup goes through the
// running server too. Embedded database only: PostgreSQL has many writers by design.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBackup } from '../../src/server/ops/backup-file.ts';
import { Api } from '../helpers/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folders: string[] = [];
const running = new Set<ServerChild>();

afterAll(async () => {
  for (const s of running) await s.stop();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'traguardi-owner-'));
  folders.push(dir);
  return dir;
}

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...rest } = process.env;
  return { ...rest, DATA_DIR: dataDir, DEMO: '0', PORT: '0', HOST: '127.0.0.1', BUILD_PWA: '0', ...extra };
}

interface ServerChild {
  url: string;
  pid: number;
  stop(): Promise<number | null>;
}

/** `npm start` as its own process (node + tsx, so the pid is the server's), ready when it says so. */
function startServer(dataDir: string): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: env(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (!m?.[1]) return;
      const server: ServerChild = {
        url: m[1].replace('localhost', '127.0.0.1'),
        pid: child.pid ?? -1,
        async stop() {
          running.delete(server);
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      };
      running.add(server);
      resolve(server);
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before it ran: ${err}`)));
  });
}

/** Runs a command to its end: node + tsx on a file of src/server. */
function runTool(file: string, args: string[], extraEnv: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: root,
    env: extraEnv,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

async function signIn(url: string, username: string, password: string): Promise<number> {
  return (await new Api(url).post('/api/auth/login', { username, password })).status;
}

describe('DATA_DIR has one owner (real processes)', () => {
  it('admin:create while the server runs goes through it: sign-in at once, and after a restart', async () => {
    const dir = tempFolder();
    const first = await startServer(dir);
    expect(await signIn(first.url, 'capo', 'segreto-lungo')).toBe(401);

    const created = runTool(
      'src/server/cli/admin-create.ts',
      ['--ente', 'Comune di Prova Owner', '--username', 'capo', '--display', 'Il Capo'],
      env(dir, { ADMIN_PASSWORD: 'segreto-lungo' }),
    );
    expect(created).toMatchObject({ status: 0, stderr: '' });
    expect(created.stdout).toContain(`through the running server, pid ${first.pid}`);
    expect(await signIn(first.url, 'capo', 'segreto-lungo')).toBe(200);

    // The same username again: refused by the server, in one line, exit ≠ 0.
    const again = runTool(
      'src/server/cli/admin-create.ts',
      ['--ente', 'Comune di Prova Owner', '--username', 'capo'],
      env(dir, { ADMIN_PASSWORD: 'segreto-lungo' }),
    );
    expect(again.status).not.toBe(0);
    expect(again.stderr).toBe('Not created: the username "capo" already exists');

    // A second `npm start` on the folder: one line naming the owner, exit ≠ 0, the first unharmed.
    const second = runTool('src/server/main.ts', [], env(dir));
    expect(second.status).not.toBe(0);
    expect(second.stderr.split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(await signIn(first.url, 'capo', 'segreto-lungo')).toBe(200);

    // db:backup through the running server: a whole backup of the embedded database.
    const file = join(dir, '..', `${dir.split('/').pop()}.backup`);
    folders.push(file);
    const backup = runTool('src/server/cli/db-backup.ts', [file], env(dir));
    expect(backup).toMatchObject({ status: 0, stderr: '' });
    expect(backup.stdout).toContain(`through the running server, pid ${first.pid}`);
    expect(decodeBackup(readFileSync(file), 'pglite')).toMatchObject({ ok: true });

    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dir, 'traguardi.lock'))).toBe(false);
    const restarted = await startServer(dir);
    expect(await signIn(restarted.url, 'capo', 'segreto-lungo')).toBe(200);
    await restarted.stop();

    // With no server running, the tool opens the folder itself (and leaves no lock behind).
    const direct = runTool(
      'src/server/cli/admin-create.ts',
      ['--ente', 'Comune di Prova Owner', '--username', 'vice'],
      env(dir, { ADMIN_PASSWORD: 'segreto-lungo' }),
    );
    expect(direct).toMatchObject({
      status: 0,
      stdout: 'Ente found: "Comune di Prova Owner". Admin "vice" created.',
    });
    expect(existsSync(join(dir, 'traguardi.lock'))).toBe(false);
    const third = await startServer(dir);
    expect(await signIn(third.url, 'vice', 'segreto-lungo')).toBe(200);
    await third.stop();
  }, 240_000);

  it('db:restore on the command line: one line and nothing touched when it refuses, a working folder when it restores', async () => {
    const source = tempFolder();
    const made = runTool(
      'src/server/cli/admin-create.ts',
      ['--ente', 'Comune di Prova Restore', '--username', 'capo'],
      env(source, { ADMIN_PASSWORD: 'segreto-lungo' }),
    );
    expect(made.status).toBe(0);
    const file = join(source, '..', `${source.split('/').pop()}.backup`);
    folders.push(file);
    expect(runTool('src/server/cli/db-backup.ts', [file], env(source)).status).toBe(0);

    const refused = (out: { status: number | null; stdout: string; stderr: string }) => {
      expect(out.status).not.toBe(0);
      expect(out.stdout).toBe('');
      // One line, no stack trace.
      expect(out.stderr.split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/^Not restored: /);
    };
    // Not a backup, into an empty (absent) folder: refused, and the folder is not even created.
    const junk = join(source, '..', `${source.split('/').pop()}.junk`);
    folders.push(junk);
    writeFileSync(junk, 'PK\u0003\u0004 this is a zip, not a backup');
    const target = join(tmpdir(), `traguardi-restore-${process.pid}-${Date.now()}`);
    folders.push(target);
    refused(runTool('src/server/cli/db-restore.ts', [junk], env(target)));
    expect(existsSync(target)).toBe(false);
    // A real backup into a folder that holds a database: refused, the folder as it was.
    refused(runTool('src/server/cli/db-restore.ts', [file], env(source)));

    const restored = runTool('src/server/cli/db-restore.ts', [file], env(target));
    expect(restored).toMatchObject({ status: 0, stderr: '' });
    const server = await startServer(target);
    expect(await signIn(server.url, 'capo', 'segreto-lungo')).toBe(200);
    await server.stop();
  }, 240_000);

  it('recovers a stale lock (its pid no longer runs) and refuses a live one', async () => {
    const dir = tempFolder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const lock = join(dir, 'traguardi.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: gone, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const server = await startServer(dir);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: server.pid, host: hostname() });
    expect(await new Api(server.url).get('/api/health')).toMatchObject({ status: 200 });
    await server.stop();

    // A live pid (this test's own process) is never taken over.
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const refused = runTool('src/server/main.ts', [], env(dir));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(`pid ${process.pid}`);
    expect(readFileSync(lock, 'utf8')).toContain(`"pid":${process.pid}`);
  }, 240_000);
});
