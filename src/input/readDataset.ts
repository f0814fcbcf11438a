// Reads the three Adato exports from a folder (SPEC §2) into typed records, or throws InputError with every problem.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataWarning, Dataset, EmploymentRow, RehabCase, SickSegment } from '../core/types.js';
import { ConfigError, InputError, type InputProblem } from '../errors.js';
import { containsPersonalNumber, isPersonalNumberShaped } from './cells.js';
import type { InputFileKey } from './config.js';
import {
  DEFAULT_MAX_FILE_MEGABYTES,
  duplicateColumns,
  mapHeaders,
  normalizeHeader,
  scanCsvFile,
  type CsvFileInfo,
  type Delimiter,
  type DetectedEncoding,
} from './csvFile.js';
import { duplicateIds, endBeforeStart, overlappingPeriods, unknownEmployments } from './crossChecks.js';
import { ALL_COLUMNS, HIDDEN_FIELDS, REQUIRED_COLUMNS, RowReader } from './rowSchemas.js';

export type { Delimiter, DetectedEncoding } from './csvFile.js';

export interface FileReport {
  rows: number;
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  /** sha256 of the file's bytes, for the run manifest. */
  sha256: string;
}

export type InputFileName = 'anstallda.csv' | 'sjukfranvaro.csv' | 'rehabarenden.csv';

export interface ReadDatasetResult {
  dataset: Dataset;
  /** Keyed by file name, e.g. 'anstallda.csv'. rehabarenden.csv is absent when the file is missing and not required. */
  files: Partial<Record<InputFileName, FileReport>>;
  /** Non-fatal findings while reading (unusual extents). Figures add their own (sick days without employment). */
  warnings: DataWarning[];
}

export interface ReadDatasetOptions {
  /** Extra header names per file and canonical field, from the config. */
  headerAliases: Record<InputFileKey, Record<string, string[]>>;
  /** rehabarenden.csv is required for prep, aggregate and cases. */
  requireCases: boolean;
  /** A larger file is refused (exit 3); default DEFAULT_MAX_FILE_MEGABYTES (config key maxFilstorlekMB). */
  maxFileMegabytes?: number;
}

const FILE_NAMES: Record<InputFileKey, InputFileName> = {
  anstallda: 'anstallda.csv',
  sjukfranvaro: 'sjukfranvaro.csv',
  rehabarenden: 'rehabarenden.csv',
};

const FILE_ORDER: InputFileName[] = ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'];

/** The extents the routine expects; others (1–100) are read with a warning. */
const USUAL_EXTENTS = new Set([25, 50, 75, 100]);

/** The id columns: a personnummer there would reach every document, so such a row is refused. */
const ID_FIELDS: ReadonlySet<string> = new Set(['anstallnings_id', 'arende_id']);

