// Stockholm time (UTC+1 in winter) is where a local-midnight Date would turn 2027-01-31 into 2027-01-30.
process.env.TZ = 'Europe/Stockholm';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHrWorkbook } from '../../src/render/hrWorkbook.js';
import type { WorkbookModel } from '../../src/render/workbookModel.js';
import { writeXlsx } from '../../src/write/xlsxWriter.js';
import { HOSTILE_NAME, hrWorkbookInput } from '../render/hrWorkbookInput.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

async function zipText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async('string');
}

/** Worksheet XML by sheet name, through workbook.xml and its relationships. */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const workbookXml = await zipText(zip, 'xl/workbook.xml');
  const relsXml = await zipText(zip, 'xl/_rels/workbook.xml.rels');
  const relId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbookXml)?.[1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1];
  if (!relId || !target) throw new Error(`no part for sheet ${name}`);
  return zipText(zip, `xl/${target.replace(/^\/?xl\//, '')}`);
}

describe('writeXlsx: the HR workbook', () => {
  let buffer: Buffer;
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    buffer = await writeXlsx(renderHrWorkbook(hrWorkbookInput()));
    workbook = await load(buffer);
    zip = await JSZip.loadAsync(buffer);
  });

  it('has the sheets, the list sheet hidden', () => {
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['Översikt', 'visible'],
      ['Ärenden', 'visible'],
      ['Sjukfrånvaro utan ärende', 'visible'],
      ['Upprepad korttidsfrånvaro', 'visible'],
      ['Reflektioner', 'visible'],
      ['Listor', 'hidden'],
    ]);
    const lists = worksheet(workbook, 'Listor');
    expect([2, 3, 4, 5].map((r) => lists.getCell(r, 1).value)).toEqual(['Bedrivs systematiskt', 'Delvis systematiskt', 'Behöver stöd', 'Fördjupat stöd erbjudet']);
    expect([2, 3].map((r) => lists.getCell(r, 2).value)).toEqual(['Ja', 'Nej']);
  });

  it('colours status words by conditional formats that follow edits, and milestone soon by a fixed fill', async () => {
    const cases = worksheet(workbook, 'Ärenden');
    // Rows 4–7: C-102, C-101, C-103, C-104; E = certificate status, M = assessment.
    expect(cases.getCell('A6').value).toBe('C-103');
    expect(cases.getCell('E6').value).toBe('Har gått ut');
    expect(cases.getCell('E6').fill).not.toMatchObject({ pattern: 'solid' });
    expect(cases.getCell('M6').value).toBe('Behöver stöd');
    const xml = await sheetXml(zip, 'Ärenden');
    const block = /<conditionalFormatting sqref="E4:E7">(.*?)<\/conditionalFormatting>/.exec(xml)?.[1] ?? '';
    const rules = [...block.matchAll(/<cfRule type="cellIs" dxfId="(\d+)" priority="(\d+)" operator="equal"><formula>([^<]*)<\/formula><\/cfRule>/g)];
    expect(rules.map((rule) => rule[3]!.replace(/&quot;/g, '"'))).toEqual(['"Ja"', '"Saknas"', '"Har gått ut"', '"Går snart ut"', '"Ej aktuellt"']);
    // The rule for "Har gått ut" points at a differential style with Excel's "Bad" fill.
    const styles = await zipText(zip, 'xl/styles.xml');
    const dxfs = [...(/<dxfs[^>]*>(.*?)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>(.*?)<\/dxf>/g)].map((match) => match[1]!);
    expect(dxfs[Number(rules[2]![1])]).toContain('<bgColor rgb="FFFFC7CE"/>');
    expect(dxfs[Number(rules[3]![1])]).toContain('<bgColor rgb="FFFFEB9C"/>');
    // Priorities are unique across the sheet (Excel repairs duplicates).
    const priorities = [...xml.matchAll(/priority="(\d+)"/g)].map((match) => match[1]);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(priorities.length).toBeGreaterThanOrEqual(5 + 3 + 5 + 4 + 3);
    expect(cases.getCell('N6').value).toBe('Dag 365');
    expect(cases.getCell('P6').value).toBeNull();
    expect(cases.getCell('P6').alignment).toMatchObject({ wrapText: true });
  });

  it('stores dates as the right calendar day with a date format', async () => {
    const cases = worksheet(workbook, 'Ärenden');
    const certificateTo = cases.getCell('F6');
    expect(certificateTo.value).toBeInstanceOf(Date);
    expect((certificateTo.value as Date).getTime()).toBe(Date.UTC(2027, 0, 31));
    expect(certificateTo.numFmt).toBe('yyyy-mm-dd');
    expect((cases.getCell('O6').value as Date).getTime()).toBe(Date.UTC(2027, 6, 25));
    // Serial day: 2000-01-01 is 36526; + 27 × 365 + 7 leap days (2000–2024) = 46388 for 2027-01-01; + 30 → 46418.
    expect(await sheetXml(zip, 'Ärenden')).toMatch(/<c r="F6" s="\d+"><v>46418<\/v><\/c>/);
    // An unknown date is an empty cell.
    expect(cases.getCell('J6').value).toBeNull();
  });

  it('never lets a date wrap or show as ###: every date column is wide enough for yyyy-mm-dd at its font size', async () => {
    const xml = await sheetXml(zip, 'Ärenden');
    const widths = new Map([...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].flatMap((m) => {
      const out: [number, number][] = [];
      for (let column = Number(m[1]); column <= Number(m[2]); column++) out.push([column, Number(m[3])]);
      return out;
    }));
    const cases = worksheet(workbook, 'Ärenden');
    let dates = 0;
    cases.eachRow((row) =>
      row.eachCell((cell) => {
        if (!(cell.value instanceof Date)) return;
        dates += 1;
        // Calibri digits are 0.507 em, the hyphen 0.306 em: 8 × 0.507 + 2 × 0.306 = 4.67 em; at 10 pt (13.3 px) that is 62 px,
        // plus 2 × 2 px cell padding; a width unit is 7 px (Calibri 11 digit).
        const needed = (4.67 * ((cell.font?.size ?? 11) * 96) / 72 + 4) / 7;
        expect(widths.get(Number(cell.col))).toBeGreaterThanOrEqual(needed);
        expect(cell.alignment?.wrapText ?? false).toBe(false);
      }),
    );
    expect(dates).toBeGreaterThan(10);
  });

  it('stores percentages as numbers with one decimal', () => {
    const overview = worksheet(workbook, 'Översikt');
    const solrosen = overview.getColumn(1).values.indexOf('Daglig verksamhet Solrosen');
    expect(solrosen).toBeGreaterThan(0);
    expect(overview.getCell(solrosen, 5).value).toBe(9.5);
    expect(overview.getCell(solrosen, 5).numFmt).toBe('0.0');
    expect(overview.getCell(solrosen, 7).value).toBe(2.5);
    expect(overview.getCell(solrosen, 7).numFmt).toBe('+0.0;-0.0;0.0');
    expect(overview.getCell(solrosen, 2).numFmt).toBe('0');
    expect(overview.getCell('B6').value).toEqual(new Date(Date.UTC(2027, 1, 10)));
  });

  it('neutralises a formula-like name and writes no formula at all', async () => {
    expect(worksheet(workbook, 'Ärenden').getCell('B4').value).toBe(`'${HOSTILE_NAME}`);
    expect(worksheet(workbook, 'Reflektioner').getCell('C13').value).toBe(`'${HOSTILE_NAME}`);
    const sheetParts = Object.keys(zip.files).filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path));
    expect(sheetParts).toHaveLength(6);
    for (const part of sheetParts) expect(await zipText(zip, part)).not.toMatch(/<f[\s>]/);
  });

  it('freezes the header, filters it and sets up printing', async () => {
    const cases = worksheet(workbook, 'Ärenden');
    expect(cases.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(cases.autoFilter).toBe('A3:Z7');
    // The case table prints at 85 %, Ärende and Medarbetare repeated on each page; the other sheets fit one page across.
    expect(cases.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: false, scale: 85, printTitlesRow: '3:3', printTitlesColumn: 'A:B' });
    expect(await sheetXml(zip, 'Ärenden')).toMatch(/<pageSetup paperSize="9" orientation="landscape" scale="85"\/>/);
    for (const name of ['Översikt', 'Upprepad korttidsfrånvaro', 'Reflektioner']) {
      const xml = await sheetXml(zip, name);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    }
    const workbookXml = await zipText(zip, 'xl/workbook.xml');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Ärenden&apos;!$A:$B,&apos;Ärenden&apos;!$3:$3</definedName>');
    expect(workbookXml).toContain('activeTab="0"');
  });

  it('points the drop-downs at the hidden list sheet', async () => {
    const xml = await sheetXml(zip, 'Reflektioner');
    expect(xml).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Ogiltigt värde" error="Välj ett värde i listan\." sqref="F13:F16"><formula1>Listor!\$A\$2:\$A\$5<\/formula1><\/dataValidation>/);
    expect(xml).toMatch(/sqref="C10"><formula1>Listor!\$B\$2:\$B\$3<\/formula1>/);
    expect(xml).toContain('<mergeCell ref="C7:G7"/>');
    expect(worksheet(workbook, 'Reflektioner').getColumn(1).hidden).toBe(true);
  });

  it('carries no personal names in the document properties', async () => {
    const core = await zipText(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>rehab</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>rehab</cp:lastModifiedBy>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-02-10T00:00:00Z</dcterms:created>');
    const app = await zipText(zip, 'docProps/app.xml');
    for (const name of ['Anna', 'Berg', 'Karin', 'Holm', 'Erik']) {
      expect(core).not.toContain(name);
      expect(app).not.toContain(name);
    }
  });

  it('contains no personnummer anywhere', async () => {
    const texts = await Promise.all(Object.keys(zip.files).filter((p) => p.endsWith('.xml')).map((p) => zipText(zip, p)));
    const strings = await zipText(zip, 'xl/sharedStrings.xml');
    expect(strings).toContain('Maria Öberg');
    for (const text of texts) expect(text).not.toMatch(/(?<![\d.])(\d{2})?\d{6}[-+]\d{4}(?!\d)/);
  });
});

