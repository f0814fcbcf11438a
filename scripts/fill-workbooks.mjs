// node scripts/fill-workbooks.mjs DIR [--seed N] — fills in the HR workbooks (Alt. 1) of a prep run as HR would after
// the meetings: reflections, risks, needs, deeper support booked, an assessment and a comment per case, notes and
// proposals in the case table. Saved with exceljs; the first workbook is then re-saved once by LibreOffice (as a
// user of LibreOffice Calc would). Invented texts only, no names. Needs `npm run build` (reads the layout from dist/).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { HR_MEETING_ASSESSMENT_LABELS, REFLECTIONS_LAYOUT } from '../dist/input/reflectionsSheet.js';

const OVERALL = [
  'Chefen har god kontroll på sina ärenden och dokumenterar löpande i Adato.',
  'Chefen är ny i rollen och behöver stöd i hur rehabiliteringskedjan fungerar.',
  'Flera ärenden saknar aktuell plan; chefen vill ha hjälp att prioritera.',
  'Arbetet bedrivs strukturerat, men hälsosamtal hålls sent.',
  'Hög arbetsbelastning i verksamheten gör att uppföljningar skjuts upp.',
];
const RISKS = [
  'Hög personalomsättning och många vikarier.',
  'Tunga lyft och ensamarbete på kvällar.',
  'Oro inför omorganisation.',
  'Många korta sjukfrånvarotillfällen under vintern.',
  '',
];
const NEEDS = [
  'Utbildning i rehabiliteringsprocessen för nya chefer.',
  'Stöd vid prioritering av ärenden; hänvisas till verksamhetschef.',
  'Fördjupad konsultation med HR-specialist.',
  'Bättre rutin för hälsosamtal efter upprepad korttidsfrånvaro.',
  '',
];
const COMMENTS = ['Ny plan bokad.', 'Läkarintyg begärs in.', 'Avstämning med Försäkringskassan planerad.', '', ''];
const NOTES = ['Kontakt med företagshälsovården tagen.', 'Arbetsanpassning prövas.', ''];
const PROPOSALS = ['Boka uppföljningsmöte inom fyra veckor.', 'Revidera planen för återgång i arbete.', ''];
const ASSESSMENTS = Object.values(HR_MEETING_ASSESSMENT_LABELS);

function usage(message) {
  process.stderr.write(`fill-workbooks: ${message}\nAnvändning: node scripts/fill-workbooks.mjs MAPP [--seed N]\n`);
  process.exit(2);
}

/** A small deterministic generator (mulberry32) so the demo is the same every time. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

function workbooks(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return workbooks(path);
    return /^Alt\.? 1 /.test(name) && name.endsWith('.xlsx') ? [path] : [];
  }).sort();
}

function text(cell) {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}

async function fill(path, next) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets.find((candidate) => text(candidate.getCell(1, REFLECTIONS_LAYOUT.keyColumn)) === REFLECTIONS_LAYOUT.marker);
  if (!sheet) throw new Error(`${basename(path)}: inget Reflektioner-blad från rehab`);
  const { keys } = REFLECTIONS_LAYOUT;
  let cases = 0;
  sheet.eachRow((row) => {
    const key = text(row.getCell(REFLECTIONS_LAYOUT.keyColumn));
    const value = row.getCell(REFLECTIONS_LAYOUT.valueColumn);
    if (key === keys.overall) value.value = pick(next, OVERALL);
    else if (key === keys.risks) value.value = pick(next, RISKS) || null;
    else if (key === keys.needs) value.value = pick(next, NEEDS) || null;
    else if (key === keys.deeperSupportBooked) value.value = next() < 0.3 ? 'Ja' : 'Nej';
    else if (key.startsWith(REFLECTIONS_LAYOUT.caseKeyPrefix)) {
      cases += 1;
      row.getCell(REFLECTIONS_LAYOUT.caseAssessmentColumn).value = next() < 0.85 ? pick(next, ASSESSMENTS) : null;
      row.getCell(REFLECTIONS_LAYOUT.caseCommentColumn).value = pick(next, COMMENTS) || null;
    }
  });
  // The case table: notes and proposals in the two last columns, found by their headers.
  const cases_ = workbook.worksheets.find((candidate) => candidate.name === 'Ärenden');
  if (cases_) {
    let columns = null;
    cases_.eachRow((row) => {
      if (!columns) {
        const headers = new Map();
        row.eachCell((cell, column) => headers.set(text(cell), column));
        if (headers.has('HR:s anteckningar') && headers.has('Förslag på fortsatt arbete')) {
          columns = { caseId: headers.get('Ärende'), note: headers.get('HR:s anteckningar'), proposal: headers.get('Förslag på fortsatt arbete') };
        }
        return;
      }
      if (text(row.getCell(columns.caseId)).startsWith('Inga ')) return;
      row.getCell(columns.note).value = pick(next, NOTES) || null;
      row.getCell(columns.proposal).value = pick(next, PROPOSALS) || null;
    });
  }
  await workbook.xlsx.writeFile(path);
  return cases;
}

/** Re-saves a workbook with LibreOffice Calc (xlsx → xlsx), as a user of LibreOffice would. */
function resaveWithLibreOffice(path) {
  const outDir = mkdtempSync(join(tmpdir(), 'rehab-fill-'));
  try {
    const result = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, path], { encoding: 'utf8' });
    const converted = join(outDir, basename(path));
    if (result.error || !existsSync(converted)) return false;
    copyFileSync(converted, path);
    return true;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || dir.startsWith('--')) usage('ange mappen med arbetsböckerna');
const seedIndex = args.indexOf('--seed');
const seed = seedIndex >= 0 ? Number(args[seedIndex + 1]) : 1;
if (!Number.isInteger(seed)) usage('--seed måste vara ett heltal');
const files = workbooks(dir);
if (files.length === 0) usage(`inga arbetsböcker (Alt 1 …xlsx) under ${dir}`);
const next = random(seed);
let cases = 0;
for (const file of files) cases += await fill(file, next);
const resaved = resaveWithLibreOffice(files[0]);
process.stderr.write(
  `Fyllde i ${files.length} arbetsböcker (${cases} ärenden) som HR efter mötena` +
    (resaved ? '; den första sparades om med LibreOffice.\n' : '; LibreOffice finns inte, så ingen sparades om med det.\n'),
);
