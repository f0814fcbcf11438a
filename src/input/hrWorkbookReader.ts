// Reads HR's filled-in Reflektioner sheet back from an HR workbook (Alt. 1) for `rehab aggregate`.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError, type InputProblem } from '../errors.js';
import type { HrMeetingAssessment } from '../core/rehabAnalysis.js';
import { HR_MEETING_ASSESSMENT_LABELS, REFLECTIONS_LAYOUT, YES_NO_LABELS } from './reflectionsSheet.js';

export interface CaseReflection {
  caseId: string;
  assessmentAfterMeeting: HrMeetingAssessment | null;
  comment: string;
}

/** HR's notes and proposals per case in the Ärenden sheet (columns "HR:s anteckningar", "Förslag på fortsatt arbete"). */
export interface CaseNote {
  caseId: string;
  note: string;
  proposal: string;
}

/** What HR wrote after the meeting; no employee names (the analysis shows no person). */
export interface HrWorkbookReflections {
  period: string;
  managerName: string;
  managerEmail: string;
  hrSpecialist: string | null;
  overall: string;
  risks: string;
  needs: string;
  /** "Fördjupat stöd bokat": null when left empty. */
  deeperSupportBooked: boolean | null;
  cases: CaseReflection[];
  /** Cases with a note or a proposal (rows without either are left out). */
  caseNotes: CaseNote[];
}

const ASSESSMENT_FIELD = 'HR:s bedömning efter mötet';
const DEEPER_SUPPORT_FIELD = 'Fördjupat stöd bokat';

/** A cell as the text a user sees (rich text joined, a formula's result, a date as ISO). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('hyperlink' in value) return String(value.text ?? '').trim();
  if ('formula' in value || 'sharedFormula' in value) {
    // Never evaluated: the result the program that saved the file cached, else the formula itself as text.
    const result = value.result;
    if (result !== undefined && result !== null && (typeof result !== 'object' || result instanceof Date)) return cellText(result);
    return 'formula' in value && typeof value.formula === 'string' ? `=${value.formula}`.trim() : '';
  }
  return '';
}

/** Undoes the writer's formula guard (a leading apostrophe before =, +, -, @) on the values rehab wrote itself. */
function writtenText(value: ExcelJS.CellValue): string {
  const text = cellText(value);
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function findReflectionsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => cellText(sheet.getCell(1, REFLECTIONS_LAYOUT.keyColumn).value) === REFLECTIONS_LAYOUT.marker);
}

function matchLabel<T extends string>(text: string, labels: Record<T, string>): T | undefined {
  const wanted = text.toLocaleLowerCase('sv');
  return (Object.keys(labels) as T[]).find((code) => labels[code].toLocaleLowerCase('sv') === wanted);
}

const CASE_ID_HEADER = 'Ärende';
const NOTE_HEADER = 'HR:s anteckningar';
const PROPOSAL_HEADER = 'Förslag på fortsatt arbete';

/** The case table is found by its header row (HR may insert rows above it or rename the sheet). */
function readCaseNotes(workbook: ExcelJS.Workbook): CaseNote[] {
  for (const sheet of workbook.worksheets) {
    let columns: { caseId: number; note: number; proposal: number } | null = null;
    const notes: CaseNote[] = [];
    sheet.eachRow((row) => {
      if (columns === null) {
        const headers = new Map<string, number>();
        row.eachCell((cell, column) => headers.set(cellText(cell.value), column));
        const caseId = headers.get(CASE_ID_HEADER);
        const note = headers.get(NOTE_HEADER);
        const proposal = headers.get(PROPOSAL_HEADER);
        if (caseId !== undefined && note !== undefined && proposal !== undefined) columns = { caseId, note, proposal };
        return;
      }
      const caseId = writtenText(row.getCell(columns.caseId).value);
      const note = cellText(row.getCell(columns.note).value);
      const proposal = cellText(row.getCell(columns.proposal).value);
      if (caseId !== '' && (note !== '' || proposal !== '')) notes.push({ caseId, note, proposal });
    });
    if (columns !== null) return notes;
  }
  return [];
}

