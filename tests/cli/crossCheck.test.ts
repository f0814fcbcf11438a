// Cross-check of the real CLI on realistic generated exports (fixtures/generator.ts) against the independent
// references: `rehab stats --format json` figure by figure with tests/core/absenceReference.ts (SPEC §3), and
// `rehab cases --format json` case by case with tests/core/caseReference.ts (SPEC §4). The test reads the CSV
// files itself with csv-parse (not with src/input), so the reader is part of what is checked.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_HEADERS, EMPLOYMENT_HEADERS, SICK_LEAVE_HEADERS, generateExport, type GeneratorDelimiter, type GeneratorEncoding } from '../../fixtures/generator.js';
import { referenceReport, type RefCells, type RefEmployment, type RefMonth, type RefReport, type RefSegment, type RefThresholds } from '../core/absenceReference.js';
import { referenceCaseChecklist, type RefCase, type RefThresholds as RefCaseThresholds } from '../core/caseReference.js';
import { runCli } from '../helpers/runCli.js';

// --- the thresholds, written out from SPEC §3/§4/§7 (not imported from src/core) --------------------------------

interface AllThresholds extends RefThresholds, RefCaseThresholds {}

const SPEC_THRESHOLDS: AllThresholds = {
  shortTermMaxDay: 14,
  longSpellDays: 60,
  relapseGapDays: 5,
  deviationPp: 2.0,
  repeatedShortTermPeriods: 6,
  repeatedShortTermMonths: 12,
  minGroupSize: 5,
  statutoryGroupMaxSuppressed: 10,
  certificateFromDay: 8,
  certificateExpiringDays: 14,
  healthTalkMaxAgeMonths: 12,
  returnPlanDay: 30,
  returnPlanForcedDay: 60,
  planMaxAgeDays: 90,
  activityMaxAgeDays: 30,
  deeperSupportShare: 0.5,
  deeperSupportCases: 3,
  sickLeaveWithoutCaseFromDay: 15,
};

/** A config with other thresholds (Swedish keys of rehab.config.json) and what they mean for the references. */
const OTHER_THRESHOLDS_CONFIG = {
  troskelvarden: {
    korttidMaxDag: 10,
    langaPerioderDagar: 30,
    aterinsjuknandeDagar: 3,
    avvikelseProcentenheter: 1.5,
    upprepadKorttidPerioder: 4,
    upprepadKorttidManader: 9,
    lagstadgadGruppDoljsVidHogst: 20,
    lakarintygFranDag: 5,
    lakarintygUtgarInomDagar: 7,
    halsosamtalMaxAlderManader: 6,
    planFranDag: 20,
    planSenastDag: 45,
    planMaxAlderDagar: 60,
    aktivitetMaxAlderDagar: 21,
    fordjupatStodAndel: 0.25,
    fordjupatStodArenden: 2,
    sjukfallUtanArendeFranDag: 10,
  },
  minstaGruppstorlek: 8,
};
const OTHER_THRESHOLDS: AllThresholds = {
  shortTermMaxDay: 10,
  longSpellDays: 30,
  relapseGapDays: 3,
  deviationPp: 1.5,
  repeatedShortTermPeriods: 4,
  repeatedShortTermMonths: 9,
  minGroupSize: 8,
  statutoryGroupMaxSuppressed: 20,
  certificateFromDay: 5,
  certificateExpiringDays: 7,
  healthTalkMaxAgeMonths: 6,
  returnPlanDay: 20,
  returnPlanForcedDay: 45,
  planMaxAgeDays: 60,
  activityMaxAgeDays: 21,
  deeperSupportShare: 0.25,
  deeperSupportCases: 2,
  sickLeaveWithoutCaseFromDay: 10,
};

// --- an export built for the funnel signals ------------------------------------------------------------------

