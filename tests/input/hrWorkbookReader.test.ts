import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHrWorkbookReflections, readHrWorkbookReflections } from '../../src/input/hrWorkbookReader.js';
import { renderHrWorkbook } from '../../src/render/hrWorkbook.js';
import { writeXlsx } from '../../src/write/xlsxWriter.js';
import { HOSTILE_NAME, hrWorkbookInput } from '../render/hrWorkbookInput.js';

type Xlsx = ExcelJS.Workbook['xlsx'];

/** Writes the HR workbook, lets `fill` act as HR in Excel, and saves it again. */
async function filledIn(fill: (sheet: ExcelJS.Worksheet) => void, input = hrWorkbookInput()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeXlsx(renderHrWorkbook(input))) as unknown as Parameters<Xlsx['load']>[0]);
  const sheet = workbook.getWorksheet('Reflektioner');
  if (!sheet) throw new Error('no Reflektioner');
  fill(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
});
