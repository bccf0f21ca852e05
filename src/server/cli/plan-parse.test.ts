import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(
  new URL('../../../test/fixtures/asola-piao-2022-performance.txt', import.meta.url),
);
const SHARED_FIXTURE = fileURLToPath(
  new URL('../../../../shared/fixtures/asola-piao-2022-performance.txt', import.meta.url),
);
// The tsx binary that `npx tsx` would run, called directly so npm's own warnings stay out of stderr.
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function planParse(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/server/cli/plan-parse.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-parse-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run plan:parse', () => {
  it('prints the sample plan as JSON and exits 0', async () => {
    const run = await planParse(FIXTURE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { ente: string; areas: { name: string; objectives: unknown[] }[] };
    expect(plan.ente).toBe('Città di Asola');
    expect(plan.areas.map((a) => [a.name, a.objectives.length])).toEqual([
      ['Servizi alla persona', 7],
      ['Servizio SUAP URP e risorse umane', 7],
      ['Servizi amministrativi e finanziari', 8],
    ]);
    expect(run.stdout).toMatch(/^\{\n {2}"ente"/);
  });

  it('reads a UTF-8 file with a BOM and CRLF endings the same', async () => {
    const text = (await readFile(FIXTURE, 'utf8')).replace(/\n/g, '\r\n');
    const file = join(dir, 'bom.txt');
    await writeFile(file, `\ufeff${text}`, 'utf8');
    const [plain, withBom] = await Promise.all([planParse(FIXTURE), planParse(file)]);
    expect(withBom.code).toBe(0);
    expect(withBom.stdout).toBe(plain.stdout);
  });

  it('refuses a bad file with one line on stderr and exit 1', async () => {
    const text = (await readFile(FIXTURE, 'utf8')).split('\n');
    text[45] = (text[45] ?? '').replace('31/12/2022', '31/13/2022');
    const file = join(dir, 'bad.txt');
    await writeFile(file, text.join('\n'), 'utf8');
    const run = await planParse(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('plan:parse: riga 46: data non valida "31/13/2022"\n');
  });

  it('refuses a missing file, and no file at all', async () => {
    const missing = await planParse(join(dir, 'missing.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^plan:parse: file non trovato: .*missing\.txt\n$/);
    const none = await planParse();
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('plan:parse: uso: npm run -s plan:parse -- FILE\n');
  });

  it('refuses a directory and an empty file', async () => {
    const directory = await planParse(dir);
    expect(directory.code).toBe(1);
    expect(directory.stderr.trimEnd().split('\n')).toHaveLength(1);
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const run = await planParse(empty);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'plan:parse: il testo è vuoto\n' });
  });
});

describe('test/fixtures copy of the sample', () => {
  it.skipIf(!existsSync(SHARED_FIXTURE))('matches ../shared/fixtures', async () => {
    expect(await readFile(FIXTURE, 'utf8')).toBe(await readFile(SHARED_FIXTURE, 'utf8'));
  });
});