export function readDataset(dataDir: string, options: ReadDatasetOptions): ReadDatasetResult {
  requireFolder(dataDir);
  checkAliases(options.headerAliases);
  const present = new Map(readdirSync(dataDir).map((name) => [normalizeHeader(name), name]));
  const problems: InputProblem[] = [];
  const warnings: DataWarning[] = [];
  const files: ReadDatasetResult['files'] = {};
  const maxBytes = (options.maxFileMegabytes ?? DEFAULT_MAX_FILE_MEGABYTES) * 1024 * 1024;
  const rows = new RowReader();
  /** anstallnings_id of every employment row, valid or not (so other files are not blamed for a row's own error), each id one string. */
  const employmentIds = new Map<string, string>();
  let employmentIdsComplete = false;

  const read = (key: InputFileKey, required: boolean, visitRow: (cells: string[], line: number) => void): CsvFileInfo | null => {
    const file = FILE_NAMES[key];
    const actualName = present.get(normalizeHeader(file));
    if (actualName === undefined) {
      if (required) problems.push({ file, line: 0, field: '', message: `filen saknas i mappen ${dataDir}` });
      return null;
    }
    const fields = ALL_COLUMNS[key];
    const aliases = options.headerAliases[key];
    let complete = false;
    let csv: CsvFileInfo;
    try {
      csv = scanCsvFile(
        join(dataDir, actualName),
        file,
        (headers) => {
          const columns = mapHeaders(headers, fields, aliases);
          for (const field of REQUIRED_COLUMNS[key].filter((name) => !columns.has(name))) {
            problems.push({ file, line: 1, field, message: 'kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json' });
          }
          for (const duplicate of duplicateColumns(headers, fields, aliases)) {
            problems.push({
              file,
              line: 1,
              field: duplicate.field,
              message: `kolumnen finns flera gånger (kolumn ${duplicate.columns.join(', ')}); ta bort de överflödiga så att det är klart vilken som gäller`,
            });
          }
          if (problems.some((problem) => problem.file === file && problem.line === 1)) return null;
          complete = true;
          const indexes = fields.map((field) => columns.get(field) ?? -1);
          const headerCount = headers.length;
          return (values, line) => {
            // More cells than headers means the values are shifted (an unquoted delimiter), even when the last one is empty.
            const cells = indexes.map((index) => (index < 0 ? '' : (values[index] ?? '').trim()));
            if (values.length > headerCount) {
              if (key === 'anstallda' && cells[0] !== '') employmentIds.set(cells[0]!, cells[0]!);
              problems.push({
                file,
                line,
                field: '',
                message: `raden har fler fält än rubrikraden (${values.length} mot ${headerCount}); ett värde som innehåller avgränsaren måste stå inom citattecken`,
              });
              return;
            }
            visitRow(cells, line);
          };
        },
        { maxBytes },
      );
    } catch (error) {
      if (error instanceof InputError) {
        problems.push(...error.problems);
        return null;
      }
      throw error;
    }
    if (csv.headers.length === 0) problems.push({ file, line: 0, field: '', message: 'filen är tom (rubrikrad saknas)' });
    for (const mixed of csv.mixedEncodingLines) warnings.push({ code: 'mixed_encoding', file, line: mixed.line });
    files[file] = { rows: csv.rows, encoding: csv.encoding, delimiter: csv.delimiter, sha256: csv.sha256 };
    if (key === 'anstallda') employmentIdsComplete = complete;
    return csv;
  };

  /** A cell's issues as problems; a value shaped like a personnummer is never repeated. */
  const report = (file: string, line: number, cells: readonly string[], fields: readonly string[]): void => {
    for (const issue of rows.issues) {
      const cell = cells[fields.indexOf(issue.field)] ?? '';
      problems.push({ file, line, field: issue.field, message: issue.message, ...shownValue(issue.field, cell) });
    }
  };
  /** True (and reported) when an id cell holds a personnummer. */
  const personalNumberAsId = (file: string, line: number, cells: readonly string[], fields: readonly string[]): boolean => {
    let found = false;
    fields.forEach((field, index) => {
      if (!ID_FIELDS.has(field) || !isPersonalNumberShaped(cells[index]!)) return;
      problems.push({ file, line, field, message: 'ser ut som ett personnummer; ett personnummer får inte användas som id (värdet visas inte)' });
      found = true;
    });
    return found;
  };

  const employments: EmploymentRow[] = [];
  const employmentFile = read('anstallda', true, (cells, line) => {
    if (cells[0] !== '') employmentIds.set(cells[0]!, cells[0]!);
    if (personalNumberAsId('anstallda.csv', line, cells, ALL_COLUMNS.anstallda)) return;
    const result = rows.employment(cells, line);
    if (result === null) return report('anstallda.csv', line, cells, ALL_COLUMNS.anstallda);
    employments.push(result.row);
    if (result.validPersonalNumber === false) warnings.push({ code: 'invalid_personnummer', file: 'anstallda.csv', line });
  });
  const sickSegments: SickSegment[] = [];
  read('sjukfranvaro', true, (cells, line) => {
    if (personalNumberAsId('sjukfranvaro.csv', line, cells, ALL_COLUMNS.sjukfranvaro)) return;
    const segment = rows.sickSegment(cells, line);
    if (segment === null) return report('sjukfranvaro.csv', line, cells, ALL_COLUMNS.sjukfranvaro);
    // One string per employment id, shared with anstallda.csv.
    segment.employmentId = employmentIds.get(segment.employmentId) ?? segment.employmentId;
    sickSegments.push(segment);
    if (!USUAL_EXTENTS.has(segment.extent)) warnings.push({ code: 'unusual_extent', file: 'sjukfranvaro.csv', line, value: segment.extent });
  });
  const cases: RehabCase[] = [];
  read('rehabarenden', options.requireCases, (cells, line) => {
    if (personalNumberAsId('rehabarenden.csv', line, cells, ALL_COLUMNS.rehabarenden)) return;
    const rehabCase = rows.rehabCase(cells, line);
    if (rehabCase === null) return report('rehabarenden.csv', line, cells, ALL_COLUMNS.rehabarenden);
    rehabCase.employmentId = employmentIds.get(rehabCase.employmentId) ?? rehabCase.employmentId;
    cases.push(rehabCase);
  });

  if (employmentFile && employmentFile.rows === 0 && !problems.some((problem) => problem.file === 'anstallda.csv')) {
    problems.push({ file: 'anstallda.csv', line: 0, field: '', message: 'filen innehåller inga anställningar' });
  }

  problems.push(
    ...endBeforeStart('anstallda.csv', employments, EMPLOYMENT_PERIOD, 'giltig_from', 'giltig_tom'),
    ...overlappingPeriods('anstallda.csv', employments, EMPLOYMENT_PERIOD, 'giltig_from', 'anstallnings_id'),
    ...endBeforeStart('sjukfranvaro.csv', sickSegments, SICK_PERIOD, 'from_datum', 'tom_datum'),
    ...overlappingPeriods('sjukfranvaro.csv', sickSegments, SICK_PERIOD, 'from_datum', 'anstallnings_id'),
    ...endBeforeStart('rehabarenden.csv', cases, CASE_PERIOD, 'oppnat_datum', 'avslutat_datum'),
    ...duplicateIds('rehabarenden.csv', cases, (rehabCase) => rehabCase.caseId, 'arende_id'),
  );
  if (employmentIdsComplete) {
    problems.push(...unknownEmployments('sjukfranvaro.csv', sickSegments, employmentIds), ...unknownEmployments('rehabarenden.csv', cases, employmentIds));
  }

  if (problems.length > 0) throw new InputError(sortProblems(problems));
  return { dataset: { employments, sickSegments, cases }, files, warnings };
}

