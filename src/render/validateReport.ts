// rehab validate: what was read, as JSON (stable shape) or a Swedish summary.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { DataWarning } from '../core/types.js';
import type { Delimiter, DetectedEncoding } from '../input/csvFile.js';
import type { InputFileName, ReadDatasetResult } from '../input/readDataset.js';
import { warningsJson, type WarningJson } from './dataWarnings.js';
import { DELIMITER_LABELS, ENCODING_LABELS } from './labels.js';

export type ValidateWarning = WarningJson;

export interface ValidateReport {
  files: Partial<Record<InputFileName, { rows: number; encoding: DetectedEncoding; delimiter: Delimiter }>>;
  /** Distinct anstallnings_id. */
  employments: number;
  /** Distinct enhet_id. */
  units: number;
  /** Cases with status oppet opened on or before the as-of date; null when rehabarenden.csv is absent. */
  openCases: number | null;
  /** First and last sick day in sjukfranvaro.csv (an ongoing segment runs to the as-of date). */
  dateRange: DateRange | null;
  warnings: ValidateWarning[];
}

export function validateReport(read: ReadDatasetResult, asOf: IsoDate, dateRange: DateRange | null, warnings: DataWarning[]): ValidateReport {
  const { dataset } = read;
  const files: ValidateReport['files'] = {};
  for (const [name, report] of Object.entries(read.files) as [InputFileName, NonNullable<ReadDatasetResult['files'][InputFileName]>][]) {
    files[name] = { rows: report.rows, encoding: report.encoding, delimiter: report.delimiter };
  }
  return {
    files,
    employments: new Set(dataset.employments.map((row) => row.employmentId)).size,
    units: new Set(dataset.employments.map((row) => row.unitId)).size,
    openCases: read.files['rehabarenden.csv'] ? dataset.cases.filter((rehabCase) => rehabCase.status === 'oppet' && rehabCase.openedDate <= asOf).length : null,
    dateRange,
    warnings: warningsJson(warnings),
  };
}

const FILE_ORDER: InputFileName[] = ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'];

export function validateText(report: ValidateReport, dataDir: string): string {
  const lines = [`Indata i ${dataDir} är giltiga.`, ''];
  for (const name of FILE_ORDER) {
    const file = report.files[name];
    if (!file) {
      lines.push(`${name}: saknas (behövs för rehab cases, prep och aggregate)`);
      continue;
    }
    const rows = `${file.rows} ${file.rows === 1 ? 'rad' : 'rader'}`;
    lines.push(`${name}: ${rows}, teckenkodning ${ENCODING_LABELS[file.encoding]}, avgränsare ${DELIMITER_LABELS[file.delimiter]}`);
  }
  lines.push(
    '',
    `Anställningar:       ${report.employments}`,
    `Enheter:             ${report.units}`,
    `Öppna rehabärenden:  ${report.openCases ?? '–'}`,
    `Sjukfrånvaro:        ${report.dateRange ? `${report.dateRange.from} – ${report.dateRange.to}` : 'inga rader'}`,
    '',
  );
  if (report.warnings.length === 0) {
    lines.push('Inga varningar.');
  } else {
    lines.push(`Varningar (${report.warnings.length}):`);
    for (const warning of report.warnings) lines.push(`  ${warning.file}:${warning.line}: ${warning.message}`);
  }
  return lines.join('\n');
}
