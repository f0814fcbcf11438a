// Which figures material shared with a group (leadership and analysis decks) must hide (SPEC §7), decided once per
// run over the whole administration so that every deck of the run hides the same cells.
//
// What the shared material shows, and so what the model holds as published cells:
// - each enhet and verksamhet and the förvaltning in the window (rates) and the previous period (the change column);
// - each verksamhet and the förvaltning in each trend month (the line chart);
// - the förvaltning's and each verksamhet's statutory groups (kön, ålder) in the window.
// Each manager knows every figure of her own enhet, also its months, which no deck shows (skyddMotInsyn).
// Avdelningar are in no deck: their sums merge into förvaltning = Σ verksamheter. Employees without kön or
// födelseår are in no deck either: an unknown part of the statutory sums.
// Cost of hiding (what "lose as little as possible" weighs): the cell's employees × 1 for the window, × 0.5 for the
// previous period or a statutory group (one figure), × 0.25 for a trend month (one point of a line), plus 10⁶ for a
// deck's own subject (a verksamhet's total in the window) and for the förvaltning (the reference of every deck).
import type { DateRange, IsoDate } from './calendarDate.js';
import { lastOfMonth } from './calendarDate.js';
import type { AbsenceReport, GroupCells, StatutoryGroup, UnitFigures } from './absenceFigures.js';
import type { Thresholds } from './thresholds.js';
import { protectCells, type HiddenReason, type ProtectionCell, type ProtectionSum } from './suppression/cellProtection.js';

export type { HiddenReason } from './suppression/cellProtection.js';

/** Group key of the förvaltning, beside `${level}:${id}` for units. */
export const ADMINISTRATION_GROUP = 'administration';

/** 'window', 'previous' or the first day of a trend month. */
export type CellPeriod = 'window' | 'previous' | IsoDate;

export interface StatutoryPopulation {
  group: StatutoryGroup;
  employees: number;
}

export interface DisclosureInput {
  window: DateRange;
  previousWindow: DateRange;
  trend: { months: readonly IsoDate[] };
  units: readonly Pick<UnitFigures, 'level' | 'id' | 'parent' | 'operation' | 'department'>[];
  /** Keyed by `${level}:${id}` and ADMINISTRATION_GROUP. */
  cells: Readonly<Record<string, GroupCells>>;
  /** The förvaltning's statutory groups; absent = not shown. */
  statutory?: readonly StatutoryPopulation[];
  /** Each verksamhet's statutory groups (the leadership deck's kön/ålder slide); absent = not shown. */
  operationStatutory?: Readonly<Record<string, readonly StatutoryPopulation[]>>;
}

export interface DisclosureOptions {
  minGroupSize: number;
  /** Statutory groups with this many employees or fewer are hidden (SPEC §3, LKBR). */
  statutoryGroupMaxSuppressed: number;
  /** skyddMotInsyn (SPEC §7). */
  protectAgainstInsiders: boolean;
}

export interface SharedDisclosure {
  /** Cell key (see cellKey) → why it is hidden; a cell not listed is shown. */
  hidden: Readonly<Record<string, HiddenReason>>;
}

export function unitGroup(unit: Pick<UnitFigures, 'level' | 'id'>): string {
  return `${unit.level}:${unit.id}`;
}

export function statutoryGroupKey(group: StatutoryGroup | 'unknown_gender' | 'unknown_age', operation?: string): string {
  return operation === undefined ? `statutory:${group}` : `statutory:verksamhet:${operation}:${group}`;
}

export function cellKey(group: string, period: CellPeriod): string {
  return `${group}|${period}`;
}

export function hiddenReason(disclosure: SharedDisclosure, group: string, period: CellPeriod): HiddenReason | null {
  return disclosure.hidden[cellKey(group, period)] ?? null;
}

/** How many figures' cells the shared material hides (primary and secondary, not those that follow). */
export function hiddenCellCount(disclosure: SharedDisclosure): number {
  return Object.values(disclosure.hidden).filter((reason) => reason !== 'follows_hidden_cell').length;
}

const SUBJECT_PENALTY = 1e6;
const GENDER_GROUPS: readonly StatutoryGroup[] = ['women', 'men'];
const AGE_GROUPS: readonly StatutoryGroup[] = ['age_29_or_less', 'age_30_to_49', 'age_50_or_more'];