/** Parses a workbook's bytes; `fileLabel` names the file in messages. */
export async function parseHrWorkbookReflections(data: Buffer, fileLabel: string): Promise<HrWorkbookReflections> {
  // Loaded on first use: the other commands start without exceljs.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    // exceljs declares its own Buffer type, which Node 20's generic Buffer does not match.
    await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new InputError([{ file: fileLabel, line: 0, field: '', message: 'filen kan inte läsas som en Excel-fil (.xlsx)' }]);
  }
  const sheet = findReflectionsSheet(workbook);
  if (!sheet) {
    throw new InputError([
      { file: fileLabel, line: 0, field: '', message: `bladet Reflektioner från rehab saknas (markeringen "${REFLECTIONS_LAYOUT.marker}" finns inte)` },
    ]);
  }

  const { keys } = REFLECTIONS_LAYOUT;
  /** Key rows: the value in column C and the row number (for messages). */
  const keyed = new Map<string, { text: string; row: number }>();
  const cases: CaseReflection[] = [];
  const problems: InputProblem[] = [];
  const assessmentChoices = Object.values(HR_MEETING_ASSESSMENT_LABELS).join(', ');

  sheet.eachRow((row, rowNumber) => {
    const key = cellText(row.getCell(REFLECTIONS_LAYOUT.keyColumn).value);
    if (!key.startsWith(REFLECTIONS_LAYOUT.caseKeyPrefix)) {
      keyed.set(key, { text: writtenText(row.getCell(REFLECTIONS_LAYOUT.valueColumn).value), row: rowNumber });
      return;
    }
    const assessmentText = cellText(row.getCell(REFLECTIONS_LAYOUT.caseAssessmentColumn).value);
    const assessment = assessmentText === '' ? null : (matchLabel(assessmentText, HR_MEETING_ASSESSMENT_LABELS) ?? null);
    if (assessmentText !== '' && assessment === null) {
      problems.push({ file: fileLabel, line: rowNumber, field: ASSESSMENT_FIELD, message: `okänt värde, välj ett av: ${assessmentChoices}`, value: assessmentText });
    }
    cases.push({
      caseId: key.slice(REFLECTIONS_LAYOUT.caseKeyPrefix.length),
      assessmentAfterMeeting: assessment,
      comment: cellText(row.getCell(REFLECTIONS_LAYOUT.caseCommentColumn).value),
    });
  });

  const value = (key: string): string => keyed.get(key)?.text ?? '';
  const deeperSupportText = value(keys.deeperSupportBooked);
  const deeperSupport = deeperSupportText === '' ? undefined : matchLabel(deeperSupportText, YES_NO_LABELS);
  if (deeperSupportText !== '' && deeperSupport === undefined) {
    const line = keyed.get(keys.deeperSupportBooked)?.row ?? 0;
    problems.push({ file: fileLabel, line, field: DEEPER_SUPPORT_FIELD, message: 'okänt värde, välj Ja eller Nej', value: deeperSupportText });
  }
  for (const required of [keys.period, keys.managerEmail]) {
    if (value(required) === '') {
      problems.push({ file: fileLabel, line: 0, field: 'Reflektioner', message: `uppgiften ${required === keys.period ? 'Period' : 'E-post'} saknas` });
    }
  }
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => a.line - b.line));

  const hrSpecialist = value(keys.hrSpecialist);
  return {
    // Rows of the case table are the cases of the Reflektioner sheet (not its "Inga öppna rehabärenden." line).
    caseNotes: readCaseNotes(workbook).filter((note) => cases.some((entry) => entry.caseId === note.caseId)),
    period: value(keys.period),
    managerName: value(keys.managerName),
    managerEmail: value(keys.managerEmail),
    hrSpecialist: hrSpecialist === '' || hrSpecialist === '–' ? null : hrSpecialist,
    overall: value(keys.overall),
    risks: value(keys.risks),
    needs: value(keys.needs),
    deeperSupportBooked: deeperSupport === undefined ? null : deeperSupport === 'yes',
    cases,
  };
}

/** Reads one HR workbook from disk. */
export async function readHrWorkbookReflections(path: string, fileLabel = path): Promise<HrWorkbookReflections> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    throw new InputError([{ file: fileLabel, line: 0, field: '', message: 'filen kan inte läsas' }]);
  }
  return parseHrWorkbookReflections(data, fileLabel);
}

export interface ReadHrWorkbook {
  /** Path relative to the workbooks folder, with '/'. */
  file: string;
  reflections: HrWorkbookReflections;
}

const ANALYSIS_WORKBOOK_PREFIX = 'Analys av rehabiliteringsarbetet i förvaltningen';

/** Every .xlsx under a folder (Excel's "~$" owner files, LibreOffice lock files and hidden folders left out). */
function workbookFiles(root: string, prefix = ''): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    throw new InputError([{ file: prefix || root, line: 0, field: '', message: 'mappen med arbetsböcker kan inte läsas' }]);
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) return [];
      // An earlier analysis (aggregate's own workbook) beside the period folders is not an HR workbook.
      if (entry.isFile() && entry.name.startsWith(ANALYSIS_WORKBOOK_PREFIX)) return [];
      if (entry.isDirectory()) return workbookFiles(root, relativePath);
      return entry.isFile() && entry.name.toLowerCase().endsWith('.xlsx') ? [relativePath] : [];
    });
}

/**
 * Reads every HR workbook under a folder (a prep run's period folder). Problems of all files at once: a file that is
 * not an HR workbook from rehab, one from another period than `period`, or two workbooks for one manager.
 */
export async function readHrWorkbooks(folder: string, period: string): Promise<ReadHrWorkbook[]> {
  const files = workbookFiles(folder);
  const problems: InputProblem[] = [];
  const read: ReadHrWorkbook[] = [];
  const fileOfManager = new Map<string, string>();
  for (const file of files) {
    try {
      const reflections = await readHrWorkbookReflections(join(folder, file), file);
      if (reflections.period !== period) {
        problems.push({ file, line: 0, field: 'Period', message: `arbetsboken gäller en annan period än analysen (${period})`, value: reflections.period });
        continue;
      }
      const manager = reflections.managerEmail.toLowerCase();
      const earlier = fileOfManager.get(manager);
      if (earlier !== undefined) {
        problems.push({ file, line: 0, field: '', message: `samma enhetschef som i ${earlier}: ta bort den ena arbetsboken` });
        continue;
      }
      fileOfManager.set(manager, file);
      read.push({ file, reflections });
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) {
    // Given the folder above the period folders: say which folder to give instead.
    if (problems.some((problem) => problem.field === 'Period') && existsSync(join(folder, period))) {
      problems.unshift({ file: folder, line: 0, field: '--workbooks', message: `ange periodens mapp ${join(folder, period)}` });
    }
    throw new InputError(problems);
  }
  return read;
}
