// Absence figures (SPEC §3): exposure and sick full-time-equivalent days per unit, short/long split, roll-ups, trend.
import { groupBy } from './groupBy.js';
import { lastOfMonth, toDayNumber, type DateRange, type IsoDate } from './calendarDate.js';
import { sickDaysWithoutEmployment } from './dataWarnings.js';
import { funnelLimits, type FunnelLimits, type FunnelSignal } from './funnelLimits.js';
import { previousWindow, trendMonths } from './routineCalendar.js';
import { byEmploymentId, repeatedShortTermOf, repeatedShortTermRule, type RepeatedShortTermAbsence } from './repeatedShortTerm.js';
import { eachEmploymentsSickPeriods, sickDaysUpTo, type SickPeriod } from './sickPeriods.js';
import type { Thresholds } from './thresholds.js';
import type { DataWarning, Dataset, EmploymentRow } from './types.js';

export type { RepeatedShortTermAbsence } from './repeatedShortTerm.js';

export type UnitLevel = 'enhet' | 'verksamhet' | 'avdelning';

export interface AbsenceRates {
  /** Distinct anstallnings_id with at least one employment day in the group in the window. */
  employees: number;
  exposureDays: number;
  shortSickDays: number;
  longSickDays: number;
  /** Sick days (FTE) in periods of ≥ longSpellDays sick days, counted up to the window end. */
  longSpellSickDays: number;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
  longSpellSharePct: number;
  previousTotalPct: number | null;
}

export interface UnitFigures extends AbsenceRates {
  level: UnitLevel;
  /** enhet_id for an enhet; the name for a verksamhet or avdelning. */
  id: string;
  name: string;
  /** Name of the parent: verksamhet of an enhet, avdelning of a verksamhet, förvaltning of an avdelning. */
  parent: string;
  /** The avdelning and verksamhet this group belongs to (an avdelning's operation is ''). */
  department: string;
  operation: string;
  /** Manager of an enhet (from its latest employment row); null for higher levels. */
  managerName: string | null;
  managerEmail: string | null;
  diffPp: number | null;
  deviates: boolean;
  /** Fewer employees than the minimum group size (primary suppression; decks add secondary suppression). */
  suppressed: boolean;
  /** Funnel limits (SPEC §3 "Fair comparison") among the enheter or among the verksamheter; null for an avdelning or without exposure. */
  funnel: FunnelLimits | null;
  /** Outside the funnel limits: high/low beyond 99.8 %, watch_high/watch_low beyond 95 % only; else null. */
  signal: FunnelSignal | null;
}

/** How much the enheter (or verksamheter) differ beyond chance: the overdispersion behind their funnel limits. */
export interface FunnelDispersion {
  /** Units compared (exposure > 0). */
  units: number;
  /** Dispersion ratio of the winsorised z-scores (null when no unit is compared). */
  phi: number | null;
  /** Between-unit variance on the arcsine scale added to the limits (0 = none). */
  tau2: number;
}

export interface AdministrationFigures extends AbsenceRates {
  name: string;
}

export interface MonthlyRate {
  /** First day of the month. */
  month: IsoDate;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
}

export type StatutoryGroup = 'women' | 'men' | 'age_29_or_less' | 'age_30_to_49' | 'age_50_or_more';

export interface StatutoryFigure {
  group: StatutoryGroup;
  employees: number;
  exposureDays: number;
  totalPct: number | null;
  /** The group has statutoryGroupMaxSuppressed (10) or fewer employees: its rate is not shown. */
  suppressed: boolean;
}

/** The population of one cell (a group in one period): what disclosure control weighs (SPEC §7). */
export interface CellPopulation {
  /** Distinct anstallnings_id with at least one employment day in the group in the period. */
  employees: number;
  exposureDays: number;
}

/** A group's cells: the window, the previous period and each trend month (same order as trend.months). */
export interface GroupCells {
  window: CellPopulation;
  previous: CellPopulation;
  months: CellPopulation[];
}

export interface AbsenceReport {
  asOf: IsoDate;
  window: DateRange;
  previousWindow: DateRange;
  administration: AdministrationFigures;
  /** Every enhet, verksamhet and avdelning with an employment day in the window. */
  units: UnitFigures[];
  trend: {
    /** First days of the 12 months that end with the window. */
    months: IsoDate[];
    administration: MonthlyRate[];
    /** Keyed by `${level}:${id}`. */
    units: Record<string, MonthlyRate[]>;
  };
  statutory: StatutoryFigure[];
  /**
   * Each verksamhet's statutory breakdown (the leadership deck's kön/ålder slide), keyed by the verksamhet of `units`:
   * the same computation over the rows of its enheter by today's organisation.
   */
  operationStatutory: Record<string, StatutoryFigure[]>;
  /** Keyed by `${level}:${id}` for every unit in `units`, and 'administration' for the förvaltning. */
  cells: Record<string, GroupCells>;
  funnelDispersion: Record<'enhet' | 'verksamhet', FunnelDispersion>;
  repeatedShortTerm: RepeatedShortTermAbsence[];
  warnings: DataWarning[];
}

