/**
 * `npm run -s plan:parse -- FILE`: the plan importer on a file, for checking a pasted plan before
 * loading it. Prints the parsed plan as JSON on stdout and exits 0; on any problem prints one line
 * on stderr and exits 1, so scripts can rely on the exit code and humans on the message.
 * Input is read as UTF-8 (a BOM is dropped; a UTF-16 BOM switches to UTF-16, as Windows editors
 * save "Unicode" text that way); undecodable bytes become U+FFFD rather than an error.
 */
import { readFile } from 'node:fs/promises';
import { parsePlanText } from '../../domain/plan-text/parse-plan-text.ts';

const PROGRAM = 'plan:parse';

function decodeText(bytes: Uint8Array): string {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function readFailure(file: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `file non trovato: ${file}`;
  if (code === 'EISDIR') return `non è un file: ${file}`;
  if (code === 'EACCES' || code === 'EPERM') return `permesso negato: ${file}`;
  return `impossibile leggere ${file}${code === '' ? '' : ` (${code})`}`;
}

interface CliOutcome {
  exitCode: 0 | 1;
  stdout: string;
  stderr: string;
}

async function runPlanParse(args: readonly string[]): Promise<CliOutcome> {
  const fail = (reason: string): CliOutcome => ({
    exitCode: 1,
    stdout: '',
    stderr: `${PROGRAM}: ${reason.replace(/\s+/g, ' ')}\n`,
  });
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) return fail('uso: npm run -s plan:parse -- FILE');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail(readFailure(file, error));
  }
  const result = parsePlanText(decodeText(bytes));
  if (!result.ok) return fail(result.error.message);
  return { exitCode: 0, stdout: `${JSON.stringify(result.plan, null, 2)}\n`, stderr: '' };
}

const outcome = await runPlanParse(process.argv.slice(2));
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
