// Reads HR's filled-in Reflektioner sheet back from an HR workbook (Alt. 1) for `rehab aggregate`.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { InputError, type InputProblem } from '../errors.js';
import { REFLECTIONS_LAYOUT } from '../render/hrWorkbook.js';
import { HR_MEETING_ASSESSMENT_LABELS, YES_NO_LABELS, type HrMeetingAssessment } from '../render/labels.js';

export interface CaseReflection {
  caseId: string;
  assessmentAfterMeeting: HrMeetingAssessment | null;
  comment: string;
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
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? '' : cellText(result);
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

/** Parses a workbook's bytes; `fileLabel` names the file in messages. */
export async function parseHrWorkbookReflections(data: Buffer, fileLabel: string): Promise<HrWorkbookReflections> {
  const workbook = new ExcelJS.Workbook();
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