export interface AbsenceParams {
  asOf: IsoDate;
  window: DateRange;
  thresholds: Thresholds;
  /** Name from the config; else the förvaltning of the latest employment row. */
  administrationName?: string | null;
  /**
   * Every employment's sick periods (buildSickPeriods with relapseGapDays and asOf), when the caller has built them
   * for the checklist as well; else built here.
   */
  sickPeriods?: ReadonlyMap<string, readonly SickPeriod[]>;
}

/** Inclusive range of UTC day numbers; the hot loop works on integers, never on date strings. */
interface DayRange {
  from: number;
  to: number;
}

/** Sums for one employment row or one group: window, previous window and the trend months. */
interface Tally {
  exposure: number;
  short: number;
  long: number;
  longSpell: number;
  previousExposure: number;
  previousSick: number;
  monthExposure: number[];
  monthShort: number[];
  monthLong: number[];
}

interface GroupTally extends Tally {
  /** Distinct employees per period: [window, previous, ...trend months]. */
  employees: Int32Array;
  /** Periods already counted, a bit per period, for employments with several rows (one Map entry, not a Set per period). */
  counted: Map<number, number>;
}

/** Bit of a period in IndexedRow.periods: window, previous, then the trend months (12, so 14 bits). */
const WINDOW_BIT = 0;
const PREVIOUS_BIT = 1;
const FIRST_MONTH_BIT = 2;

interface IndexedRow {
  row: EmploymentRow;
  fromDay: number;
  /** Infinity for an open-ended row. */
  toDay: number;
  /** Employment days inside the window (an employee of the group when > 0). */
  /** The periods with an employment day of the row (a bit per period, see WINDOW_BIT). */
  periods: number;
  /** Index of the row's anstallnings_id, and whether the id has other rows (then a group counts it once). */
  employment: number;
  sharedEmployment: boolean;
  tally: Tally;
}

const ADMINISTRATION_KEY = 'administration';
const LEVEL_ORDER: readonly UnitLevel[] = ['enhet', 'verksamhet', 'avdelning'];
const STATUTORY_ORDER: readonly StatutoryGroup[] = ['women', 'men', 'age_29_or_less', 'age_30_to_49', 'age_50_or_more'];
/** diffPp is a difference of two floating ratios: 2.0 pp must not come out as 1.9999999999 and miss. */
const DEVIATION_EPSILON = 1e-9;

const collator = new Intl.Collator('sv');

function emptyTally(months: number): Tally {
  return {
    exposure: 0,
    short: 0,
    long: 0,
    longSpell: 0,
    previousExposure: 0,
    previousSick: 0,
    monthExposure: new Array<number>(months).fill(0),
    monthShort: new Array<number>(months).fill(0),
    monthLong: new Array<number>(months).fill(0),
  };
}

function addTally(target: Tally, source: Tally): void {
  target.exposure += source.exposure;
  target.short += source.short;
  target.long += source.long;
  target.longSpell += source.longSpell;
  target.previousExposure += source.previousExposure;
  target.previousSick += source.previousSick;
  for (let index = 0; index < target.monthExposure.length; index += 1) {
    target.monthExposure[index]! += source.monthExposure[index]!;
    target.monthShort[index]! += source.monthShort[index]!;
    target.monthLong[index]! += source.monthLong[index]!;
  }
}

function toDayRange(range: DateRange): DayRange {
  return { from: toDayNumber(range.from), to: toDayNumber(range.to) };
}

function overlap(from: number, to: number, range: DayRange): number {
  const start = Math.max(from, range.from);
  const end = Math.min(to, range.to);
  return end >= start ? end - start + 1 : 0;
}

/** Short and long sick days of [from, to] inside the range; days up to lastShortDay have day number ≤ shortTermMaxDay. */
function shortAndLong(from: number, to: number, lastShortDay: number, range: DayRange): [number, number] {
  const start = Math.max(from, range.from);
  const end = Math.min(to, range.to);
  if (end < start) return [0, 0];
  const days = end - start + 1;
  const shortDays = Math.min(days, Math.max(0, Math.min(end, lastShortDay) - start + 1));
  return [shortDays, days - shortDays];
}

