// Reads the three Adato exports from a folder (SPEC §2) into typed records, or throws InputError with every problem.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { DataWarning, Dataset, EmploymentRow, RehabCase, SickSegment } from '../core/types.js';
import { ConfigError, InputError, type InputProblem } from '../errors.js';
import type { InputFileKey } from './config.js';
import { mapHeaders, normalizeHeader, readCsvFile, type Delimiter, type DetectedEncoding } from './csvFile.js';
import { duplicateIds, endBeforeStart, overlappingPeriods, unknownEmployments } from './crossChecks.js';
import { ALL_COLUMNS, HIDDEN_FIELDS, REQUIRED_COLUMNS, employmentSchema, rehabCaseSchema, sickSegmentSchema } from './rowSchemas.js';

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
}

const FILE_NAMES: Record<InputFileKey, InputFileName> = {
  anstallda: 'anstallda.csv',
  sjukfranvaro: 'sjukfranvaro.csv',
  rehabarenden: 'rehabarenden.csv',
};

const FILE_ORDER: InputFileName[] = ['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv'];

/** The extents the routine expects; others (1–100) are read with a warning. */
const USUAL_EXTENTS = new Set([25, 50, 75, 100]);

type RowSchema = typeof employmentSchema | typeof sickSegmentSchema | typeof rehabCaseSchema;

interface ReadRows<S extends RowSchema> {
  report: FileReport;
  /** Rows that passed the row schema. */
  rows: { line: number; value: z.output<S> }[];
  /** anstallnings_id of every row, valid or not, so other files are not blamed for a row's own error; null when the rows could not be read. */
  employmentIds: Set<string> | null;
}