export function sharedDisclosure(input: DisclosureInput, options: DisclosureOptions): SharedDisclosure {
  const cells: ProtectionCell[] = [];
  const sums: ProtectionSum[] = [];
  const months = input.trend.months;
  const periods: CellPeriod[] = ['window', 'previous', ...months];
  const statutoryMinimum = options.statutoryGroupMaxSuppressed + 1;
  const population = (group: string, period: CellPeriod): number => {
    const groupCells = input.cells[group];
    if (!groupCells) return 0;
    if (period === 'window') return groupCells.window.employees;
    if (period === 'previous') return groupCells.previous.employees;
    return groupCells.months[months.indexOf(period)]?.employees ?? 0;
  };
  const weight = (period: CellPeriod): number => (period === 'window' ? 1 : period === 'previous' ? 0.5 : 0.25);

  const enheter = input.units.filter((unit) => unit.level === 'enhet');
  const operations = input.units.filter((unit) => unit.level === 'verksamhet');
  const departments = input.units.filter((unit) => unit.level === 'avdelning');

  // An enhet's months are in no deck, but its manager knows them (and the verksamhet's line shows their sum). They
  // matter where a month of one of the verksamhet's enheter is small or empty (a unit that starts or closes); in a
  // verksamhet of steady, large enheter they give nothing away and only slow the exact test down.
  const monthlyOperations = new Set(
    operations
      .filter((operation) => enheter.some((unit) => unit.parent === operation.id && months.some((month) => population(unitGroup(unit), month) < options.minGroupSize)))
      .map((operation) => operation.id),
  );
  const withMonths = (unit: { parent: string }): boolean => monthlyOperations.has(unit.parent);

  for (const period of periods) {
    const add = (group: string, extra: Partial<ProtectionCell> & { published: boolean }): void => {
      const employees = population(group, period);
      cells.push({
        key: cellKey(group, period),
        population: employees,
        minimum: options.minGroupSize,
        cost: employees * weight(period),
        ...(period === 'previous' ? { requires: [cellKey(group, 'window')] } : {}),
        ...extra,
      });
    };
    const isMonth = period !== 'window' && period !== 'previous';
    // A group whose only enhet (with people in the period) is hers: her manager knows its figures as her own.
    const membersOf = (members: readonly { id: string }[]): { members: string[]; insider?: string } => {
      const ids = members.filter((unit) => population(`enhet:${unit.id}`, period) > 0).map((unit) => unit.id);
      return { members: ids, ...(ids.length === 1 ? { insider: ids[0]! } : {}) };
    };
    // An enhet's months: unknowns to an outsider, known to its manager.
    for (const unit of enheter) if (!isMonth || withMonths(unit)) add(unitGroup(unit), { published: !isMonth, insider: unit.id });
    for (const unit of departments) {
      const operationIds = new Set(operations.filter((operation) => operation.parent === unit.id).map((operation) => operation.id));
      add(unitGroup(unit), { published: false, ...membersOf(enheter.filter((member) => operationIds.has(member.parent))) });
    }
    for (const unit of operations) {
      const subject = period === 'window' ? SUBJECT_PENALTY : 0;
      add(unitGroup(unit), {
        published: true,
        cost: population(unitGroup(unit), period) * weight(period) + subject,
        ...membersOf(enheter.filter((member) => member.parent === unit.id)),
      });
    }
    add(ADMINISTRATION_GROUP, { published: true, cost: population(ADMINISTRATION_GROUP, period) + SUBJECT_PENALTY, ...membersOf(enheter) });

    // parent = Σ children at every level, also across a level no deck shows: an avdelning's two sums merge into
    // förvaltning = Σ verksamheter, and förvaltning = Σ enheter holds as well.
    const unitSum = (total: string, parts: string[], implied = false): void => {
      sums.push({ total: cellKey(total, period), parts: parts.map((part) => cellKey(part, period)), kind: 'units', minimum: options.minGroupSize, ...(implied ? { implied } : {}) });
    };
    for (const operation of operations) {
      if (!isMonth || monthlyOperations.has(operation.id)) unitSum(unitGroup(operation), enheter.filter((unit) => unit.parent === operation.id).map(unitGroup));
    }
    unitSum(ADMINISTRATION_GROUP, operations.map(unitGroup));
    if (!isMonth || monthlyOperations.size === operations.length) unitSum(ADMINISTRATION_GROUP, enheter.map(unitGroup), true);
    // The avdelningar themselves stay unknowns in the exact test: a small one must not be worked out either.
    for (const department of departments) unitSum(unitGroup(department), operations.filter((unit) => unit.parent === department.id).map(unitGroup));
    if (departments.length > 0) unitSum(ADMINISTRATION_GROUP, departments.map(unitGroup), true);
  }

  // A period and its months: the window's (and previous period's) days are the sum of its trend months' days.
  for (const range of [input.window, input.previousWindow]) {
    const covered = months.filter((month) => month >= range.from && lastOfMonth(month) <= range.to);
    const exact = covered.length > 0 && covered[0] === range.from && lastOfMonth(covered[covered.length - 1]!) === range.to;
    if (!exact) continue;
    const period: CellPeriod = range === input.window ? 'window' : 'previous';
    for (const group of [...enheter.filter(withMonths).map(unitGroup), ...operations.map(unitGroup), ADMINISTRATION_GROUP]) {
      sums.push({ total: cellKey(group, period), parts: covered.map((month) => cellKey(group, month)), kind: 'time', minimum: options.minGroupSize });
    }
  }

  // Statutory groups in the window: women + men + unknown = the whole, and likewise the age groups.
  const statutoryCells = (total: string, groups: readonly StatutoryPopulation[], operation?: string): void => {
    const totalEmployees = population(total, 'window');
    const members = enheter.filter((unit) => (operation === undefined || unit.parent === operation) && population(unitGroup(unit), 'window') > 0);
    const memberIds = { members: members.map((unit) => unit.id) };
    const employeesOf = (group: StatutoryGroup): number => groups.find((item) => item.group === group)?.employees ?? 0;
    for (const [members, unknown] of [[GENDER_GROUPS, 'unknown_gender'], [AGE_GROUPS, 'unknown_age']] as const) {
      const parts: string[] = [];
      for (const group of members) {
        const key = cellKey(statutoryGroupKey(group, operation), 'window');
        const employees = employeesOf(group);
        cells.push({ key, population: employees, minimum: statutoryMinimum, published: true, cost: employees * 0.5, ...memberIds });
        parts.push(key);
      }
      const unknownKey = cellKey(statutoryGroupKey(unknown, operation), 'window');
      const known = members.reduce((sum, group) => sum + employeesOf(group), 0);
      cells.push({ key: unknownKey, population: Math.max(0, totalEmployees - known), minimum: statutoryMinimum, published: false, cost: 0, ...memberIds });
      parts.push(unknownKey);
      sums.push({ total: cellKey(total, 'window'), parts, kind: 'statutory', minimum: statutoryMinimum });
    }
  };
  if (input.statutory) statutoryCells(ADMINISTRATION_GROUP, input.statutory);
  for (const operation of operations) {
    const groups = input.operationStatutory?.[operation.id];
    if (groups) statutoryCells(unitGroup(operation), groups, operation.id);
  }
  // The förvaltning's women = Σ the verksamheters' women, and so on, when both levels are shown.
  if (input.statutory && operations.length > 0 && operations.every((operation) => input.operationStatutory?.[operation.id])) {
    for (const group of [...GENDER_GROUPS, ...AGE_GROUPS, 'unknown_gender', 'unknown_age'] as const) {
      sums.push({
        total: cellKey(statutoryGroupKey(group), 'window'),
        parts: operations.map((operation) => cellKey(statutoryGroupKey(group, operation.id), 'window')),
        kind: 'statutory',
        minimum: statutoryMinimum,
      });
    }
  }

  const hidden = protectCells({ cells, sums }, { protectAgainstInsiders: options.protectAgainstInsiders });
  return { hidden: Object.fromEntries(hidden) };
}