/**
 * Realistic generated units are small, so chance explains their differences and no funnel signal fires. This export
 * has 40 enheter of 50 people at 6 % (24 people × 23 days = 552 of 50 × 184 = 9 200) in 8 verksamheter of 5, and four
 * large enheter, each its own verksamhet: 1 500 people at 8.75 % (1 050 × 23), 800 at 3.125 % (200 × 23), 300 at
 * 10.29 % (247 × 23) and 300 at 3.75 % (90 × 23). Förvaltningen: 4 900 × 184 = 901 600 days, 58 581 sick → 6.4974 %.
 * Among the 44 enheter the winsorised φ = 0.021, so τ² = 0, and by hand (θ₀ = asin√0.064974):
 * 8.75 % > 99.8 % upper 8.600 % → high; 3.125 % < 99.8 % lower 4.069 % → low;
 * 10.29 % in 9.559–11.562 % → watch_high; 3.75 % in 2.814–3.992 % → watch_low.
 */
function signalExport(): Record<string, Buffer> {
  const employments: string[][] = [];
  const sick: string[][] = [];
  let id = 500_000;
  const addUnit = (unitId: string, operation: string, department: string, people: number, sickPeople: number): void => {
    for (let person = 0; person < people; person += 1) {
      id += 1;
      employments.push([
        String(id), `Testperson ${id}`, '', 'Signalförvaltningen', department, operation, unitId, `Enhet ${unitId}`,
        `Chef ${unitId}`, `chef.${unitId.toLowerCase()}@exempel.se`, '100', person % 5 === 0 ? 'M' : 'K', String(1960 + (person % 40)), '2020-01-01', '',
      ]);
      if (person < sickPeople) sick.push([String(id), '2026-09-01', '2026-09-23', '100']);
    }
  };
  for (let unit = 0; unit < 40; unit += 1) addUnit(`S${String(unit).padStart(2, '0')}`, `Verksamhet ${Math.floor(unit / 5) + 1}`, unit < 20 ? 'Avdelning Norr' : 'Avdelning Söder', 50, 24);
  addUnit('L1', 'Stora verksamheten', 'Avdelning Norr', 1500, 1050);
  addUnit('L2', 'Friska verksamheten', 'Avdelning Söder', 800, 200);
  addUnit('L3', 'Mellanverksamheten', 'Avdelning Söder', 300, 247);
  addUnit('L4', 'Lugna verksamheten', 'Avdelning Norr', 300, 90);
  const csv = (header: readonly string[], rows: string[][]): Buffer => Buffer.from(`${[header, ...rows].map((row) => row.join(';')).join('\r\n')}\r\n`, 'utf8');
  return { 'anstallda.csv': csv(EMPLOYMENT_HEADERS, employments), 'sjukfranvaro.csv': csv(SICK_LEAVE_HEADERS, sick), 'rehabarenden.csv': csv(CASE_HEADERS, []) };
}

/** The signals worked out by hand above. */
const EXPECTED_SIGNALS: Record<string, string | null> = { 'enhet:L1': 'high', 'enhet:L2': 'low', 'enhet:L3': 'watch_high', 'enhet:L4': 'watch_low', 'enhet:S00': null };

// --- the generated exports -----------------------------------------------------------------------------------

interface Export {
  label: string;
  seed: number;
  employments: number;
  asOf: string;
  encoding?: GeneratorEncoding;
  delimiter?: GeneratorDelimiter;
  /** Units moved to another verksamhet and avdelning inside the data (SPEC §3: figures follow today's organisation). */
  reorganise?: boolean;
  /** Files built by the test instead of the generator (UTF-8, semicolons). */
  files?: () => Record<string, Buffer>;
  /** Written as rehab.config.json and passed with --config; otherwise the CLI runs with defaults. */
  config?: { forvaltning?: string; troskelvarden?: Record<string, number>; minstaGruppstorlek?: number };
  thresholds: AllThresholds;
  /** Extra stats runs with other windows: the CLI options and the window they mean (worked out by hand). */
  extraWindows?: { args: string[]; window: { from: string; to: string } }[];
}

