// An attacker for the tests (SPEC §7): takes what shared material shows, builds every sum the organisation implies
// (each level against every level below it, each period against its months, the statutory groups against their
// whole), and solves them for what is not shown, in exact integer arithmetic (fraction-free Gauss–Jordan).
// Independent of src/core/suppression: it builds its own sums from the tree and never sees the core's choices.

export interface AuditUnit {
  level: 'enhet' | 'verksamhet' | 'avdelning';
  id: string;
  /** Parent's id (verksamhet of an enhet, avdelning of a verksamhet); '' for an avdelning. */
  parent: string;
}

export interface AuditStatutory {
  /** 'administration' or 'verksamhet:<id>'. */
  whole: string;
  gender: Record<string, number>;
  age: Record<string, number>;
}

export interface AuditInput {
  units: readonly AuditUnit[];
  /** 'window', 'previous' and the trend months. */
  periods: readonly string[];
  /** Months whose days make up the window / the previous period exactly (empty when they do not). */
  windowMonths: readonly string[];
  previousMonths: readonly string[];
  /** Employees of a group ('enhet:E1', 'verksamhet:X', 'avdelning:A', 'administration') in a period. */
  employees: (group: string, period: string) => number;
  /** Statutory groups in the window; groups not listed in gender/age are the unknown rest of the whole. */
  statutory: readonly AuditStatutory[];
  /** `${group}|${period}` of every figure the material shows (statutory: `statutory:<whole>:<group>|window`). */
  shown: ReadonlySet<string>;
  minGroupSize: number;
  statutoryMinimum: number;
  protectAgainstInsiders: boolean;
}

export interface AuditFinding {
  kind: 'shown_small' | 'determined' | 'determined_by_insider' | 'narrowed';
  cell: string;
  detail: string;
}

interface Sum {
  total: string;
  parts: string[];
  time: boolean;
  unitSum: boolean;
  minimum: number;
}