describe('writeXlsx: cells and names', () => {
  const minimal = (text: string, sheetName = 'Blad'): WorkbookModel => ({
    title: 'Test',
    created: '2027-02-10',
    sheets: [{ name: sheetName, state: 'visible', columns: [{ width: 10 }], rows: [{ style: 'body', cells: [{ kind: 'text', text }] }] }],
  });

  it('drops characters XML cannot carry and neutralises every formula start', async () => {
    for (const [input, expected] of [
      ['Anna\u0001Berg', 'AnnaBerg'],
      ['+46 70', "'+46 70"],
      ['-1', "'-1"],
      ['@sum', "'@sum"],
      ['\tX', "'\tX"],
      ['Vanlig text', 'Vanlig text'],
    ] as const) {
      const book = await load(await writeXlsx(minimal(input)));
      expect(worksheet(book, 'Blad').getCell('A1').value).toBe(expected);
    }
  });

  it('refuses sheet names Excel would repair', async () => {
    await expect(writeXlsx(minimal('x', 'Ett/två'))).rejects.toThrow(/invalid sheet name/);
    await expect(writeXlsx(minimal('x', 'A'.repeat(32)))).rejects.toThrow(/invalid sheet name/);
    await expect(writeXlsx(minimal('x', "Anna's"))).rejects.toThrow(/invalid sheet name/);
  });

  it('grows a row for wrapped text and leaves a one-line row alone', async () => {
    const model: WorkbookModel = {
      title: 'Test',
      created: '2027-02-10',
      sheets: [
        {
          name: 'Blad',
          state: 'visible',
          columns: [{ width: 10, wrap: true }],
          rows: [
            { style: 'body', cells: [{ kind: 'text', text: 'kort' }] },
            // 10 × 1.12 = 11 letters a line: "Ingen" | "dokumentation" (13: 11 + 2) | "…on senaste" | "30 dagarna" = 4 lines.
            { style: 'body', cells: [{ kind: 'text', text: 'Ingen dokumentation senaste 30 dagarna' }] },
          ],
        },
      ],
    };
    const sheet = worksheet(await load(await writeXlsx(model)), 'Blad');
    expect(sheet.getRow(1).height).toBeUndefined();
    // 4 lines × 11 pt × 1.2 + 4 = 56.8 → 57.
    expect(sheet.getRow(2).height).toBe(57);
  });
});
