// rehab stats: the absence figures as SPEC §5 JSON, a Swedish table for the terminal, or a Swedish CSV for Excel.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { AbsenceRates, AbsenceReport, GroupCells, MonthlyRate, RepeatedShortTermAbsence, StatutoryFigure, UnitFigures, UnitLevel } from '../core/absenceFigures.js';
import { hiddenReason, unitGroup, type HiddenReason, type SharedDisclosure } from '../core/suppression.js';
import type { FunnelLimits, FunnelSignal } from '../core/funnelLimits.js';
import type { Thresholds } from '../core/thresholds.js';
import type { DataWarning } from '../core/types.js';
import { neutralizeCellText } from './cellText.js';
import { FUNNEL_SIGNAL_SHORT_LABELS, MONTH_NAMES, STATUTORY_GROUP_LABELS, UNIT_LEVEL_LABELS, YES_NO_LABELS } from './labels.js';
import { sortWarnings, warningMessage, warningsJson, type WarningJson } from './dataWarnings.js';
import { excelCsv } from './excelCsv.js';
import { safeLine } from './safeText.js';

export type LevelFilter = UnitLevel | 'all';

/** The rates SPEC §5 lists for the administration and for every unit. */
type RatesJson = Pick<AbsenceRates, 'employees' | 'exposureDays' | 'shortPct' | 'longPct' | 'totalPct' | 'longSpellSharePct' | 'previousTotalPct'>;

/** One unit exactly as SPEC §5 lists it (the key order is set where it is built). */
export interface UnitJson extends RatesJson {
  level: UnitLevel;
  id: string;
  name: string;
  parent: string;
  diffPp: number | null;
  deviates: boolean;
  suppressed: boolean;
  /** SPEC §5 added fields: null for an avdelning and where exposure is 0. */
  funnel: FunnelLimits | null;
  signal: FunnelSignal | null;
  /** What shared decks do with the unit's figures in the window (SPEC §7): hidden and why, or null when shown. */
  hiddenInSharedMaterial?: HiddenReason | null;
}

export interface AdministrationJson extends RatesJson {
  name: string;
}

export interface StatsJson {
  asOf: IsoDate;
  window: DateRange;
  administration: AdministrationJson;
  units: UnitJson[];
  warnings: WarningJson[];
  previousWindow: DateRange;
  trend: { months: IsoDate[]; administration: MonthlyRate[]; units: Record<string, MonthlyRate[]> };
  statutory: StatutoryFigure[];
  repeatedShortTerm: RepeatedShortTermAbsence[];
  funnelDispersion: AbsenceReport['funnelDispersion'];
  /** Employees and exposure of every cell (window, previous period, trend months), for disclosure control downstream. */
  cells: Record<string, GroupCells>;
}

export function filterUnits(units: readonly UnitFigures[], level: LevelFilter): UnitFigures[] {
  return level === 'all' ? [...units] : units.filter((unit) => unit.level === level);
}

/** Warning lines for the terminal (stderr): `fil:rad: text`. */
export function warningLines(warnings: readonly DataWarning[]): string[] {
  return sortWarnings(warnings).map((warning) => `Varning: ${warning.file}:${warning.line}: ${warningMessage(warning)}`);
}

function rateKeys(figures: AbsenceReport['administration'] | UnitFigures): Omit<AdministrationJson, 'name'> {
  return {
    employees: figures.employees,
    exposureDays: figures.exposureDays,
    shortPct: figures.shortPct,
    longPct: figures.longPct,
    totalPct: figures.totalPct,
    longSpellSharePct: figures.longSpellSharePct,
    previousTotalPct: figures.previousTotalPct,
  };
}

/** SPEC §5 first (asOf, window, administration, units, warnings), then the extra figures. Percentages unrounded. */
export function statsJson(report: AbsenceReport, warnings: readonly DataWarning[], level: LevelFilter = 'all', disclosure?: SharedDisclosure): StatsJson {
  const units = filterUnits(report.units, level);
  return {
    asOf: report.asOf,
    window: { from: report.window.from, to: report.window.to },
    administration: { name: report.administration.name, ...rateKeys(report.administration) },
    units: units.map((unit) => ({
      level: unit.level,
      id: unit.id,
      name: unit.name,
      parent: unit.parent,
      ...rateKeys(unit),
      diffPp: unit.diffPp,
      deviates: unit.deviates,
      suppressed: unit.suppressed,
      funnel: unit.funnel === null ? null : { ...unit.funnel },
      signal: unit.signal,
      ...(disclosure ? { hiddenInSharedMaterial: hiddenReason(disclosure, unitGroup(unit), 'window') } : {}),
    })),
    warnings: warningsJson(warnings),
    previousWindow: { from: report.previousWindow.from, to: report.previousWindow.to },
    trend: {
      months: [...report.trend.months],
      administration: report.trend.administration,
      units: Object.fromEntries(units.map((unit) => [`${unit.level}:${unit.id}`, report.trend.units[`${unit.level}:${unit.id}`] ?? []])),
    },
    statutory: report.statutory,
    repeatedShortTerm: report.repeatedShortTerm,
    funnelDispersion: report.funnelDispersion,
    cells: Object.fromEntries(['administration', ...units.map((unit) => `${unit.level}:${unit.id}`)].map((key) => [key, report.cells[key]!])),
  };
}