export function auditDisclosure(input: AuditInput): AuditFinding[] {
  const population = new Map<string, number>();
  const minimum = new Map<string, number>();
  const insiderOf = new Map<string, string>();
  /** Cells a deck would show if nothing were hidden: determining any of them when hidden is a finding. */
  const showable = new Set<string>();
  const sums: Sum[] = [];
  const key = (group: string, period: string): string => `${group}|${period}`;
  const groupOf = (unit: AuditUnit): string => `${unit.level}:${unit.id}`;
  const levels = { enhet: input.units.filter((u) => u.level === 'enhet'), verksamhet: input.units.filter((u) => u.level === 'verksamhet'), avdelning: input.units.filter((u) => u.level === 'avdelning') };
  const parentOf = new Map(input.units.map((unit) => [groupOf(unit), unit.level === 'enhet' ? `verksamhet:${unit.parent}` : unit.level === 'verksamhet' ? `avdelning:${unit.parent}` : 'administration']));
  const ancestors = (group: string): string[] => {
    const list: string[] = [];
    for (let current = parentOf.get(group); current !== undefined; current = parentOf.get(current)) list.push(current);
    return list;
  };
  const allGroups = [...input.units.map(groupOf), 'administration'];

  for (const period of input.periods) {
    const isMonth = period !== 'window' && period !== 'previous';
    for (const group of allGroups) {
      const cell = key(group, period);
      population.set(cell, input.employees(group, period));
      minimum.set(cell, input.minGroupSize);
      const level = group.split(':')[0];
      if (level === 'enhet') {
        insiderOf.set(cell, group);
        if (!isMonth) showable.add(cell);
      }
      if (level === 'verksamhet' || group === 'administration') showable.add(cell);
    }
    // Every group against each level below it.
    for (const total of allGroups) {
      for (const level of ['enhet', 'verksamhet', 'avdelning'] as const) {
        const parts = levels[level].map(groupOf).filter((group) => ancestors(group).includes(total));
        if (parts.length > 0) sums.push({ total: key(total, period), parts: parts.map((part) => key(part, period)), time: false, unitSum: true, minimum: input.minGroupSize });
      }
    }
  }
  for (const [period, months] of [['window', input.windowMonths], ['previous', input.previousMonths]] as const) {
    if (months.length === 0) continue;
    for (const group of allGroups) sums.push({ total: key(group, period), parts: months.map((month) => key(group, month)), time: true, unitSum: false, minimum: input.minGroupSize });
  }
  for (const statutory of input.statutory) {
    const whole = key(statutory.whole, 'window');
    const wholeEmployees = population.get(whole) ?? 0;
    for (const [dimension, groups] of [['gender', statutory.gender], ['age', statutory.age]] as const) {
      const parts: string[] = [];
      let known = 0;
      for (const [group, employees] of Object.entries(groups)) {
        const cell = key(`statutory:${statutory.whole}:${group}`, 'window');
        population.set(cell, employees);
        minimum.set(cell, input.statutoryMinimum);
        showable.add(cell);
        parts.push(cell);
        known += employees;
      }
      const rest = key(`statutory:${statutory.whole}:unknown_${dimension}`, 'window');
      population.set(rest, Math.max(0, wholeEmployees - known));
      minimum.set(rest, input.statutoryMinimum);
      parts.push(rest);
      sums.push({ total: whole, parts, time: false, unitSum: false, minimum: input.statutoryMinimum });
    }
  }
  const administrationStatutory = input.statutory.find((item) => item.whole === 'administration');
  const operationStatutory = input.statutory.filter((item) => item.whole.startsWith('verksamhet:'));
  if (administrationStatutory && operationStatutory.length === levels.verksamhet.length && operationStatutory.length > 0) {
    const groups = [...Object.keys(administrationStatutory.gender), 'unknown_gender', ...Object.keys(administrationStatutory.age), 'unknown_age'];
    for (const group of groups) {
      sums.push({
        total: key(`statutory:administration:${group}`, 'window'),
        parts: operationStatutory.map((item) => key(`statutory:${item.whole}:${group}`, 'window')),
        time: false,
        unitSum: false,
        minimum: input.statutoryMinimum,
      });
    }
  }

  /** The enheter with people in a cell's group and period (a statutory group: those of its whole in the window). */
  const enheterOf = (cell: string): string[] => {
    const [group, period] = cell.split('|') as [string, string];
    const whole = group.startsWith('statutory:') ? group.slice('statutory:'.length, group.lastIndexOf(':')) : group;
    const wholePeriod = group.startsWith('statutory:') ? 'window' : period;
    return levels.enhet.map(groupOf).filter((member) => (member === whole || ancestors(member).includes(whole)) && (population.get(key(member, wholePeriod)) ?? 0) > 0);
  };

  // Unknowns: every cell with people that is not shown. Empty cells are a known 0, shown cells known values.
  const isUnknown = (cell: string): boolean => (population.get(cell) ?? 0) > 0 && !input.shown.has(cell);
  const findings: AuditFinding[] = [];
  const isSmall = (cell: string): boolean => (population.get(cell) ?? 0) < (minimum.get(cell) ?? input.minGroupSize);

  // Primary: no group with fewer people than its minimum is shown at all.
  for (const cell of input.shown) {
    const employees = population.get(cell) ?? 0;
    if (employees > 0 && isSmall(cell)) findings.push({ kind: 'shown_small', cell, detail: `${employees} employees shown` });
  }

  // Narrowing: the hidden parts of a sum with a known total are known together; together they must be large enough.
  for (const sum of sums) {
    if (isUnknown(sum.total) || (population.get(sum.total) ?? 0) === 0) continue;
    const hiddenCells = sum.parts.filter(isUnknown);
    const hidden = hiddenCells.map((cell) => population.get(cell)!);
    if (hidden.length < 2) continue;
    const together = (values: number[]): number => (sum.time ? Math.max(0, ...values) : values.reduce((a, b) => a + b, 0));
    if (together(hidden) < sum.minimum) {
      findings.push({ kind: 'narrowed', cell: sum.total, detail: `hidden parts [${hidden.join(', ')}] < ${sum.minimum}` });
      continue;
    }
    if (!input.protectAgainstInsiders || !sum.unitSum) continue;
    // A manager who knows one of the hidden parts (her own enhet) learns the rest of them together.
    for (const cell of hiddenCells.filter((part) => insiderOf.has(part))) {
      const rest = hiddenCells.filter((part) => part !== cell).map((part) => population.get(part)!);
      if (together(rest) < sum.minimum) findings.push({ kind: 'narrowed', cell: sum.total, detail: `hidden parts [${hidden.join(', ')}] less ${cell} < ${sum.minimum}` });
    }
  }

  // Equations over the unknowns, split into independent groups.
  const equations = sums
    .map((sum) => {
      const row = new Map<string, bigint>();
      const add = (cell: string, value: bigint): void => {
        if (isUnknown(cell)) row.set(cell, (row.get(cell) ?? 0n) + value);
      };
      add(sum.total, 1n);
      for (const part of sum.parts) add(part, -1n);
      return row;
    })
    .filter((row) => row.size > 0);
  for (const component of components(equations)) {
    for (const cell of determinedUnknowns(component.rows, component.unknowns, [])) {
      if (showable.has(cell) || isSmall(cell)) findings.push({ kind: 'determined', cell, detail: 'worked out from what is shown' });
    }
    if (!input.protectAgainstInsiders) continue;
    const insiders = new Set(component.unknowns.map((cell) => insiderOf.get(cell)).filter((value): value is string => value !== undefined));
    for (const insider of insiders) {
      const known = component.unknowns.filter((cell) => insiderOf.get(cell) === insider);
      for (const cell of determinedUnknowns(component.rows, component.unknowns, known)) {
        // A group she is part of (her verksamhet, its women) is left to the direct tests: learning it gives her the rest
        // of it, which is either a hidden cell of its own (tested here) or several (the narrowing test above).
        if (insiderOf.get(cell) !== insider && isSmall(cell) && !enheterOf(cell).includes(insider)) findings.push({ kind: 'determined_by_insider', cell, detail: `by the manager of ${insider}` });
      }
    }
  }
  return findings;
}

