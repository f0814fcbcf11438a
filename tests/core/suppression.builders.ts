// Plain population models for the disclosure-control tests: a tree of units with employees per period, the input
// sharedDisclosure takes, and the auditor's view of the same administration when everything not hidden is shown.
import type { GroupCells, UnitFigures } from '../../src/core/absenceFigures.js';
import type { AuditInput, AuditStatutory, AuditUnit } from '../helpers/disclosureAuditor.js';
import {
  ADMINISTRATION_GROUP,
  cellKey,
  statutoryGroupKey,
  type DisclosureInput,
  type SharedDisclosure,
  type StatutoryPopulation,
} from '../../src/core/suppression.js';

export const MONTHS = ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];
export const WINDOW = { from: '2026-11-01', to: '2026-12-31' };
export const PREVIOUS = { from: '2026-09-01', to: '2026-10-31' };

export interface TreeEnhet {
  id: string;
  operation: string;
  department: string;
  /** Employees per trend month; the window and previous period take the largest month of theirs. */
  months: number[];
}

export interface Tree {
  enheter: TreeEnhet[];
  /** Per verksamhet, optional statutory groups in the window. */
  statutory?: Record<string, { women: number; men: number; age: [number, number, number] }>;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const cellsOf = (months: number[]): GroupCells => ({
  window: { employees: Math.max(...months.slice(2)), exposureDays: 0 },
  previous: { employees: Math.max(...months.slice(0, 2)), exposureDays: 0 },
  months: months.map((employees) => ({ employees, exposureDays: 0 })),
});

/** Employees of every group in every period: a parent holds its children's employees (no one moves). */
export function populations(tree: Tree): Record<string, number[]> {
  const byGroup: Record<string, number[]> = {};
  const add = (group: string, months: number[]): void => {
    byGroup[group] = (byGroup[group] ?? [0, 0, 0, 0]).map((value, index) => value + months[index]!);
  };
  for (const enhet of tree.enheter) {
    add(`enhet:${enhet.id}`, enhet.months);
    add(`verksamhet:${enhet.operation}`, enhet.months);
    add(`avdelning:${enhet.department}`, enhet.months);
    add(ADMINISTRATION_GROUP, enhet.months);
  }
  return byGroup;
}

function groupCells(tree: Tree): Record<string, GroupCells> {
  const result: Record<string, GroupCells> = {};
  // Window/previous of a parent = Σ of its enheter's (their people are different people).
  const byGroup = populations(tree);
  for (const [group, months] of Object.entries(byGroup)) result[group] = cellsOf(months);
  for (const group of Object.keys(byGroup).filter((key) => !key.startsWith('enhet:'))) {
    const members = tree.enheter.filter((enhet) => [`verksamhet:${enhet.operation}`, `avdelning:${enhet.department}`, ADMINISTRATION_GROUP].includes(group));
    result[group]!.window.employees = sum(members.map((enhet) => result[`enhet:${enhet.id}`]!.window.employees));
    result[group]!.previous.employees = sum(members.map((enhet) => result[`enhet:${enhet.id}`]!.previous.employees));
  }
  return result;
}

function statutoryOf(tree: Tree): { administration?: StatutoryPopulation[]; operations?: Record<string, StatutoryPopulation[]> } {
  if (!tree.statutory) return {};
  const list = (women: number, men: number, age: number[]): StatutoryPopulation[] => [
    { group: 'women', employees: women },
    { group: 'men', employees: men },
    { group: 'age_29_or_less', employees: age[0]! },
    { group: 'age_30_to_49', employees: age[1]! },
    { group: 'age_50_or_more', employees: age[2]! },
  ];
  const operations = Object.fromEntries(Object.entries(tree.statutory).map(([operation, groups]) => [operation, list(groups.women, groups.men, groups.age)]));
  const all = Object.values(tree.statutory);
  return {
    administration: list(sum(all.map((item) => item.women)), sum(all.map((item) => item.men)), [0, 1, 2].map((index) => sum(all.map((item) => item.age[index]!)))),
    operations,
  };
}

export function disclosureInput(tree: Tree): DisclosureInput {
  const operations = [...new Map(tree.enheter.map((enhet) => [enhet.operation, enhet])).values()];
  const departments = [...new Set(tree.enheter.map((enhet) => enhet.department))];
  const statutory = statutoryOf(tree);
  return {
    window: WINDOW,
    previousWindow: PREVIOUS,
    trend: { months: MONTHS },
    units: [
      ...tree.enheter.map((enhet) => ({ level: 'enhet' as const, id: enhet.id, parent: enhet.operation, operation: enhet.operation, department: enhet.department })),
      ...operations.map((enhet) => ({ level: 'verksamhet' as const, id: enhet.operation, parent: enhet.department, operation: enhet.operation, department: enhet.department })),
      ...departments.map((department) => ({ level: 'avdelning' as const, id: department, parent: 'Förvaltningen', operation: '', department })),
    ],
    cells: groupCells(tree),
    ...(statutory.administration ? { statutory: statutory.administration, operationStatutory: statutory.operations } : {}),
  };
}

/** The auditor's view: every figure a leadership deck could show, less those the disclosure hides. */
export function auditInput(tree: Tree, disclosure: SharedDisclosure, options: { minGroupSize?: number; protectAgainstInsiders?: boolean } = {}): AuditInput {
  const input = disclosureInput(tree);
  const cells = input.cells;
  const periods = ['window', 'previous', ...MONTHS];
  const employees = (group: string, period: string): number => {
    const groupCells = cells[group];
    if (!groupCells) return 0;
    if (period === 'window') return groupCells.window.employees;
    if (period === 'previous') return groupCells.previous.employees;
    return groupCells.months[MONTHS.indexOf(period)]!.employees;
  };
  const shown = new Set<string>();
  const show = (key: string): void => {
    if (!(key in disclosure.hidden)) shown.add(key);
  };
  for (const unit of input.units) {
    const group = `${unit.level}:${unit.id}`;
    if (unit.level === 'enhet') for (const period of ['window', 'previous']) show(cellKey(group, period));
    if (unit.level === 'verksamhet') for (const period of periods) show(cellKey(group, period));
  }
  for (const period of periods) show(cellKey(ADMINISTRATION_GROUP, period));
  const statutory: AuditStatutory[] = [];
  const addStatutory = (whole: string, groups: readonly StatutoryPopulation[], operation?: string): void => {
    const byName = Object.fromEntries(groups.map((item) => [item.group, item.employees]));
    statutory.push({
      whole,
      gender: { women: byName.women ?? 0, men: byName.men ?? 0 },
      age: { age_29_or_less: byName.age_29_or_less ?? 0, age_30_to_49: byName.age_30_to_49 ?? 0, age_50_or_more: byName.age_50_or_more ?? 0 },
    });
    for (const item of groups) {
      const coreKey = cellKey(statutoryGroupKey(item.group, operation), 'window');
      if (!(coreKey in disclosure.hidden)) shown.add(`statutory:${whole}:${item.group}|window`);
    }
  };
  if (input.statutory) addStatutory('administration', input.statutory);
  for (const [operation, groups] of Object.entries(input.operationStatutory ?? {})) addStatutory(`verksamhet:${operation}`, groups, operation);
  const units: AuditUnit[] = input.units.map((unit) => ({ level: unit.level, id: unit.id, parent: unit.level === 'avdelning' ? '' : unit.parent }));
  return {
    units,
    periods,
    windowMonths: MONTHS.slice(2),
    previousMonths: MONTHS.slice(0, 2),
    employees,
    statutory,
    shown,
    minGroupSize: options.minGroupSize ?? 5,
    statutoryMinimum: 11,
    protectAgainstInsiders: options.protectAgainstInsiders ?? true,
  };
}

// The rule before issue 10, kept here as the "before" of the four leaks: primary suppression per unit in the window,
// one partner per parent, nothing for the previous period, the trend months or the statutory groups.
export function ruleBeforeIssue10(units: readonly UnitFigures[], minGroupSize: number): Set<string> {
  const key = (unit: { level: string; id: string }): string => `${unit.level}:${unit.id}`;
  const hidden = new Set(units.filter((unit) => unit.employees < minGroupSize).map(key));
  const parentKey = (unit: UnitFigures): string =>
    unit.level === 'enhet' ? `verksamhet:${unit.parent}` : unit.level === 'verksamhet' ? `avdelning:${unit.parent}` : 'administration';
  const childrenOf = new Map<string, UnitFigures[]>();
  for (const unit of units) childrenOf.set(parentKey(unit), [...(childrenOf.get(parentKey(unit)) ?? []), unit]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [parent, children] of [...childrenOf].sort(([a], [b]) => a.localeCompare(b))) {
      const shown = children.filter((child) => !hidden.has(key(child))).sort((a, b) => a.employees - b.employees);
      const hiddenCount = children.length - shown.length;
      const add = (item: string): void => {
        if (!hidden.has(item)) {
          hidden.add(item);
          changed = true;
        }
      };
      if (!hidden.has(parent)) {
        if (children.length === 1 && hiddenCount === 1) add(parent);
        else if (hiddenCount === 1) add(key(shown[0]!));
      } else if (hiddenCount === 0 && shown[0]) add(key(shown[0]));
    }
  }
  return hidden;
}


/** The old rule's decision as the old decks applied it: a hidden unit loses its row, change and line; nothing else is hidden. */
export function disclosureBeforeIssue10(tree: Tree): SharedDisclosure {
  const input = disclosureInput(tree);
  const units = input.units.map((unit) => ({ ...unit, employees: input.cells[`${unit.level}:${unit.id}`]!.window.employees })) as unknown as UnitFigures[];
  const hidden: Record<string, 'small_group'> = {};
  for (const group of ruleBeforeIssue10(units, 5)) for (const period of ['window', 'previous', ...MONTHS]) hidden[cellKey(group, period)] = 'small_group';
  // The statutory slide showed the förvaltning's groups with more than 10 employees.
  for (const item of input.statutory ?? []) if (item.employees <= 10) hidden[cellKey(statutoryGroupKey(item.group), 'window')] = 'small_group';
  return { hidden };
}