export function readDataset(dataDir: string, options: ReadDatasetOptions): ReadDatasetResult {
  requireFolder(dataDir);
  checkAliases(options.headerAliases);
  const present = new Map(readdirSync(dataDir).map((name) => [normalizeHeader(name), name]));
  const problems: InputProblem[] = [];

  const read = <S extends RowSchema>(key: InputFileKey, schema: S, required: boolean): ReadRows<S> | null => {
    const file = FILE_NAMES[key];
    const actualName = present.get(normalizeHeader(file));
    if (actualName === undefined) {
      if (required) problems.push({ file, line: 0, field: '', message: `filen saknas i mappen ${dataDir}` });
      return null;
    }
    return readRows(join(dataDir, actualName), key, schema, options.headerAliases[key], problems);
  };

  const employmentFile = read('anstallda', employmentSchema, true);
  const sickFile = read('sjukfranvaro', sickSegmentSchema, true);
  const caseFile = read('rehabarenden', rehabCaseSchema, options.requireCases);

  if (employmentFile && employmentFile.report.rows === 0 && !problems.some((problem) => problem.file === 'anstallda.csv')) {
    problems.push({ file: 'anstallda.csv', line: 0, field: '', message: 'filen innehåller inga anställningar' });
  }

  const employments: EmploymentRow[] = (employmentFile?.rows ?? []).map(({ line, value }) => ({
    employmentId: value.anstallnings_id,
    name: value.namn,
    administration: value.forvaltning,
    department: value.avdelning,
    operation: value.verksamhet,
    unitId: value.enhet_id,
    unitName: value.enhet,
    managerName: value.chef_namn,
    managerEmail: value.chef_epost,
    employmentRate: value.sysselsattningsgrad,
    gender: value.kon,
    birthYear: value.fodelsear,
    validFrom: value.giltig_from,
    validTo: value.giltig_tom,
    line,
  }));
  const sickSegments: SickSegment[] = (sickFile?.rows ?? []).map(({ line, value }) => ({
    employmentId: value.anstallnings_id,
    from: value.from_datum,
    to: value.tom_datum,
    extent: value.omfattning,
    line,
  }));
  const cases: RehabCase[] = (caseFile?.rows ?? []).map(({ line, value }) => ({
    caseId: value.arende_id,
    employmentId: value.anstallnings_id,
    caseType: value.arendetyp,
    status: value.status,
    openedDate: value.oppnat_datum,
    closedDate: value.avslutat_datum,
    expectedOver60Days: value.forvantas_over_60_dagar,
    certificateTo: value.lakarintyg_tom,
    healthTalkDate: value.halsosamtal_datum,
    planMadeDate: value.plan_upprattad_datum,
    planRevisedDate: value.plan_reviderad_datum,
    planFollowUpDate: value.plan_uppfoljning_datum,
    lastDocumentationDate: value.senaste_dokumentation_datum,
    nextActivityDate: value.nasta_aktivitet_datum,
    line,
  }));

  const employmentPeriods = employments.map((row) => ({ key: row.employmentId, from: row.validFrom, to: row.validTo, line: row.line }));
  const sickPeriods = sickSegments.map((segment) => ({ key: segment.employmentId, from: segment.from, to: segment.to, line: segment.line }));
  problems.push(
    ...endBeforeStart('anstallda.csv', employmentPeriods, 'giltig_from', 'giltig_tom'),
    ...overlappingPeriods('anstallda.csv', employmentPeriods, 'giltig_from', 'anstallnings_id'),
    ...endBeforeStart('sjukfranvaro.csv', sickPeriods, 'from_datum', 'tom_datum'),
    ...overlappingPeriods('sjukfranvaro.csv', sickPeriods, 'from_datum', 'anstallnings_id'),
    ...endBeforeStart(
      'rehabarenden.csv',
      cases.map((rehabCase) => ({ key: rehabCase.caseId, from: rehabCase.openedDate, to: rehabCase.closedDate, line: rehabCase.line })),
      'oppnat_datum',
      'avslutat_datum',
    ),
    ...duplicateIds('rehabarenden.csv', cases.map((rehabCase) => ({ id: rehabCase.caseId, line: rehabCase.line })), 'arende_id'),
  );
  if (employmentFile?.employmentIds) {
    problems.push(
      ...unknownEmployments('sjukfranvaro.csv', sickSegments, employmentFile.employmentIds),
      ...unknownEmployments('rehabarenden.csv', cases, employmentFile.employmentIds),
    );
  }

  if (problems.length > 0) throw new InputError(sortProblems(problems));

  const warnings: DataWarning[] = [
    ...(employmentFile?.rows ?? [])
      .filter(({ value }) => value.personnummer === false)
      .map(({ line }): DataWarning => ({ code: 'invalid_personnummer', file: 'anstallda.csv', line })),
    ...sickSegments
      .filter((segment) => !USUAL_EXTENTS.has(segment.extent))
      .map((segment): DataWarning => ({ code: 'unusual_extent', file: 'sjukfranvaro.csv', line: segment.line, value: segment.extent })),
  ];

  const files: ReadDatasetResult['files'] = {};
  if (employmentFile) files['anstallda.csv'] = employmentFile.report;
  if (sickFile) files['sjukfranvaro.csv'] = sickFile.report;
  if (caseFile) files['rehabarenden.csv'] = caseFile.report;
  return { dataset: { employments, sickSegments, cases }, files, warnings };
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

function readRows<S extends RowSchema>(
  path: string,
  key: InputFileKey,
  schema: S,
  aliases: Record<string, string[]> | undefined,
  problems: InputProblem[],
): ReadRows<S> | null {
  const file = FILE_NAMES[key];
  let csv;
  try {
    csv = readCsvFile(path, file);
  } catch (error) {
    if (error instanceof InputError) {
      problems.push(...error.problems);
      return null;
    }
    throw error;
  }
  const report: FileReport = { rows: csv.records.length, encoding: csv.encoding, delimiter: csv.delimiter, sha256: csv.sha256 };
  if (csv.headers.length === 0) {
    problems.push({ file, line: 0, field: '', message: 'filen är tom (rubrikrad saknas)' });
    return { report, rows: [], employmentIds: null };
  }
  const fields = ALL_COLUMNS[key];
  const columns = mapHeaders(csv.headers, fields, aliases);
  const missing = REQUIRED_COLUMNS[key].filter((field) => !columns.has(field));
  for (const field of missing) {
    problems.push({ file, line: 1, field, message: 'kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json' });
  }
  if (missing.length > 0) return { report, rows: [], employmentIds: null };

  const rows: ReadRows<S>['rows'] = [];
  const employmentIds = new Set<string>();
  for (const record of csv.records) {
    const cells: Record<string, string> = {};
    for (const field of fields) {
      const index = columns.get(field);
      cells[field] = index === undefined ? '' : (record.values[index] ?? '').trim();
    }
    if (cells.anstallnings_id) employmentIds.add(cells.anstallnings_id);
    // More cells than headers means the values are shifted (an unquoted delimiter), even when the last one is empty.
    if (record.values.length > csv.headers.length) {
      problems.push({
        file,
        line: record.line,
        field: '',
        message: `raden har fler fält än rubrikraden (${record.values.length} mot ${csv.headers.length}); ett värde som innehåller avgränsaren måste stå inom citattecken`,
      });
      continue;
    }
    const result = schema.safeParse(cells);
    if (result.success) {
      rows.push({ line: record.line, value: result.data as z.output<S> });
      continue;
    }
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const cell = cells[field] ?? '';
      problems.push({
        file,
        line: record.line,
        field,
        message: issue.message,
        ...(cell === '' ? {} : { value: HIDDEN_FIELDS.has(field) ? 'dolt' : cell }),
      });
    }
  }
  return { report, rows, employmentIds };
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
