import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHrWorkbookReflections, readHrWorkbookReflections, readHrWorkbooks } from '../../src/input/hrWorkbookReader.js';
import { renderHrWorkbook } from '../../src/render/hrWorkbook.js';
import { writeXlsx } from '../../src/write/xlsxWriter.js';
import { HOSTILE_NAME, hrWorkbookInput } from '../render/hrWorkbookInput.js';

type Xlsx = ExcelJS.Workbook['xlsx'];

/** Writes the HR workbook, lets `fill` act as HR in Excel, and saves it again. */
async function filledIn(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void, input = hrWorkbookInput()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeXlsx(renderHrWorkbook(input))) as unknown as Parameters<Xlsx['load']>[0]);
  const sheet = workbook.getWorksheet('Reflektioner');
  if (!sheet) throw new Error('no Reflektioner');
  fill(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Column of a header in the Ärenden sheet (row 3). */
function caseColumn(workbook: ExcelJS.Workbook, header: string): number {
  const sheet = workbook.getWorksheet('Ärenden')!;
  let found = 0;
  sheet.getRow(3).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (found === 0) throw new Error(`no column ${header}`);
  return found;
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).formatLines();
}

describe('parseHrWorkbookReflections', () => {
  it('reads back what HR wrote in Reflektioner', async () => {
    // Rows: 7 overall, 8 risks, 9 needs, 10 deeper support; cases from row 13: C-102, C-101, C-103, C-104.
    const buffer = await filledIn((sheet) => {
      sheet.getCell('C7').value = 'Chefen arbetar strukturerat men har många ärenden.';
      sheet.getCell('C8').value = { richText: [{ text: 'Hög ' }, { font: { bold: true }, text: 'arbetsbelastning' }] };
      sheet.getCell('C9').value = 'Utbildning i rehabiliteringsprocessen.\nStöd vid prioritering.';
      sheet.getCell('C10').value = 'Ja';
      sheet.getCell('F15').value = 'Fördjupat stöd erbjudet';
      sheet.getCell('G15').value = 'Ny plan bokad till mars.';
      sheet.getCell('F14').value = 'bedrivs systematiskt';
    });
    const reflections = await parseHrWorkbookReflections(buffer, 'anna.xlsx');
    expect(reflections).toEqual({
      period: '2027-vår',
      managerName: 'Anna Berg',
      managerEmail: 'anna.berg@example.se',
      hrSpecialist: 'Karin Holm',
      overall: 'Chefen arbetar strukturerat men har många ärenden.',
      risks: 'Hög arbetsbelastning',
      needs: 'Utbildning i rehabiliteringsprocessen.\nStöd vid prioritering.',
      deeperSupportBooked: true,
      cases: [
        { caseId: 'C-102', assessmentAfterMeeting: null, comment: '' },
        { caseId: 'C-101', assessmentAfterMeeting: 'systematic', comment: '' },
        { caseId: 'C-103', assessmentAfterMeeting: 'deeper_support_offered', comment: 'Ny plan bokad till mars.' },
        { caseId: 'C-104', assessmentAfterMeeting: null, comment: '' },
      ],
      caseNotes: [],
    });
  });

  it('reads an untouched workbook as empty answers, and undoes the formula guard on names rehab wrote', async () => {
    const input = hrWorkbookInput({ manager: { name: HOSTILE_NAME, email: 'chef@example.se' }, hrSpecialist: null });
    const reflections = await parseHrWorkbookReflections(await filledIn(() => {}, input), 'x.xlsx');
    expect(reflections.managerName).toBe(HOSTILE_NAME);
    expect(reflections.hrSpecialist).toBeNull();
    expect(reflections.deeperSupportBooked).toBeNull();
    expect([reflections.overall, reflections.risks, reflections.needs]).toEqual(['', '', '']);
    expect(reflections.cases.map((c) => c.assessmentAfterMeeting)).toEqual([null, null, null, null]);
  });

  it('finds its rows by key when HR inserts a row and renames the sheet', async () => {
    const buffer = await filledIn((sheet) => {
      sheet.spliceRows(7, 0, [null, 'Mötet hölls 2027-03-04']);
      sheet.name = 'Efter mötet';
      sheet.getCell('C8').value = 'Flyttad rad';
      sheet.getCell('C11').value = 'Nej';
      sheet.getCell('F16').value = 'Behöver stöd';
    });
    const reflections = await parseHrWorkbookReflections(buffer, 'x.xlsx');
    expect(reflections.overall).toBe('Flyttad rad');
    expect(reflections.deeperSupportBooked).toBe(false);
    expect(reflections.cases.find((c) => c.caseId === 'C-103')?.assessmentAfterMeeting).toBe('needs_support');
  });

  it('reports values outside the drop-down lists with file, row and field', async () => {
    const buffer = await filledIn((sheet) => {
      sheet.getCell('C10').value = 'Kanske';
      sheet.getCell('F13').value = 'Bra';
    });
    expect(await problemsOf(parseHrWorkbookReflections(buffer, 'anna.xlsx'))).toEqual([
      'anna.xlsx:10: Fördjupat stöd bokat: okänt värde, välj Ja eller Nej (Kanske)',
      'anna.xlsx:13: HR:s bedömning efter mötet: okänt värde, välj ett av: Bedrivs systematiskt, Delvis systematiskt, Behöver stöd, Fördjupat stöd erbjudet (Bra)',
    ]);
  });

  it('rejects a workbook without the marker and a file that is not a workbook', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Reflektioner').getCell('A1').value = 'något annat';
    const otherBuffer = Buffer.from(await other.xlsx.writeBuffer());
    expect(await problemsOf(parseHrWorkbookReflections(otherBuffer, 'annan.xlsx'))).toEqual([
      'annan.xlsx: bladet Reflektioner från rehab saknas (markeringen "rehab-reflektioner v1" finns inte)',
    ]);
    expect(await problemsOf(parseHrWorkbookReflections(Buffer.from('inte en zip'), 'fel.xlsx'))).toEqual([
      'fel.xlsx: filen kan inte läsas som en Excel-fil (.xlsx)',
    ]);
  });

  it('reads a file from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rehab-reader-'));
    try {
      const path = join(dir, 'anna.xlsx');
      await writeFile(path, await filledIn((sheet) => (sheet.getCell('C9').value = 'Handledning')));
      expect((await readHrWorkbookReflections(path)).needs).toBe('Handledning');
      expect(await problemsOf(readHrWorkbookReflections(join(dir, 'saknas.xlsx'), 'saknas.xlsx'))).toEqual(['saknas.xlsx: filen kan inte läsas']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads HR notes and proposals from the case table, also when HR re-sorts it and inserts a row above', async () => {
    const buffer = await filledIn((_sheet, workbook) => {
      const cases = workbook.getWorksheet('Ärenden')!;
      const note = caseColumn(workbook, 'HR:s anteckningar');
      const proposal = caseColumn(workbook, 'Förslag på fortsatt arbete');
      const idColumn = caseColumn(workbook, 'Ärende');
      // Rows 4.. hold the cases; find C-103's row, write there, then move the whole table down a row.
      let row103 = 0;
      cases.eachRow((row, rowNumber) => {
        if (row.getCell(idColumn).value === 'C-103') row103 = rowNumber;
      });
      cases.getCell(row103, note).value = 'Kontakt med företagshälsovården.';
      cases.getCell(row103, proposal).value = { richText: [{ text: 'Ny plan ' }, { text: 'inom 4 veckor' }] };
      cases.spliceRows(2, 0, ['Egen rad från HR']);
    });
    const reflections = await parseHrWorkbookReflections(buffer, 'x.xlsx');
    expect(reflections.caseNotes).toEqual([{ caseId: 'C-103', note: 'Kontakt med företagshälsovården.', proposal: 'Ny plan inom 4 veckor' }]);
  });

  it('never evaluates a formula: the cached result, else the formula as text', async () => {
    const buffer = await filledIn((sheet) => {
      sheet.getCell('C7').value = { formula: 'HYPERLINK("http://example.invalid","klicka")', result: 'klicka' };
      sheet.getCell('C8').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
    });
    const reflections = await parseHrWorkbookReflections(buffer, 'x.xlsx');
    expect(reflections.overall).toBe('klicka');
    expect(reflections.risks).toBe('=1+1');
  });
});