const EXPORTS: Export[] = [
  {
    label: 'mid-month as-of in February, reorganised',
    seed: 11,
    employments: 60,
    asOf: '2027-02-10',
    reorganise: true,
    thresholds: SPEC_THRESHOLDS,
    // Three full months before February 2027.
    extraWindows: [{ args: ['--months', '3'], window: { from: '2026-11-01', to: '2027-01-31' } }],
  },
  { label: 'as-of on the 1st of a month, UTF-8 with BOM, commas, reorganised', seed: 23, employments: 180, asOf: '2026-09-01', encoding: 'utf-8-bom', delimiter: ',', reorganise: true, thresholds: SPEC_THRESHOLDS },
  {
    label: 'as-of in August',
    seed: 37,
    employments: 260,
    asOf: '2026-08-19',
    thresholds: SPEC_THRESHOLDS,
    // Odd dates, not whole months (so the previous period is the same number of days before it), across a year end.
    extraWindows: [{ args: ['--from', '2025-12-17', '--to', '2026-05-09'], window: { from: '2025-12-17', to: '2026-05-09' } }],
  },
  {
    label: 'as-of on the last day of December, with the administration named in the config',
    seed: 41,
    employments: 400,
    asOf: '2026-12-31',
    config: { forvaltning: 'Funktionsstödsförvaltningen (från konfigurationen)' },
    thresholds: SPEC_THRESHOLDS,
    // The generator hires nobody before 1996-01-01: the previous year (1994-07..1995-06) has no exposure at all,
    // so every previousTotalPct is null, and only units with someone hired by June 1996 are listed.
    extraWindows: [{ args: ['--from', '1995-07-01', '--to', '1996-06-30'], window: { from: '1995-07-01', to: '1996-06-30' } }],
  },
  {
    label: 'Windows-1252, tab-separated, leap-year February in the window, other thresholds from the config, reorganised',
    seed: 53,
    employments: 140,
    asOf: '2028-03-14',
    encoding: 'windows-1252',
    delimiter: '\t',
    reorganise: true,
    config: OTHER_THRESHOLDS_CONFIG,
    thresholds: OTHER_THRESHOLDS,
  },
  {
    label: 'many units, reorganised, Windows-1252 with semicolons',
    seed: 67,
    employments: 1200,
    asOf: '2027-08-20',
    encoding: 'windows-1252',
    reorganise: true,
    thresholds: SPEC_THRESHOLDS,
  },
  { label: 'funnel signals (hand-built: 40 small and 4 large enheter)', seed: 0, employments: 4900, asOf: '2027-02-10', files: signalExport, thresholds: SPEC_THRESHOLDS },
];

/** SPEC §3: the N full calendar months before the month of the as-of date (own arithmetic on UTC dates). */
function defaultWindowOf(asOf: string, months: number): { from: string; to: string } {
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: isoOf(Date.UTC(year, month - 1 - months, 1)), to: isoOf(Date.UTC(year, month - 1, 0)) };
}

// --- reading the CSV files independently ----------------------------------------------------------------------

interface ParsedExport {
  employments: (RefEmployment & { managerEmail: string })[];
  segments: RefSegment[];
  cases: RefCase[];
}

function readCsv(path: string, encoding: GeneratorEncoding, delimiter: string): Record<string, string>[] {
  const bytes = readFileSync(path);
  const text = encoding === 'windows-1252' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
  const rows = parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  // Line numbers below are "record index + 2": true only while no quoted field spans lines.
  expect(text.split('\r\n').length - 2).toBe(rows.length);
  return rows;
}

const dateOrNull = (text: string | undefined): string | null => (text === undefined || text === '' ? null : text);
const numberOf = (text: string): number => Number(text.replace(',', '.'));

