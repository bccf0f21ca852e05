import { describe, expect, it } from 'vitest';
import { SAMPLE_PLAN } from '../../domain/plan-text/sample-plan.fixture.ts';
import { planTableRows, templateRows } from '../../domain/plan-table/write-plan-table.ts';
import type { ParsedPlan } from '../../domain/plan-text/parsed-plan.ts';
import { csvFromRows, xlsxFromRows } from './plan-files.ts';
import { readPlanContent } from './read-plan-content.ts';

function content(plan: ParsedPlan) {
  return JSON.parse(
    JSON.stringify(plan.areas, (key, value: unknown) =>
      key === 'line' || key === 'heading' ? undefined : value,
    ),
  ) as unknown;
}

async function read(format: 'text' | 'csv' | 'xlsx', text: string) {
  const result = await readPlanContent(format, text);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

describe('plan files', () => {
  it('a CSV export of the sample reads back to the same plan', async () => {
    const csv = await csvFromRows(planTableRows(SAMPLE_PLAN.areas));
    expect(csv.startsWith('\ufeffArea;')).toBe(true);
    expect(content((await read('csv', csv)).plan)).toEqual(content(SAMPLE_PLAN));
  });

  it('an XLSX export of the sample reads back to the same plan', async () => {
    const xlsx = await xlsxFromRows(planTableRows(SAMPLE_PLAN.areas), 'Piano');
    const base64 = Buffer.from(xlsx).toString('base64');
    expect(content((await read('xlsx', base64)).plan)).toEqual(content(SAMPLE_PLAN));
  });

  it('reads a ,-separated CSV without BOM and decimal commas in a ;-separated one', async () => {
    const comma = 'Area,N. obiettivo,Obiettivo,Peso Giunta\r\nTributi,1,Recupero,"12,5"\r\n';
    expect((await read('csv', comma)).plan.areas[0]?.objectives[0]?.weights.giunta).toBe(12.5);
    const semicolon = '\ufeffArea;N. obiettivo;Obiettivo;Peso Giunta\nTributi;1;Recupero;12,5\n';
    expect((await read('csv', semicolon)).plan.areas[0]?.objectives[0]?.weights.giunta).toBe(12.5);
  });

  it('reads the XLSX template and real dates in cells', async () => {
    const rows = templateRows('it');
    const xlsx = await xlsxFromRows(rows, 'Modello');
    const plan = (await read('xlsx', Buffer.from(xlsx).toString('base64'))).plan;
    expect(plan.areas[0]?.objectives[0]?.phases[0]?.deadline).toBe('2026-06-30');
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Area', 'N. obiettivo', 'Obiettivo', 'Fase', 'Scadenza'],
      ['A', 1, 'T', 'F', new Date(2026, 8, 30)],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'x');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    const dated = (await read('xlsx', Buffer.from(bytes).toString('base64'))).plan;
    expect(dated.areas[0]?.objectives[0]).toMatchObject({
      number: '1',
      phases: [{ deadline: '2026-09-30' }],
    });
  });

  it('refuses what it cannot read, naming where', async () => {
    expect(
      await readPlanContent('xlsx', Buffer.from('not a workbook at all').toString('base64')),
    ).toMatchObject({
      ok: false,
    });
    expect(await readPlanContent('xlsx', '%%%')).toMatchObject({ ok: false });
    const bad = 'Area;N. obiettivo;Obiettivo;Scadenza\nA;1;T;31/02/2026\n';
    expect(await readPlanContent('csv', bad)).toEqual({
      ok: false,
      problem: {
        row: 2,
        column: 'D',
        message:
          'riga 2, colonna D (Scadenza): scadenza non valida "31/02/2026" (attesa una data gg/mm/aaaa)',
        messageEn: 'row 2, column D (Scadenza): invalid deadline "31/02/2026" (expected a dd/mm/yyyy date)',
      },
    });
    expect(await readPlanContent('text', 'nothing here')).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('nessuna tabella') as unknown },
    });
  });

  it('warns of the lines of a text it placed nowhere, naming them', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(
      new URL('../demo/asola-piao-2022-performance.txt', import.meta.url),
      'utf8',
    ).split('\n');
    const firstRow = lines.findIndex((l, i) => i > 130 && /^\d+\t/.test(l));
    lines.splice(firstRow + 1, 0, 'Nota a margine');
    const result = await read('text', lines.join('\n'));
    expect(result.warnings.filter((w) => w.code === 'line_not_placed')).toEqual([
      {
        code: 'line_not_placed',
        line: firstRow + 2,
        message: `riga ${firstRow + 2}: non collocata in nessun obiettivo o fase, ignorata: «Nota a margine»`,
        messageEn: `line ${firstRow + 2}: not placed in any objective or phase, left out: “Nota a margine”`,
      },
    ]);
  });

  it('reads the text of the sample with its acts and warnings', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../demo/asola-piao-2022-performance.txt', import.meta.url), 'utf8');
    const result = await read('text', text);
    expect(result.plan.acts).toHaveLength(3);
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});