describe('readHrWorkbooks', () => {
  async function folderWith(files: Record<string, Buffer>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'rehab-workbooks-'));
    for (const [name, data] of Object.entries(files)) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), data);
    }
    return dir;
  }

  it('reads every workbook under the folder and skips lock files and hidden folders', async () => {
    const anna = await filledIn((sheet) => (sheet.getCell('C7').value = 'Anna'));
    const dir = await folderWith({
      'Chefer/E1 Norr/Alt 1.xlsx': anna,
      'Chefer/E1 Norr/~$Alt 1.xlsx': Buffer.from('lock'),
      '.2027-vår.pagar-1/Alt 1.xlsx': Buffer.from('half-written'),
      'Chefer/E1 Norr/anteckning.txt': Buffer.from('text'),
    });
    try {
      const read = await readHrWorkbooks(dir, '2027-vår');
      expect(read.map((entry) => [entry.file, entry.reflections.overall])).toEqual([['Chefer/E1 Norr/Alt 1.xlsx', 'Anna']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects, all at once, a file that is not ours, one from another period and a second workbook for one manager', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Blad1').getCell('A1').value = 'budget';
    const autumn = await filledIn(() => {}, hrWorkbookInput({ period: '2026-höst' }));
    const spring = await filledIn(() => {});
    const dir = await folderWith({
      'a/Alt 1.xlsx': spring,
      'b/Alt 1 kopia.xlsx': spring,
      'c/budget.xlsx': Buffer.from(await other.xlsx.writeBuffer()),
      'd/Alt 1.xlsx': autumn,
      'e/trasig.xlsx': Buffer.from('PK\u0003\u0004 trasig'),
    });
    try {
      expect(await problemsOf(readHrWorkbooks(dir, '2027-vår'))).toEqual([
        'b/Alt 1 kopia.xlsx: samma enhetschef som i a/Alt 1.xlsx: ta bort den ena arbetsboken',
        'c/budget.xlsx: bladet Reflektioner från rehab saknas (markeringen "rehab-reflektioner v1" finns inte)',
        'd/Alt 1.xlsx: Period: arbetsboken gäller en annan period än analysen (2027-vår) (2026-höst)',
        'e/trasig.xlsx: filen kan inte läsas som en Excel-fil (.xlsx)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('skips an earlier analysis and, given the folder above the periods, says which folder to give', async () => {
    const autumn = await filledIn(() => {}, hrWorkbookInput({ period: '2026-höst' }));
    const spring = await filledIn(() => {});
    const dir = await folderWith({
      '2026-höst/Chefer/E1/Alt 1.xlsx': autumn,
      '2027-vår/Chefer/E1/Alt 1.xlsx': spring,
      '2026-höst analys/Analys av rehabiliteringsarbetet i förvaltningen 2026-höst.xlsx': Buffer.from('not read'),
    });
    try {
      expect(await problemsOf(readHrWorkbooks(dir, '2027-vår'))).toEqual([
        `${dir}: --workbooks: ange periodens mapp ${join(dir, '2027-vår')}`,
        '2026-höst/Chefer/E1/Alt 1.xlsx: Period: arbetsboken gäller en annan period än analysen (2027-vår) (2026-höst)',
      ]);
      expect(await readHrWorkbooks(join(dir, '2027-vår'), '2027-vår')).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