function latestRow(current: EmploymentRow | undefined, candidate: EmploymentRow): EmploymentRow {
  if (!current) return candidate;
  if (candidate.validFrom !== current.validFrom) return candidate.validFrom > current.validFrom ? candidate : current;
  return candidate.line >= current.line ? candidate : current;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

function ratesOf(tally: GroupTally): AbsenceRates {
  const sick = tally.short + tally.long;
  return {
    employees: tally.employees[WINDOW_BIT]!,
    exposureDays: tally.exposure,
    shortSickDays: tally.short,
    longSickDays: tally.long,
    longSpellSickDays: tally.longSpell,
    shortPct: ratio(tally.short, tally.exposure),
    longPct: ratio(tally.long, tally.exposure),
    totalPct: ratio(sick, tally.exposure),
    longSpellSharePct: sick > 0 ? (tally.longSpell / sick) * 100 : 0,
    previousTotalPct: ratio(tally.previousSick, tally.previousExposure),
  };
}

function cellsOf(tally: GroupTally): GroupCells {
  return {
    window: { employees: tally.employees[WINDOW_BIT]!, exposureDays: tally.exposure },
    previous: { employees: tally.employees[PREVIOUS_BIT]!, exposureDays: tally.previousExposure },
    months: tally.monthExposure.map((exposureDays, index) => ({ employees: tally.employees[FIRST_MONTH_BIT + index]!, exposureDays })),
  };
}

function monthlyRates(tally: Tally, months: readonly IsoDate[]): MonthlyRate[] {
  return months.map((month, index) => {
    const exposure = tally.monthExposure[index]!;
    const shortDays = tally.monthShort[index]!;
    const longDays = tally.monthLong[index]!;
    return { month, shortPct: ratio(shortDays, exposure), longPct: ratio(longDays, exposure), totalPct: ratio(shortDays + longDays, exposure) };
  });
}

function statutoryGroupsOf(row: EmploymentRow, windowEndYear: number): StatutoryGroup[] {
  const groups: StatutoryGroup[] = [];
  if (row.gender === 'K') groups.push('women');
  if (row.gender === 'M') groups.push('men');
  if (row.birthYear !== null) {
    const age = windowEndYear - row.birthYear;
    groups.push(age <= 29 ? 'age_29_or_less' : age <= 49 ? 'age_30_to_49' : 'age_50_or_more');
  }
  return groups;
}


export function computeAbsenceReport(dataset: Pick<Dataset, 'employments' | 'sickSegments'>, params: AbsenceParams): AbsenceReport {
  const { asOf, window, thresholds } = params;
  const previous = previousWindow(window);
  const months = trendMonths(window);
  const windowRange = toDayRange(window);
  const previousRange = toDayRange(previous);
  const monthRanges = months.map((month) => ({ from: toDayNumber(month), to: toDayNumber(lastOfMonth(month)) }));
  // The only days that feed any figure: previous window, window and trend months.
  const relevant: DayRange = {
    from: Math.min(previousRange.from, windowRange.from, monthRanges[0]!.from),
    to: Math.max(previousRange.to, windowRange.to, monthRanges[monthRanges.length - 1]!.to),
  };

  // Exposure per employment row, and the rows indexed per anstallnings_id for the sick days.
  const indexedRows: IndexedRow[] = dataset.employments.map((row) => {
    const fromDay = toDayNumber(row.validFrom);
    const toDay = row.validTo === null ? Infinity : toDayNumber(row.validTo);
    const rate = row.employmentRate / 100;
    const tally = emptyTally(months.length);
    const windowDays = overlap(fromDay, toDay, windowRange);
    const previousDays = overlap(fromDay, toDay, previousRange);
    tally.exposure = windowDays * rate;
    tally.previousExposure = previousDays * rate;
    let periods = (windowDays > 0 ? 1 << WINDOW_BIT : 0) | (previousDays > 0 ? 1 << PREVIOUS_BIT : 0);
    monthRanges.forEach((range, index) => {
      const days = overlap(fromDay, toDay, range);
      tally.monthExposure[index] = days * rate;
      if (days > 0) periods |= 1 << (FIRST_MONTH_BIT + index);
    });
    return { row, fromDay, toDay, periods, employment: 0, sharedEmployment: false, tally };
  });
  const rowsById = groupBy(indexedRows, (indexed) => indexed.row.employmentId);
  let employmentIndex = 0;
  for (const rows of rowsById.values()) {
    for (const indexed of rows) {
      indexed.employment = employmentIndex;
      indexed.sharedEmployment = rows.length > 1;
    }
    employmentIndex += 1;
  }

  // Sick days: whole periods give the day numbers; only days inside the relevant range are counted, per valid row.
  const periodsById = params.sickPeriods ?? eachEmploymentsSickPeriods(dataset.sickSegments, { relapseGapDays: thresholds.relapseGapDays, asOf });
  const repeatedShortTerm: RepeatedShortTermAbsence[] = [];
  const repeatedRule = repeatedShortTermRule(window, thresholds);
  for (const [employmentId, periods] of periodsById) {
    const repeated = repeatedShortTermOf(employmentId, periods, repeatedRule);
    if (repeated) repeatedShortTerm.push(repeated);
    const rows = rowsById.get(employmentId) ?? [];
    if (rows.length === 0) continue;
    for (const period of periods) {
      // Statutory long-spell share: the period's length counted up to the window end.
      const inLongSpell = sickDaysUpTo(period, window.to) >= thresholds.longSpellDays;
      for (const segment of period.segments) {
        const segmentFrom = toDayNumber(segment.from);
        const segmentTo = toDayNumber(segment.to);
        if (segmentTo < relevant.from || segmentFrom > relevant.to) continue;
        const lastShortDay = segmentFrom + (thresholds.shortTermMaxDay - segment.firstDayNumber);
        for (const { fromDay, toDay, row, tally } of rows) {
          const from = Math.max(segmentFrom, fromDay, relevant.from);
          const to = Math.min(segmentTo, toDay, relevant.to);
          if (to < from) continue;
          const weight = (segment.extent / 100) * (row.employmentRate / 100);
          const [shortDays, longDays] = shortAndLong(from, to, lastShortDay, windowRange);
          tally.short += shortDays * weight;
          tally.long += longDays * weight;
          if (inLongSpell) tally.longSpell += (shortDays + longDays) * weight;
          tally.previousSick += overlap(from, to, previousRange) * weight;
          // Only the months the days fall in (adding 0 elsewhere changes no sum); no tuple per month.
          for (let index = 0; index < monthRanges.length; index += 1) {
            const range = monthRanges[index]!;
            if (range.to < from || range.from > to) continue;
            const start = Math.max(from, range.from);
            const end = Math.min(to, range.to);
            const days = end - start + 1;
            const monthShort = Math.min(days, Math.max(0, Math.min(end, lastShortDay) - start + 1));
            tally.monthShort[index]! += monthShort * weight;
            tally.monthLong[index]! += (days - monthShort) * weight;
          }
        }
      }
    }
  }

  const emptyGroup = (): GroupTally => ({ ...emptyTally(months.length), employees: new Int32Array(FIRST_MONTH_BIT + months.length), counted: new Map() });
  // Roll-ups by today's organisation (SPEC §3): every day of a unit, from whichever of its rows, counts for the
  // verksamhet and avdelning of the unit's latest row, so a unit moved in a reorganisation takes its history along
  // and a verksamhet or avdelning that no unit names any more has no figures.
  const latestOfUnit = new Map<string, EmploymentRow>();
  for (const row of dataset.employments) latestOfUnit.set(row.unitId, latestRow(latestOfUnit.get(row.unitId), row));
  const groups = new Map<string, GroupTally>();
  const latest = new Map<string, EmploymentRow>();
  let latestOverall: EmploymentRow | undefined;
  const windowEndYear = Number(window.to.slice(0, 4));
  const addToGroup = (key: string, indexed: IndexedRow): void => {
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup();
      groups.set(key, group);
    }
    addTally(group, indexed.tally);
    let periods = indexed.periods;
    if (indexed.sharedEmployment && periods !== 0) {
      const counted = group.counted.get(indexed.employment) ?? 0;
      periods &= ~counted;
      if (periods !== 0) group.counted.set(indexed.employment, counted | periods);
    }
    for (let bit = 0; periods !== 0; bit += 1, periods >>>= 1) if ((periods & 1) !== 0) group.employees[bit]! += 1;
  };
  for (const indexed of indexedRows) {
    const { row } = indexed;
    const unitRow = latestOfUnit.get(row.unitId)!;
    const unitKeys = [`enhet:${row.unitId}`, `verksamhet:${unitRow.operation}`, `avdelning:${unitRow.department}`];
    for (const key of unitKeys) {
      addToGroup(key, indexed);
      // A verksamhet's or avdelning's own parent: from the latest of its units' latest rows.
      latest.set(key, latestRow(latest.get(key), unitRow));
    }
    addToGroup(ADMINISTRATION_KEY, indexed);
    for (const group of statutoryGroupsOf(row, windowEndYear)) {
      addToGroup(`statutory:${group}`, indexed);
      addToGroup(`statutory:verksamhet:${unitRow.operation}:${group}`, indexed);
    }
    latestOverall = latestRow(latestOverall, row);
  }

  const administrationTally = groups.get(ADMINISTRATION_KEY) ?? emptyGroup();
  const administration: AdministrationFigures = {
    name: params.administrationName ?? latestOverall?.administration ?? '',
    ...ratesOf(administrationTally),
  };

  const units: UnitFigures[] = [];
  const unitTrend: Record<string, MonthlyRate[]> = {};
  const cells: Record<string, GroupCells> = { [ADMINISTRATION_KEY]: cellsOf(administrationTally) };
  for (const [key, tally] of groups) {
    const separator = key.indexOf(':');
    const level = key.slice(0, separator) as UnitLevel;
    if (!LEVEL_ORDER.includes(level) || tally.employees[WINDOW_BIT] === 0) continue;
    const id = key.slice(separator + 1);
    const row = latest.get(key)!;
    const rates = ratesOf(tally);
    const diffPp = rates.totalPct !== null && administration.totalPct !== null ? rates.totalPct - administration.totalPct : null;
    const suppressed = rates.employees < thresholds.minGroupSize;
    units.push({
      level,
      id,
      name: level === 'enhet' ? row.unitName : id,
      parent: level === 'enhet' ? row.operation : level === 'verksamhet' ? row.department : administration.name,
      department: row.department,
      operation: level === 'avdelning' ? '' : row.operation,
      managerName: level === 'enhet' ? row.managerName : null,
      managerEmail: level === 'enhet' ? row.managerEmail : null,
      ...rates,
      diffPp,
      deviates: !suppressed && diffPp !== null && diffPp >= thresholds.deviationPp - DEVIATION_EPSILON,
      suppressed,
      funnel: null,
      signal: null,
    });
    unitTrend[key] = monthlyRates(tally, months);
    cells[key] = cellsOf(tally);
  }
  units.sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || collator.compare(a.name, b.name) || collator.compare(a.id, b.id),
  );

  // Fair comparison: enheter among themselves, verksamheter among themselves, against the förvaltning's rate.
  const windowDays = windowRange.to - windowRange.from + 1;
  const administrationRate = administration.exposureDays > 0 ? (administration.shortSickDays + administration.longSickDays) / administration.exposureDays : 0;
  const funnelDispersion = {} as Record<'enhet' | 'verksamhet', FunnelDispersion>;
  for (const level of ['enhet', 'verksamhet'] as const) {
    const levelUnits = units.filter((candidate) => candidate.level === level);
    const analysis = funnelLimits(
      levelUnits.map((candidate) => ({ exposureDays: candidate.exposureDays, sickDays: candidate.shortSickDays + candidate.longSickDays })),
      administrationRate,
      windowDays,
    );
    analysis.results.forEach((result, index) => {
      if (result === null) return;
      levelUnits[index]!.funnel = result.funnel;
      levelUnits[index]!.signal = result.signal;
    });
    funnelDispersion[level] = { units: analysis.units, phi: Number.isNaN(analysis.phi) ? null : analysis.phi, tau2: analysis.tau2 };
  }

  const statutoryOf = (prefix: string): StatutoryFigure[] =>
    STATUTORY_ORDER.map((group) => {
      const tally = groups.get(`${prefix}${group}`) ?? emptyGroup();
      return {
        group,
        employees: tally.employees[WINDOW_BIT]!,
        exposureDays: tally.exposure,
        totalPct: ratio(tally.short + tally.long, tally.exposure),
        suppressed: tally.employees[WINDOW_BIT]! <= thresholds.statutoryGroupMaxSuppressed,
      };
    });
  const statutory = statutoryOf('statutory:');
  const operationStatutory: Record<string, StatutoryFigure[]> = {};
  for (const unit of units) if (unit.level === 'verksamhet') operationStatutory[unit.id] = statutoryOf(`statutory:verksamhet:${unit.id}:`);

  return {
    asOf,
    window,
    previousWindow: previous,
    administration,
    units,
    trend: {
      months,
      administration: monthlyRates(administrationTally, months),
      units: Object.fromEntries(units.map((unit) => [`${unit.level}:${unit.id}`, unitTrend[`${unit.level}:${unit.id}`]!])),
    },
    statutory,
    operationStatutory,
    cells,
    funnelDispersion,
    repeatedShortTerm: byEmploymentId(repeatedShortTerm),
    // Sick days without a valid employment row are left out above; the warning says how many, per segment.
    warnings: sickDaysWithoutEmployment({ ...dataset, cases: [] }, window, asOf),
  };
}
