/**
 * Plan files at the edge: CSV (papaparse) and XLSX (SheetJS 0.20.3) turned into the rows the pure
 * table reader takes (domain/plan-table), and rows into files for the template and the exports.
 * The libraries are imported on first use, so a server that never sees a spreadsheet never loads them.
 *
 * CSV: UTF-8 with or without BOM, `;` (as Italian spreadsheets write it), `,` or tab, detected from
 * the header line. Written `;`-separated with a BOM (Excel then reads UTF-8) and decimal commas.
 * XLSX: the first sheet; dates read as dates (dd/mm/yyyy out), numbers as numbers.
 */
import type { TableCell } from '../../domain/plan-table/read-plan-table.ts';
import type { OutCell } from '../../domain/plan-table/write-plan-table.ts';

export type FileRead =
  { ok: true; rows: TableCell[][] } | { ok: false; row: number | null; message: string; messageEn: string };

const BOM = '\ufeff';

function delimiterOf(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ';';
}

export async function rowsFromCsv(content: string): Promise<FileRead> {
  const { default: Papa } = await import('papaparse');
  const text = content.startsWith(BOM) ? content.slice(BOM.length) : content;
  // Empty lines are kept so row numbers match what a spreadsheet shows; the reader skips them.
  const parsed = Papa.parse<string[]>(text, { delimiter: delimiterOf(text), skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = fatal.row === undefined ? null : fatal.row + 1;
    return {
      ok: false,
      row,
      message: `${row === null ? '' : `riga ${row}: `}virgolette non chiuse`,
      messageEn: `${row === null ? '' : `row ${row}: `}unclosed quotes`,
    };
  }
  return { ok: true, rows: parsed.data };
}

function isoOfLocalDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function rowsFromXlsx(bytes: Uint8Array): Promise<FileRead> {
  const XLSX = await import('@e965/xlsx');
  let workbook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  } catch {
    return {
      ok: false,
      row: null,
      message: 'il file non è un foglio XLSX leggibile',
      messageEn: 'the file is not a readable XLSX workbook',
    };
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet) return { ok: true, rows: [] };
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: '',
    blankrows: true,
  });
  // SheetJS builds a Date in local time from the cell's serial day; read it back the same way.
  const rows = raw.map((cells) =>
    cells.map((cell): TableCell => {
      if (cell instanceof Date) return isoOfLocalDate(cell);
      if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
      return '';
    }),
  );
  return { ok: true, rows };
}

function csvCell(cell: OutCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return cell;
}

export async function csvFromRows(rows: readonly (readonly OutCell[])[]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return (
    BOM +
    Papa.unparse(
      rows.map((r) => r.map(csvCell)),
      { delimiter: ';', newline: '\r\n' },
    )
  );
}

export async function xlsxFromRows(
  rows: readonly (readonly OutCell[])[],
  sheetName: string,
): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => c ?? '')));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, sheetName.slice(0, 31));
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