interface Component {
  unknowns: string[];
  rows: Map<string, bigint>[];
}

function components(rows: Map<string, bigint>[]): Component[] {
  const parent = new Map<string, string>();
  const find = (cell: string): string => {
    if (!parent.has(cell)) parent.set(cell, cell);
    let root = cell;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(cell, root);
    return root;
  };
  for (const row of rows) {
    const cells = [...row.keys()];
    for (const cell of cells) parent.set(find(cell), find(cells[0]!));
  }
  const byRoot = new Map<string, Component>();
  for (const cell of parent.keys()) {
    const root = find(cell);
    if (!byRoot.has(root)) byRoot.set(root, { unknowns: [], rows: [] });
    byRoot.get(root)!.unknowns.push(cell);
  }
  for (const row of rows) byRoot.get(find(row.keys().next().value!))!.rows.push(row);
  return [...byRoot.values()];
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Unknowns whose value the rows (plus the `known` unknowns as given values) pin down. */
function determinedUnknowns(rows: Map<string, bigint>[], unknowns: string[], known: string[]): string[] {
  const column = new Map(unknowns.map((cell, index) => [cell, index]));
  const matrix: bigint[][] = rows.map((row) => {
    const dense = new Array<bigint>(unknowns.length).fill(0n);
    for (const [cell, value] of row) dense[column.get(cell)!]! += value;
    return dense;
  });
  for (const cell of known) {
    const dense = new Array<bigint>(unknowns.length).fill(0n);
    dense[column.get(cell)!] = 1n;
    matrix.push(dense);
  }
  const pivots: [number, number][] = [];
  let next = 0;
  for (let col = 0; col < unknowns.length && next < matrix.length; col += 1) {
    const found = matrix.findIndex((row, index) => index >= next && row[col] !== 0n);
    if (found < 0) continue;
    [matrix[next], matrix[found]] = [matrix[found]!, matrix[next]!];
    const pivot = matrix[next]!;
    for (let index = 0; index < matrix.length; index += 1) {
      if (index === next || matrix[index]![col] === 0n) continue;
      const row = matrix[index]!;
      const [a, b] = [pivot[col]!, row[col]!];
      let divisor = 0n;
      for (let k = 0; k < row.length; k += 1) {
        row[k] = a * row[k]! - b * pivot[k]!;
        divisor = gcd(divisor, row[k]!);
      }
      if (divisor > 1n) for (let k = 0; k < row.length; k += 1) row[k]! /= divisor;
    }
    pivots.push([next, col]);
    next += 1;
  }
  const pivotColumns = new Set(pivots.map(([, col]) => col));
  const determined: string[] = [];
  for (const [row, col] of pivots) {
    const free = matrix[row]!.some((value, index) => index !== col && value !== 0n && !pivotColumns.has(index));
    if (!free && !known.includes(unknowns[col]!)) determined.push(unknowns[col]!);
  }
  return determined;
}