/** Swedish number: decimal comma, space between thousands, '–' for null. */
export function formatNumber(value: number | null, decimals = 1, options: { sign?: boolean; group?: boolean } = {}): string {
  if (value === null) return '–';
  const rounded = value.toFixed(decimals);
  // -0.04 rounds to "-0.0": no sign on a zero.
  const isZero = Number(rounded) === 0;
  const [whole, fraction] = (isZero ? (0).toFixed(decimals) : rounded).replace('-', '').split('.') as [string, string | undefined];
  const grouped = options.group === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const sign = !isZero && value < 0 ? '-' : options.sign && !isZero ? '+' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** Columns left-aligned (text) or right-aligned (numbers), two spaces apart. */
function textTable(header: string[], rawRows: string[][], rightAligned: readonly boolean[]): string[] {
  // One line per row, no control characters (SPEC §7), before widths are measured so the columns line up.
  const rows = rawRows.map((row) => row.map(safeLine));
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

const LEVEL_TITLES: Record<UnitLevel, string> = { enhet: 'Enheter', verksamhet: 'Verksamheter', avdelning: 'Avdelningar' };
const PARENT_TITLES: Record<'enhet' | 'verksamhet', string> = { enhet: 'Verksamhet', verksamhet: 'Avdelning' };

function monthName(month: IsoDate): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function rateCells(figures: AbsenceReport['administration'] | UnitFigures): string[] {
  return [
    String(figures.employees),
    formatNumber(figures.exposureDays),
    formatNumber(figures.shortPct),
    formatNumber(figures.longPct),
    formatNumber(figures.totalPct),
    formatNumber(figures.longSpellSharePct),
    formatNumber(figures.previousTotalPct),
  ];
}

function rateHeaders(thresholds: Thresholds): string[] {
  return ['Anställda', 'Heltidsdagar', 'Kort %', 'Lång %', 'Totalt %', `≥${thresholds.longSpellDays} d %`, 'Föreg. %'];
}

export function statsTable(report: AbsenceReport, thresholds: Thresholds, level: LevelFilter = 'all'): string {
  const { administration } = report;
  const lines: string[] = [
    `Sjukfrånvaro per ${report.asOf} – ${administration.name || 'förvaltningen'}`,
    `Dataperiod ${report.window.from} – ${report.window.to}, föregående period ${report.previousWindow.from} – ${report.previousWindow.to}`,
    'Sjukdagar i procent av möjliga heltidsdagar (heltidsdagar = kalenderdagar × sysselsättningsgrad).',
    '',
    'Förvaltningen',
  ];
  const rightOfRates = [true, true, true, true, true, true, true];
  lines.push(...textTable(rateHeaders(thresholds), [rateCells(administration)], rightOfRates));

  const units = filterUnits(report.units, level);
  for (const unitLevel of ['enhet', 'verksamhet', 'avdelning'] as const) {
    if (level !== 'all' && level !== unitLevel) continue;
    const levelUnits = units.filter((unit) => unit.level === unitLevel);
    lines.push('', LEVEL_TITLES[unitLevel]);
    if (levelUnits.length === 0) {
      lines.push('Inga med anställda under perioden.');
      continue;
    }
    // An avdelning's parent is always the förvaltning: no column for it.
    const parentColumn = unitLevel === 'avdelning' ? [] : [PARENT_TITLES[unitLevel]];
    const signalColumn = unitLevel === 'avdelning' ? [] : ['Jämförelse'];
    const header = ['Namn', ...(unitLevel === 'enhet' ? ['Id'] : []), ...parentColumn, ...rateHeaders(thresholds), 'Diff pe', 'Avviker', ...signalColumn];
    const rows = levelUnits.map((unit) => [
      unit.suppressed ? `${unit.name} *` : unit.name,
      ...(unitLevel === 'enhet' ? [unit.id] : []),
      ...(unitLevel === 'avdelning' ? [] : [unit.parent]),
      ...rateCells(unit),
      formatNumber(unit.diffPp, 1, { sign: true }),
      unit.deviates ? 'ja' : '',
      ...(unitLevel === 'avdelning' ? [] : [unit.signal === null ? '' : FUNNEL_SIGNAL_SHORT_LABELS[unit.signal]]),
    ]);
    const textColumns = unitLevel === 'enhet' ? 3 : unitLevel === 'verksamhet' ? 2 : 1;
    lines.push(...textTable(header, rows, [...new Array<boolean>(textColumns).fill(false), ...rightOfRates, true, false, false]));
  }
  if (units.some((unit) => unit.suppressed)) {
    lines.push('', `* färre än ${thresholds.minGroupSize} anställda: visas inte i material som delas med grupper.`);
  }
  lines.push(
    '',
    `Kort = korttid (dag 1–${thresholds.shortTermMaxDay} i sjukperioden), Lång = långtid (dag ${thresholds.shortTermMaxDay + 1} och senare), Totalt = båda.`,
    `≥${thresholds.longSpellDays} d = andel av sjukdagarna som ligger i sjukperioder på minst ${thresholds.longSpellDays} dagar (räknat till dataperiodens sista dag).`,
    'Föreg. = totalt under föregående period. Diff pe = skillnad mot förvaltningen i procentenheter.',
    `Avviker = totalt minst ${formatNumber(thresholds.deviationPp)} procentenheter över förvaltningen.`,
    'Jämförelse = rättvis jämförelse som tar hänsyn till enhetens storlek (trattgränser): Hög/Låg = utanför 99,8 %-gränsen,',
    'Bevaka = utanför 95 %-gränsen. Tomt = skillnaden mot förvaltningen ryms i vad slumpen ger för en grupp av den storleken.',
  );

  lines.push('', 'Kön och ålder (lagstadgad redovisning, totalt %)');
  lines.push(
    ...textTable(
      ['Grupp', 'Anställda', 'Heltidsdagar', 'Totalt %'],
      report.statutory.map((figure) => [
        STATUTORY_GROUP_LABELS[figure.group],
        String(figure.employees),
        formatNumber(figure.exposureDays),
        figure.suppressed ? 'redovisas inte' : formatNumber(figure.totalPct),
      ]),
      [false, true, true, true],
    ),
  );
  lines.push(`Grupper med ${thresholds.statutoryGroupMaxSuppressed} eller färre anställda redovisas inte. Ålder = periodens slutår minus födelseår.`);

  lines.push('', 'Förvaltningen per månad');
  lines.push(
    ...textTable(
      ['Månad', 'Korttid %', 'Långtid %', 'Totalt %'],
      report.trend.administration.map((month) => [monthName(month.month), formatNumber(month.shortPct), formatNumber(month.longPct), formatNumber(month.totalPct)]),
      [false, true, true, true],
    ),
  );

  const count = report.repeatedShortTerm.length;
  lines.push(
    '',
    `Upprepad korttidsfrånvaro: ${count} ${count === 1 ? 'anställning' : 'anställningar'} med minst ${thresholds.repeatedShortTermPeriods} sjukperioder som började under de ${thresholds.repeatedShortTermMonths} månader som slutar ${report.window.to}.`,
  );
  return lines.join('\n');
}

/** Text from the data is neutralised; numbers we format ourselves are not (a negative diff must stay a number in Excel). */
function csvText(text: string): string {
  return neutralizeCellText(text);
}

function csvNumber(value: number | null): string {
  return value === null ? '' : formatNumber(value, 2, { group: false });
}

export function statsCsvHeaders(thresholds: Thresholds): string[] {
  return [
    'Nivå',
    'Id',
    'Namn',
    'Överordnad',
    'Anställda',
    'Exponering (heltidsdagar)',
    'Korttid (%)',
    'Långtid (%)',
    'Totalt (%)',
    `Andel i sjukperioder ≥${thresholds.longSpellDays} dagar (%)`,
    'Föregående period totalt (%)',
    'Skillnad mot förvaltningen (procentenheter)',
    'Avviker',
    `Färre än ${thresholds.minGroupSize} anställda`,
    'Rättvis jämförelse',
    'Nedre gräns 95 % (%)',
    'Övre gräns 95 % (%)',
    'Nedre gräns 99,8 % (%)',
    'Övre gräns 99,8 % (%)',
  ];
}

/** Semicolon-separated, decimal comma, UTF-8 with BOM and CRLF: what Swedish Excel opens directly. Förvaltningen first. */
export function statsCsv(report: AbsenceReport, thresholds: Thresholds, level: LevelFilter = 'all'): string {
  const { administration } = report;
  const rateColumns = (figures: AbsenceReport['administration'] | UnitFigures): string[] => [
    String(figures.employees),
    csvNumber(figures.exposureDays),
    csvNumber(figures.shortPct),
    csvNumber(figures.longPct),
    csvNumber(figures.totalPct),
    csvNumber(figures.longSpellSharePct),
    csvNumber(figures.previousTotalPct),
  ];
  const rows: string[][] = [
    ['Förvaltning', '', csvText(administration.name), '', ...rateColumns(administration), '', '', '', '', '', '', '', ''],
    ...filterUnits(report.units, level).map((unit) => [
      UNIT_LEVEL_LABELS[unit.level],
      csvText(unit.id),
      csvText(unit.name),
      csvText(unit.parent),
      ...rateColumns(unit),
      csvNumber(unit.diffPp),
      unit.deviates ? YES_NO_LABELS.yes : YES_NO_LABELS.no,
      unit.suppressed ? YES_NO_LABELS.yes : YES_NO_LABELS.no,
      unit.signal === null ? '' : FUNNEL_SIGNAL_SHORT_LABELS[unit.signal],
      csvNumber(unit.funnel?.lower95Pct ?? null),
      csvNumber(unit.funnel?.upper95Pct ?? null),
      csvNumber(unit.funnel?.lower998Pct ?? null),
      csvNumber(unit.funnel?.upper998Pct ?? null),
    ]),
  ];
  return excelCsv([statsCsvHeaders(thresholds), ...rows]);
}