const EMPLOYMENT_PERIOD = { key: (row: EmploymentRow) => row.employmentId, from: (row: EmploymentRow) => row.validFrom, to: (row: EmploymentRow) => row.validTo };
const SICK_PERIOD = { key: (row: SickSegment) => row.employmentId, from: (row: SickSegment) => row.from, to: (row: SickSegment) => row.to };
const CASE_PERIOD = { key: (row: RehabCase) => row.caseId, from: (row: RehabCase) => row.openedDate, to: (row: RehabCase) => row.closedDate };

/** The value shown after a problem: none for an empty cell or one that holds a personnummer; 'dolt' for a hidden field. */
function shownValue(field: string, cell: string): { value?: string } {
  if (cell === '' || containsPersonalNumber(cell)) return {};
  return { value: HIDDEN_FIELDS.has(field) ? 'dolt' : cell };
}

function requireFolder(dataDir: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(dataDir).isDirectory();
  } catch {
    throw new ConfigError(`--data: mappen ${dataDir} finns inte`, '--data');
  }
  if (!isFolder) throw new ConfigError(`--data: ${dataDir} är ingen mapp; ange mappen som innehåller exportfilerna`, '--data');
}

/** An alias for a field the file does not have is a config mistake (exit 2), not a data problem. */
function checkAliases(aliases: ReadDatasetOptions['headerAliases']): void {
  for (const key of Object.keys(FILE_NAMES) as InputFileKey[]) {
    for (const field of Object.keys(aliases[key] ?? {})) {
      if (!(ALL_COLUMNS[key] as readonly string[]).includes(field)) {
        throw new ConfigError(`kolumner.${key}.${field}: okänt fält; fälten i ${FILE_NAMES[key]} är ${ALL_COLUMNS[key].join(', ')}`, `kolumner.${key}`);
      }
    }
  }
}

/** File by file in the order anstallda, sjukfranvaro, rehabarenden; then by line (stable within a line). */
function sortProblems(problems: InputProblem[]): InputProblem[] {
  const fileRank = (file: string): number => {
    const rank = FILE_ORDER.indexOf(file as InputFileName);
    return rank < 0 ? FILE_ORDER.length : rank;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => fileRank(a.problem.file) - fileRank(b.problem.file) || a.problem.line - b.problem.line || a.index - b.index)
    .map(({ problem }) => problem);
}
