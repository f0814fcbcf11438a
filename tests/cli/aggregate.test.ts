// rehab aggregate end to end, as the process leader runs it in November: two rounds of prep on exports six months
// apart, the autumn workbooks filled in by "HR" with exceljs (one re-saved by LibreOffice, one never returned), then
// the analysis — compared with `rehab stats` / `rehab cases` and with a hand count of the routine's goal.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateExport } from '../../fixtures/generator.js';
import { convertToPdf, documentText, listFiles, parseEml, pdfPageCount, pdfText, zipXml } from '../helpers/documents.js';
import { runCli } from '../helpers/runCli.js';

const SPRING_AS_OF = '2027-02-15';
const AUTUMN_AS_OF = '2027-08-16';
const SEED = 8128;
const DECK = 'Analys av rehabiliteringsarbetet i förvaltningen 2027-höst.pptx';
const WORKBOOK = 'Analys av rehabiliteringsarbetet i förvaltningen 2027-höst.xlsx';

interface StatsUnit { level: string; id: string; parent: string; employees: number; shortPct: number | null; longPct: number | null; totalPct: number | null }
interface StatsJson { administration: { totalPct: number; shortPct: number; longPct: number }; units: StatsUnit[] }
interface CaseJson { caseId: string; unitId: string; manager: string; gaps: number }
interface Summary {
  period: string; managers: number; workbooksRead: number; openCases: number; managersWithoutWorkbook: string[];
  goalSharePct: number | null; previousGoalSharePct: number | null; goalShareChangePp: number | null; previousRound: string | null; outputs: string[];
}

let work: string;
let out: string;
let autumnData: string;
let config: string;
let springCases: CaseJson[];
let autumnCases: CaseJson[];
let autumnStats: StatsJson;
let run: ReturnType<typeof runCli>;
let summary: Summary;
let analysisFolder: string;
let people: string[];
/** Verksamheter of each manager (lower-cased e-mail), from anstallda.csv. */
const operationsOfManager = new Map<string, Set<string>>();
/** Texts written into the workbooks, by the workbook's manager e-mail. */
const written = new Map<string, string>();
let missingManager = '';
let missingUnitsHeaderRow = 0;
const missingUnits: string[] = [];
let libreOfficeManager = '';

function writeExport(folder: string, asOf: string): void {
  const generated = generateExport({ seed: SEED, employments: 260, asOf });
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(generated.files)) writeFileSync(join(folder, name), bytes);
  writeFileSync(config, JSON.stringify(generated.config));
}