function readExport(dir: string, encoding: GeneratorEncoding, delimiter: string): ParsedExport {
  const employments = readCsv(join(dir, 'anstallda.csv'), encoding, delimiter).map((row, index): ParsedExport['employments'][number] => ({
    employmentId: row.anstallnings_id!,
    administration: row.forvaltning!,
    department: row.avdelning!,
    operation: row.verksamhet!,
    unitId: row.enhet_id!,
    unitName: row.enhet!,
    managerEmail: row.chef_epost!,
    employmentRate: numberOf(row.sysselsattningsgrad!),
    gender: row.kon === 'K' || row.kon === 'M' ? row.kon : null,
    birthYear: row.fodelsear ? Number(row.fodelsear) : null,
    validFrom: row.giltig_from!,
    validTo: dateOrNull(row.giltig_tom),
    line: index + 2,
  }));
  const segments = readCsv(join(dir, 'sjukfranvaro.csv'), encoding, delimiter).map((row) => ({
    employmentId: row.anstallnings_id!,
    from: row.from_datum!,
    to: dateOrNull(row.tom_datum),
    extent: numberOf(row.omfattning!),
  }));
  const cases = readCsv(join(dir, 'rehabarenden.csv'), encoding, delimiter).map((row) => ({
    caseId: row.arende_id!,
    employmentId: row.anstallnings_id!,
    status: row.status!,
    openedDate: row.oppnat_datum!,
    expectedOver60Days: dateOrNull(row.forvantas_over_60_dagar),
    certificateTo: dateOrNull(row.lakarintyg_tom),
    healthTalkDate: dateOrNull(row.halsosamtal_datum),
    planMadeDate: dateOrNull(row.plan_upprattad_datum),
    planRevisedDate: dateOrNull(row.plan_reviderad_datum),
    planFollowUpDate: dateOrNull(row.plan_uppfoljning_datum),
    lastDocumentationDate: dateOrNull(row.senaste_dokumentation_datum),
    nextActivityDate: dateOrNull(row.nasta_aktivitet_datum),
  }));
  return { employments, segments, cases };
}

// --- the CLI's JSON (SPEC §5) ---------------------------------------------------------------------------------

interface RatesJson {
  employees: number;
  exposureDays: number;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
  longSpellSharePct: number;
  previousTotalPct: number | null;
}

interface UnitJson extends RatesJson {
  level: string;
  id: string;
  name: string;
  parent: string;
  diffPp: number | null;
  deviates: boolean;
  suppressed: boolean;
  funnel: { lower95Pct: number; upper95Pct: number; lower998Pct: number; upper998Pct: number } | null;
  signal: string | null;
}

interface StatsJson {
  asOf: string;
  window: { from: string; to: string };
  administration: RatesJson & { name: string };
  units: UnitJson[];
  previousWindow: { from: string; to: string };
  trend: { months: string[]; administration: RefMonth[]; units: Record<string, RefMonth[]> };
  statutory: { group: string; employees: number; exposureDays: number; totalPct: number | null; suppressed: boolean }[];
  repeatedShortTerm: { employmentId: string; periodStarts: string[] }[];
  cells: Record<string, RefCells>;
}

interface CaseJson {
  caseId: string;
  employmentId: string;
  unitId: string;
  manager: string;
  periodStart: string | null;
  dayNumber: number | null;
  checks: { certificate: string; healthTalk: string; returnPlan: string; activity: string };
  gaps: number;
  assessment: string;
  nextMilestone: { day: number; date: string } | null;
  reasons: Record<string, { code: string; date: string | null }>;
}

interface CasesJson {
  asOf: string;
  cases: CaseJson[];
  managers: { manager: string; cases: number; gapsByCheck: Record<string, number>; totalGaps: number; needsSupport: number; deeperSupport: boolean; uncoveredSickLeave: number }[];
  repeatedShortTerm: { employmentId: string; thresholdPeriodStart: string; caseId: string | null; finding: string }[];
  uncoveredSickLeave: { employmentId: string; unitId: string; manager: string; periodStart: string; dayNumber: number; extent: number; nextMilestone: { day: number; date: string } | null }[];
}