export interface RunDisclosure {
  disclosure: SharedDisclosure;
  /** Each verksamhet's statutory breakdown, as the leadership deck shows it. */
  operationStatutory: Record<string, AbsenceReport['statutory']>;
}

/**
 * The one decision of a run (prep, aggregate, stats): over the whole administration whatever a filter selects, so
 * every document hides the same cells and `stats` shows what the decks will hide.
 */
export function disclosureForRun(report: AbsenceReport, thresholds: Pick<Thresholds, 'minGroupSize' | 'statutoryGroupMaxSuppressed' | 'protectAgainstInsiders'>): RunDisclosure {
  const { operationStatutory } = report;
  const disclosure = sharedDisclosure(report, {
    minGroupSize: thresholds.minGroupSize,
    statutoryGroupMaxSuppressed: thresholds.statutoryGroupMaxSuppressed,
    protectAgainstInsiders: thresholds.protectAgainstInsiders,
  });
  return { disclosure, operationStatutory };
}

/** Key of the förvaltning in sharedVisibility's set. */
export const ADMINISTRATION_VISIBILITY_KEY = ADMINISTRATION_GROUP;

export function visibilityKey(unit: Pick<UnitFigures, 'level' | 'id'>): string {
  return unitGroup(unit);
}

/**
 * The window's hidden groups (`${level}:${id}` and ADMINISTRATION_VISIBILITY_KEY) for material that shows one
 * period of units only, decided by the same rules as sharedDisclosure. Material that also shows the previous
 * period, trend months or statutory groups should use disclosureForRun instead, so that those cells are protected.
 */
export function sharedVisibility(
  units: readonly Pick<UnitFigures, 'level' | 'id' | 'parent' | 'operation' | 'department' | 'employees'>[],
  minGroupSize: number,
  options: { protectAgainstInsiders?: boolean } = {},
): Set<string> {
  const empty = { employees: 0, exposureDays: 0 };
  const cellsOf = (employees: number): GroupCells => ({ window: { employees, exposureDays: 0 }, previous: empty, months: [] });
  const cells: Record<string, GroupCells> = Object.fromEntries(units.map((unit) => [unitGroup(unit), cellsOf(unit.employees)]));
  const departments = units.filter((unit) => unit.level === 'avdelning');
  cells[ADMINISTRATION_GROUP] = cellsOf(departments.reduce((sum, unit) => sum + unit.employees, 0));
  const { hidden } = sharedDisclosure(
    { window: { from: '', to: '' }, previousWindow: { from: '', to: '' }, trend: { months: [] }, units, cells },
    { minGroupSize, statutoryGroupMaxSuppressed: 0, protectAgainstInsiders: options.protectAgainstInsiders ?? true },
  );
  return new Set(Object.keys(hidden).filter((key) => key.endsWith('|window')).map((key) => key.slice(0, -'|window'.length)));
}