function json<T>(args: string[]): T {
  const result = runCli(args);
  if (result.status !== 0) throw new Error(`rehab ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}

/** HR after the meeting, in Excel: writes reflections, assesses every case, inserts a row and re-sorts the case rows. */
async function fillIn(path: string, index: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Reflektioner')!;
  let email = '';
  const caseRows: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    const key = cellText(row.getCell(1).value);
    if (key === 'manager_email') email = cellText(row.getCell(3).value).toLowerCase();
    if (key === 'overall') row.getCell(3).value = `Reflektion nummer ${index}: chefen behöver stöd i prioritering.`;
    if (key === 'risks') row.getCell(3).value = index % 2 === 0 ? `Risk nummer ${index}: hög arbetsbelastning.` : null;
    if (key.startsWith('case:')) caseRows.push(rowNumber);
  });
  // Re-sort: the case rows in reverse order (keys move with their rows), then assess each as "Behöver stöd".
  const values = caseRows.map((rowNumber) => [1, 2, 3, 4, 5].map((column) => sheet.getCell(rowNumber, column).value));
  values.reverse().forEach((rowValues, position) => rowValues.forEach((value, column) => (sheet.getCell(caseRows[position]!, column + 1).value = value)));
  for (const rowNumber of caseRows) sheet.getCell(rowNumber, 6).value = 'Behöver stöd';
  sheet.spliceRows(7, 0, [null, 'Mötet hölls i september']);
  await workbook.xlsx.writeFile(path);
  return email;
}

function resaveWithLibreOffice(path: string): void {
  const outDir = mkdtempSync(join(tmpdir(), 'rehab-lo-save-'));
  spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, path], { timeout: 120_000 });
  const converted = join(outDir, basename(path));
  if (!existsSync(converted)) throw new Error('LibreOffice did not save the workbook');
  copyFileSync(converted, path);
  rmSync(outDir, { recursive: true, force: true });
}

function share(cases: CaseJson[]): number {
  return (cases.filter((entry) => entry.gaps === 0).length / cases.length) * 100;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rehab-aggregate-'));
  config = join(work, 'rehab.config.json');
  out = join(work, 'ut');
  const springData = join(work, 'export-feb');
  autumnData = join(work, 'export-aug');
  writeExport(springData, SPRING_AS_OF);
  expect(runCli(['prep', '--data', springData, '--out', out, '--config', config, '--as-of', SPRING_AS_OF]).status).toBe(0);
  springCases = json<{ cases: CaseJson[] }>(['cases', '--data', springData, '--config', config, '--as-of', SPRING_AS_OF, '--format', 'json']).cases;
  writeExport(autumnData, AUTUMN_AS_OF);
  expect(runCli(['prep', '--data', autumnData, '--out', out, '--config', config, '--as-of', AUTUMN_AS_OF]).status).toBe(0);
  autumnCases = json<{ cases: CaseJson[] }>(['cases', '--data', autumnData, '--config', config, '--as-of', AUTUMN_AS_OF, '--format', 'json']).cases;
  autumnStats = json<StatsJson>(['stats', '--data', autumnData, '--config', config, '--as-of', AUTUMN_AS_OF, '--format', 'json']);

  const workbooks = listFiles(join(out, '2027-höst')).filter((file) => file.endsWith('.xlsx')).sort();
  for (const [index, file] of workbooks.entries()) {
    const path = join(out, '2027-höst', file);
    if (index === 0) {
      // Never returned: HR deleted it.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      // Folders are named after the manager; the summary names her by her units instead (no names in what a job logs).
      missingManager = file.split('/')[1]!;
      const overview = workbook.getWorksheet('Översikt')!;
      overview.eachRow((row) => {
        if (row.getCell(1).value === 'Enhet') missingUnitsHeaderRow = row.number;
        else if (missingUnitsHeaderRow > 0 && row.number > missingUnitsHeaderRow && typeof row.getCell(2).value === 'number') missingUnits.push(String(row.getCell(1).value));
      });
      rmSync(path);
      continue;
    }
    const email = await fillIn(path, index);
    written.set(email, `Reflektion nummer ${index}: chefen behöver stöd i prioritering.`);
    if (index === 1) {
      resaveWithLibreOffice(path);
      libreOfficeManager = email;
    }
  }
  const rows = parse(readFileSync(join(autumnData, 'anstallda.csv')), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
  people = [...new Set(rows.flatMap((row) => [row['namn']!, row['chef_namn']!]))];
  for (const row of rows) {
    const email = row['chef_epost']!.toLowerCase();
    operationsOfManager.set(email, (operationsOfManager.get(email) ?? new Set()).add(row['verksamhet']!));
  }

  run = runCli([
    'aggregate', '--data', autumnData, '--workbooks', join(out, '2027-höst'), '--out', out, '--config', config,
    '--as-of', AUTUMN_AS_OF, '--foregaende', join(out, '2027-vår'), '--json',
  ]);
  summary = JSON.parse(run.stdout || '{}') as Summary;
  analysisFolder = join(out, '2027-höst analys');
}, 600_000);

async function sheetRows(name: string): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(analysisFolder, WORKBOOK));
  const sheet = workbook.getWorksheet(name)!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= 3) return;
    const cells: (string | number | null)[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const value = row.getCell(column).value;
      cells.push(typeof value === 'number' ? value : value === null || value === undefined ? null : cellText(value));
    }
    rows.push(cells);
  });
  return rows;
}

describe('rehab aggregate on two rounds it has never seen', () => {
  it('succeeds, writes the deck, its workbook, a Bilaga 2 per HR specialist and a manifest, and names the missing workbook by unit', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(summary.period).toBe('2027-höst');
    expect(listFiles(analysisFolder).sort()).toEqual(
      [DECK, WORKBOOK, 'manifest.json', ...listFiles(analysisFolder).filter((file) => file.startsWith('Bilaga 2/'))].sort(),
    );
    const configured = (JSON.parse(readFileSync(config, 'utf8')) as { hrSpecialister: unknown[] }).hrSpecialister.length;
    expect(listFiles(analysisFolder).filter((file) => file.endsWith('.eml'))).toHaveLength(configured);
    expect(summary.workbooksRead).toBe(summary.managers - 1);
    expect(summary.managersWithoutWorkbook).toHaveLength(1);
    const [label] = summary.managersWithoutWorkbook as [string];
    expect(missingUnits.some((unit) => label.includes(unit)), `${label} names one of ${missingUnits.join(', ')}`).toBe(true);
    expect(label).not.toContain(missingManager);
  });

  it('shows the figures of rehab stats for every verksamhet and the förvaltning', async () => {
    const rows = await sheetRows('Förändringar');
    const operations = autumnStats.units.filter((unit) => unit.level === 'verksamhet');
    let compared = 0;
    for (const row of rows) {
      const label = String(row[0]);
      const figures = label === 'Förvaltningen' ? autumnStats.administration : operations.find((unit) => unit.id === label);
      if (!figures) continue;
      expect(row[1]).toBeCloseTo(figures.shortPct!, 9);
      expect(row[2]).toBeCloseTo(figures.longPct!, 9);
      expect(row[3]).toBeCloseTo(figures.totalPct!, 9);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    // The deck says the same, rounded as a Swedish reader expects (12,3 %).
    const deckText = [...(await zipXml(join(analysisFolder, DECK))).values()].join('\n');
    expect(deckText).toContain(`Sjukfrånvaron i förvaltningen är ${autumnStats.administration.totalPct.toFixed(1).replace('.', ',')} %`);
  });

  it('measures the routine goal as a hand count of rehab cases does, now, in February and the change', async () => {
    // Hand count: the share of open cases with 0 gaps in each round's `rehab cases`.
    expect(summary.openCases).toBe(autumnCases.length);
    expect(summary.goalSharePct).toBeCloseTo(share(autumnCases), 9);
    expect(summary.previousGoalSharePct).toBeCloseTo(share(springCases), 9);
    expect(summary.goalShareChangePp).toBeCloseTo(share(autumnCases) - share(springCases), 9);
    expect(summary.previousRound).toBe('2027-vår');
    // Per verksamhet, for the rows the workbook shows.
    const operationOfUnit = new Map(autumnStats.units.filter((unit) => unit.level === 'enhet').map((unit) => [unit.id, unit.parent]));
    const rows = await sheetRows('Rutinens mål');
    let compared = 0;
    for (const row of rows) {
      const inOperation = autumnCases.filter((entry) => operationOfUnit.get(entry.unitId) === row[0]);
      if (typeof row[1] !== 'number' || row[0] === 'Förvaltningen') continue;
      expect(row[1]).toBe(inOperation.length);
      expect(row[2]).toBe(inOperation.filter((entry) => entry.gaps === 0).length);
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(1);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(['Förvaltningen', autumnCases.length, autumnCases.filter((entry) => entry.gaps === 0).length]);
  });

  it('collects what HR wrote, also from the workbook LibreOffice saved, without naming the manager', async () => {
    const texts = (await sheetRows('Reflektioner')).map((row) => String(row[2]));
    // A verksamhet too small to be shown (not in the figures table) keeps its texts out; every other text is there.
    const shown = new Set((await sheetRows('Förändringar')).map((row) => String(row[0])));
    const expected = [...written].filter(([email]) => [...(operationsOfManager.get(email) ?? [])].some((operation) => shown.has(operation)));
    expect(expected.length).toBeGreaterThan(written.size / 2);
    for (const [email, text] of written) expect(texts.includes(text), email).toBe(expected.some((entry) => entry[1] === text));
    expect(texts).toContain(written.get(libreOfficeManager));
    const deckText = [...(await zipXml(join(analysisFolder, DECK))).values()].join('\n');
    expect(deckText).toContain(written.get(libreOfficeManager));
  });

  it('names no person in the deck, the workbook, the manifest or the messages', async () => {
    for (const file of [DECK, WORKBOOK, 'manifest.json']) {
      const text = await documentText(join(analysisFolder, file));
      for (const person of people) expect(text, `${file}: ${person}`).not.toContain(person);
    }
    for (const person of people) expect(run.stderr + run.stdout).not.toContain(person);
  });

  it('writes invitations that Outlook opens as drafts, with no health data', () => {
    for (const file of listFiles(analysisFolder).filter((name) => name.endsWith('.eml'))) {
      const mail = parseEml(join(analysisFolder, file));
      expect(mail.unsent).toBe('1');
      expect(mail.defects).toBe(0);
      expect(mail.subject).toBe('Analys av rehabiliteringsuppföljningarna hösten 2027');
      const body = mail.parts.map((part) => part.content ?? '').join('\n');
      expect(body).toContain('går vi gemensamt igenom dina reflektioner');
      expect(body).not.toMatch(/\d+[,.]\d+ ?%/);
    }
  });

  it('converts in LibreOffice: the deck to slides, the workbook to pages', () => {
    const pdfs = convertToPdf([join(analysisFolder, DECK), join(analysisFolder, WORKBOOK)]);
    const deckPdf = pdfs.get(join(analysisFolder, DECK))!;
    expect(pdfPageCount(deckPdf)).toBeGreaterThanOrEqual(12);
    expect(pdfText(deckPdf)).toContain('Sammanfattning för förvaltningsledningen');
    expect(pdfPageCount(pdfs.get(join(analysisFolder, WORKBOOK))!)).toBeGreaterThanOrEqual(9);
  });

  it('refuses a workbook that is not ours, naming it, and writes nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rehab-foreign-'));
    writeFileSync(join(folder, 'budget.xlsx'), 'inte en arbetsbok');
    const target = join(work, 'ut-foreign');
    const result = runCli(['aggregate', '--data', autumnData, '--workbooks', folder, '--out', target, '--config', config, '--as-of', AUTUMN_AS_OF]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('budget.xlsx: filen kan inte läsas som en Excel-fil (.xlsx)');
    expect(existsSync(target)).toBe(false);
    // The spring workbooks belong to another period.
    const spring = runCli(['aggregate', '--data', autumnData, '--workbooks', join(out, '2027-vår'), '--out', target, '--config', config, '--as-of', AUTUMN_AS_OF]);
    expect(spring.status).toBe(3);
    expect(spring.stderr).toContain('arbetsboken gäller en annan period än analysen (2027-höst) (2027-vår)');
    expect(readdirSync(work)).not.toContain('ut-foreign');
  });
});