function runJson<T>(args: string[], cwd: string): T {
  const result = runCli([...args, '--format', 'json'], { cwd });
  expect(result.status, `rehab ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

// --- comparisons ----------------------------------------------------------------------------------------------

const RATE_KEYS = ['exposureDays', 'shortPct', 'longPct', 'totalPct', 'longSpellSharePct', 'previousTotalPct'] as const;

/** Number of leaf values (numbers, strings, booleans, nulls) in a JSON value: what a toEqual compares. */
function leaves(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  return Object.values(value).reduce((sum: number, child) => sum + leaves(child), 0);
}

function expectClose(actual: number | null | undefined, expected: number | null, where: string): void {
  if (expected === null) {
    expect(actual, where).toBeNull();
    return;
  }
  expect(actual, where).not.toBeNull();
  // Relative: exposure sums of tens of thousands of days differ in the last bits between two summation orders.
  coverage.values += 1;
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual! - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function expectSameMonths(actual: readonly RefMonth[] | undefined, expected: readonly RefMonth[], where: string): void {
  expect(actual?.map((month) => month.month), where).toEqual(expected.map((month) => month.month));
  expected.forEach((month, index) => {
    for (const key of ['shortPct', 'longPct', 'totalPct'] as const) expectClose(actual![index]![key], month[key], `${where} ${month.month} ${key}`);
  });
}

const coverage = { funnels: 0, uncovered: 0, reasons: new Set<string>(), signals: new Set<string>(), values: 0, reorganisedUnits: 0, units: 0, unitsDeviating: 0, unitsSuppressed: 0, unitsWithNullPrevious: 0, trendMonths: 0, cases: 0, casesWithPeriod: 0, statuses: new Set<string>(), assessments: new Set<string>(), findings: 0, statsRuns: 0 };

function compareStats(label: string, actual: StatsJson, expected: RefReport, asOf: string, window: { from: string; to: string }): void {
  expect(actual.asOf).toBe(asOf);
  expect(actual.window, `${label} window`).toEqual(window);
  expect(actual.previousWindow, `${label} previous window`).toEqual(expected.previousWindow);

  expect(actual.administration.name, `${label} administration name`).toBe(expected.administration.name);
  expect(actual.administration.employees, `${label} administration employees`).toBe(expected.administration.employees);
  for (const key of RATE_KEYS) expectClose(actual.administration[key], expected.administration[key], `${label} administration ${key}`);

  const keyOf = (unit: { level: string; id: string }) => `${unit.level}:${unit.id}`;
  const actualUnits = new Map(actual.units.map((unit) => [keyOf(unit), unit]));
  expect(actualUnits.size, `${label}: a unit listed twice`).toBe(actual.units.length);
  expect([...actualUnits.keys()].sort(), `${label} unit set`).toEqual(expected.units.map(keyOf).sort());
  for (const unit of expected.units) {
    const mine = actualUnits.get(keyOf(unit))!;
    const where = `${label} ${keyOf(unit)}`;
    expect([mine.level, mine.id, mine.name, mine.parent], `${where} identity`).toEqual([unit.level, unit.id, unit.name, unit.parent]);
    expect(mine.employees, `${where} employees`).toBe(unit.employees);
    for (const key of [...RATE_KEYS, 'diffPp'] as const) expectClose(mine[key], unit[key], `${where} ${key}`);
    expect(mine.deviates, `${where} deviates`).toBe(unit.deviates);
    expect(mine.suppressed, `${where} suppressed`).toBe(unit.suppressed);
    expect(mine.signal, `${where} signal`).toBe(unit.signal);
    if (unit.funnel === null) expect(mine.funnel, `${where} funnel`).toBeNull();
    else {
      for (const key of ['lower95Pct', 'upper95Pct', 'lower998Pct', 'upper998Pct'] as const) expectClose(mine.funnel?.[key], unit.funnel[key], `${where} funnel ${key}`);
      coverage.funnels += 1;
    }
    if (unit.signal !== null) coverage.signals.add(unit.signal);
    coverage.values += 8;
    coverage.units += 1;
    if (unit.deviates) coverage.unitsDeviating += 1;
    if (unit.suppressed) coverage.unitsSuppressed += 1;
    if (unit.previousTotalPct === null) coverage.unitsWithNullPrevious += 1;
  }

  expect(actual.trend.months, `${label} trend months`).toEqual(expected.trend.months);
  expectSameMonths(actual.trend.administration, expected.trend.administration, `${label} trend administration`);
  expect(Object.keys(actual.trend.units).sort(), `${label} trend units`).toEqual(Object.keys(expected.trend.units).sort());
  for (const [key, months] of Object.entries(expected.trend.units)) {
    expectSameMonths(actual.trend.units[key], months, `${label} trend ${key}`);
    coverage.trendMonths += months.length;
  }

  expect(actual.statutory.map((group) => [group.group, group.employees, group.suppressed]), `${label} statutory`).toEqual(
    expected.statutory.map((group) => [group.group, group.employees, group.suppressed]),
  );
  expected.statutory.forEach((group, index) => {
    expectClose(actual.statutory[index]!.exposureDays, group.exposureDays, `${label} statutory ${group.group} exposure`);
    expectClose(actual.statutory[index]!.totalPct, group.totalPct, `${label} statutory ${group.group} totalPct`);
  });
  expect([...actual.repeatedShortTerm].sort((a, b) => (a.employmentId < b.employmentId ? -1 : 1)), `${label} repeated short-term`).toEqual(expected.repeatedShortTerm);
  coverage.values += leaves(expected.repeatedShortTerm) + 3 * expected.statutory.length;

  expect(Object.keys(actual.cells).sort(), `${label} cells`).toEqual(Object.keys(expected.cells).sort());
  for (const [key, cells] of Object.entries(expected.cells)) {
    const mine = actual.cells[key]!;
    const pairs = [['window', mine.window, cells.window], ['previous', mine.previous, cells.previous], ...cells.months.map((cell, index) => [`month ${index}`, mine.months[index], cell] as const)] as const;
    for (const [period, own, cell] of pairs) {
      expect(own?.employees, `${label} cell ${key} ${period} employees`).toBe(cell.employees);
      expectClose(own?.exposureDays, cell.exposureDays, `${label} cell ${key} ${period} exposure`);
      coverage.values += 1;
    }
  }
  coverage.statsRuns += 1;
}

// --- the tests ------------------------------------------------------------------------------------------------

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('rehab stats/cases --format json against the independent references, on generated exports', () => {
  for (const spec of EXPORTS) {
    it(`${spec.label} (seed ${spec.seed}, ${spec.employments} employments, as-of ${spec.asOf})`, () => {
      const folder = mkdtempSync(join(tmpdir(), 'rehab-crosscheck-'));
      folders.push(folder);
      const data = join(folder, 'data');
      const encoding = spec.encoding ?? 'utf-8';
      const delimiter = spec.delimiter ?? ';';
      const generated = spec.files ? { files: spec.files() } : generateExport({ seed: spec.seed, employments: spec.employments, asOf: spec.asOf, encoding, delimiter, reorganise: spec.reorganise ?? false });
      // The data folder holds only the three exports; the CLI runs in the parent folder (no stray config).
      mkdirSync(data);
      for (const [name, bytes] of Object.entries(generated.files)) writeFileSync(join(data, name), bytes);
      const configArgs: string[] = [];
      if (spec.config) {
        const configPath = join(folder, 'rehab.config.json');
        writeFileSync(configPath, JSON.stringify(spec.config, null, 2));
        configArgs.push('--config', configPath);
      }

      const parsed = readExport(data, encoding, delimiter);
      expect(parsed.employments.length).toBeGreaterThanOrEqual(spec.employments);
      const operationsOfUnit = new Map<string, Set<string>>();
      for (const row of parsed.employments) operationsOfUnit.set(row.unitId, (operationsOfUnit.get(row.unitId) ?? new Set()).add(row.operation));
      const reorganised = [...operationsOfUnit.values()].filter((operations) => operations.size > 1).length;
      if (spec.reorganise) expect(reorganised, 'units that changed verksamhet').toBeGreaterThan(0);
      coverage.reorganisedUnits += reorganised;
      if (spec.files) {
        const stats = runJson<StatsJson>(['stats', '--data', data, '--as-of', spec.asOf], folder);
        const signals = Object.fromEntries(Object.keys(EXPECTED_SIGNALS).map((key) => [key, stats.units.find((unit) => `${unit.level}:${unit.id}` === key)?.signal]));
        expect(signals, 'hand-computed funnel signals').toEqual(EXPECTED_SIGNALS);
        expect(stats.administration.totalPct).toBeCloseTo((58_581 / 901_600) * 100, 10);
        // The table's last column and the CSV say it in Swedish.
        const table = runCli(['stats', '--data', data, '--as-of', spec.asOf, '--level', 'enhet'], { cwd: folder }).stdout.split('\n');
        expect(['L1', 'L2', 'L3', 'L4'].map((unitId) => table.find((line) => line.startsWith(`Enhet ${unitId} `))!.split(/\s{2,}/).at(-1))).toEqual(['Hög', 'Låg', 'Bevaka, hög', 'Bevaka, låg']);
        const csv = runCli(['stats', '--data', data, '--as-of', spec.asOf, '--format', 'csv'], { cwd: folder }).stdout.split('\r\n');
        expect(csv.find((line) => line.startsWith('Enhet;L1;'))!.split(';').slice(-5)).toEqual(['Hög', expect.any(String), expect.any(String), expect.any(String), '8,60']);
      }
      const administrationName = spec.config?.forvaltning ?? null;
      const defaultWindow = defaultWindowOf(spec.asOf, 6);

      // Stats: the default window, then any extra windows.
      const windows = [{ args: [] as string[], window: defaultWindow }, ...(spec.extraWindows ?? [])];
      let defaultReference: RefReport | null = null;
      for (const { args, window } of windows) {
        const expected = referenceReport(parsed.employments, parsed.segments, window, spec.asOf, spec.thresholds, administrationName);
        if (args.length === 0) defaultReference = expected;
        const actual = runJson<StatsJson>(['stats', '--data', data, '--as-of', spec.asOf, ...args, ...configArgs], folder);
        compareStats(`${spec.label} [${args.join(' ') || 'default window'}]`, actual, expected, spec.asOf, window);
      }

      // Cases: repeated short-term absence is a figure of the default window (SPEC §3), fed from the reference report.
      const expectedCases = referenceCaseChecklist(
        { employments: parsed.employments, sickSegments: parsed.segments, cases: parsed.cases },
        spec.asOf,
        spec.thresholds,
        defaultReference!.repeatedShortTerm,
      );
      const actualCases = runJson<CasesJson>(['cases', '--data', data, '--as-of', spec.asOf, ...configArgs], folder);
      expect(actualCases.asOf).toBe(spec.asOf);
      const byId = new Map(actualCases.cases.map((entry) => [entry.caseId, entry]));
      expect(byId.size, 'a case listed twice').toBe(actualCases.cases.length);
      expect([...byId.keys()].sort(), 'case set').toEqual(expectedCases.cases.map((entry) => entry.caseId));
      const employmentOfCase = new Map(parsed.cases.map((entry) => [entry.caseId, entry.employmentId]));
      for (const expected of expectedCases.cases) {
        const mine = byId.get(expected.caseId)!;
        const { employmentId, ...rest } = mine;
        expect(employmentId, `${expected.caseId} employmentId`).toBe(employmentOfCase.get(expected.caseId));
        expect(rest, `case ${expected.caseId}`).toEqual(expected);
        coverage.values += leaves(expected) + 1;
        coverage.cases += 1;
        if (expected.dayNumber !== null) coverage.casesWithPeriod += 1;
        for (const [check, status] of Object.entries(expected.checks)) coverage.statuses.add(`${check}:${status}`);
        coverage.assessments.add(expected.assessment);
      }
      expect(
        actualCases.managers.map(({ manager, cases, gapsByCheck, totalGaps, needsSupport, deeperSupport, uncoveredSickLeave }) => ({
          manager: manager.toLowerCase(), cases, gapsByCheck, totalGaps, needsSupport, deeperSupport, uncoveredSickLeave,
        })),
        'managers',
      ).toEqual([...expectedCases.managers.values()].sort((a, b) => (a.manager < b.manager ? -1 : 1)));
      coverage.values += leaves([...expectedCases.managers.values()]);
      expect(
        actualCases.repeatedShortTerm
          .map(({ employmentId, thresholdPeriodStart, caseId, finding }) => ({ employmentId, thresholdPeriodStart, caseId, finding }))
          .sort((a, b) => (a.employmentId < b.employmentId ? -1 : 1)),
        'repeated short-term findings',
      ).toEqual(expectedCases.findings);
      coverage.findings += expectedCases.findings.length;
      // Sick leave without a case: the same employments, in the same order (highest day number first).
      expect(actualCases.uncoveredSickLeave, 'sick leave without a case').toEqual(expectedCases.uncovered);
      coverage.uncovered += expectedCases.uncovered.length;
      coverage.values += leaves(expectedCases.uncovered);
      for (const entry of expectedCases.cases) for (const [check, reason] of Object.entries(entry.reasons)) coverage.reasons.add(`${check}:${reason.code}`);
      coverage.values += leaves(expectedCases.findings);
    });
  }

  it('reached the interesting ground (or the comparison proves little)', () => {
    expect(coverage.statsRuns).toBe(EXPORTS.length + 3);
    expect(coverage.reorganisedUnits).toBeGreaterThan(8);
    expect(coverage.funnels).toBeGreaterThan(150);
    expect([...coverage.signals].sort()).toEqual(['high', 'low', 'watch_high', 'watch_low']);
    expect(coverage.uncovered).toBeGreaterThan(5);
    expect([...coverage.reasons].sort()).toEqual(
      [
        'certificate:missing', 'certificate:expired', 'certificate:expiring',
        'healthTalk:missing', 'healthTalk:outdated',
        'returnPlan:missing', 'returnPlan:follow_up_overdue', 'returnPlan:stale',
        'activity:no_documentation', 'activity:documentation_stale', 'activity:no_next_activity',
      ].sort(),
    );
    expect(coverage.unitsWithNullPrevious).toBeGreaterThan(0);
    expect(coverage.units).toBeGreaterThan(120);
    expect(coverage.unitsDeviating).toBeGreaterThan(5);
    expect(coverage.unitsSuppressed).toBeGreaterThan(5);
    expect(coverage.cases).toBeGreaterThan(60);
    expect(coverage.casesWithPeriod).toBeGreaterThan(30);
    expect(coverage.assessments).toEqual(new Set(['systematic', 'partial', 'needs_support']));
    expect(coverage.findings).toBeGreaterThan(0);
    // Every status of SPEC §4 shows up at least once.
    expect([...coverage.statuses].sort()).toEqual(
      [
        'certificate:ok', 'certificate:missing', 'certificate:expired', 'certificate:expiring', 'certificate:not_applicable',
        'healthTalk:ok', 'healthTalk:missing', 'healthTalk:outdated',
        'returnPlan:ok', 'returnPlan:missing', 'returnPlan:outdated', 'returnPlan:not_applicable',
        'activity:ok', 'activity:inactive', 'activity:no_next_activity',
      ].sort(),
    );
    if (process.env.REHAB_CROSSCHECK_REPORT) console.log(JSON.stringify({ ...coverage, reasons: [...coverage.reasons], signals: [...coverage.signals], statuses: coverage.statuses.size, assessments: [...coverage.assessments] }));
  });
});
