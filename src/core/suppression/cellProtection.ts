// Disclosure control over a plain model of cells and sums (SPEC §7): which cells shared material must hide.
// A cell is one figure's group in one period (a unit in the window, in the previous period, in a trend month; a
// statutory group). A sum says total = Σ parts in sick days and exposure alike, so what is shown of a sum pins down
// what is hidden unless enough is hidden with it.
import { isDetermined, pinnedWithKnown, reducedEchelon, type SparseRow } from './rowEchelon.js';

export interface ProtectionCell {
  key: string;
  /** Employees of the group in the cell's period; 0 = an empty cell, known to be 0, never hidden. */
  population: number;
  /** Primary suppression: a published cell with 0 < population < minimum is hidden. */
  minimum: number;
  /** False for a figure no shared material shows (an avdelning, employees without kön): always unknown. */
  published: boolean;
  /** What hiding the cell costs (see sharedDisclosure for the scale); ties go by key. */
  cost: number;
  /** The enhet whose manager knows this cell (skyddMotInsyn): she sits in the management team. */
  insider?: string;
  /**
   * The enheter with people in this group and period. Their managers are not tested against it: what a group she
   * is part of gives away is a hidden unit of its own (tested directly) or several together (the sum rules).
   */
  members?: readonly string[];
  /** Shown only with these cells (the change column needs the window as well as the previous period). */
  requires?: readonly string[];
}

/**
 * units: a parent and its children; statutory: women + men + unknown, the age groups + unknown; time: a period
 * and its months. Parts of a units or statutory sum are different people; months of a time sum are largely the
 * same people, so hidden months together count as their largest month, not as the sum.
 */
export type SumKind = 'units' | 'statutory' | 'time';

export interface ProtectionSum {
  total: string;
  parts: readonly string[];
  kind: SumKind;
  /** The size the hidden cells of the sum must reach together. */
  minimum: number;
  /** Follows from the other sums (förvaltning = Σ enheter): the rules check it, the exact test needs no extra equation. */
  implied?: boolean;
}

export interface ProtectionModel {
  cells: readonly ProtectionCell[];
  sums: readonly ProtectionSum[];
}

export interface ProtectionOptions {
  /** skyddMotInsyn: the hidden parts of a units sum, less the one a manager knows, must still reach the minimum. */
  protectAgainstInsiders: boolean;
}

/**
 * small_group: primary (the group itself is too small); protects_small_group: secondary (hidden so that a small
 * group cannot be worked out); follows_hidden_cell: not shown because a cell it needs is hidden.
 */
export type HiddenReason = 'small_group' | 'protects_small_group' | 'follows_hidden_cell';

/** Published cells to hide, with the reason. Unpublished cells are never listed (nothing shows them anyway). */
export type ProtectionResult = Map<string, HiddenReason>;

interface State {
  cells: Map<string, ProtectionCell>;
  sums: ProtectionSum[];
  /** Hidden published cells (with reason) and every unpublished cell (reason null). */
  hidden: Map<string, HiddenReason | null>;
  /** Groups of hidden cells the exact test found safe; a group that does not change need not be solved again. */
  safeComponents: Set<string>;
  sumsOf: Map<string, ProtectionSum[]>;
  dependents: Map<string, string[]>;
  /** ProtectionCell.members as sets, made when first needed. */
  memberSets: Map<string, Set<string>>;
}

const collator = new Intl.Collator('sv');

export function protectCells(model: ProtectionModel, options: ProtectionOptions): ProtectionResult {
  const state = initialState(model);
  // Every step hides one more published cell, so the loop ends (at worst with everything hidden).
  for (;;) {
    if (fixSumRules(state, options)) continue;
    if (fixDetermined(state, options)) continue;
    break;
  }
  const result: ProtectionResult = new Map();
  for (const [key, reason] of [...state.hidden].sort(([a], [b]) => collator.compare(a, b))) if (reason !== null) result.set(key, reason);
  return result;
}

function initialState(model: ProtectionModel): State {
  const cells = new Map(model.cells.map((cell) => [cell.key, cell]));
  // Empty cells are a known 0: they drop out of every sum. A sum needs its total and at least one part.
  const present = (key: string): boolean => (cells.get(key)?.population ?? 0) > 0;
  const sums = model.sums
    .map((sum) => ({ ...sum, parts: sum.parts.filter(present) }))
    .filter((sum) => present(sum.total) && sum.parts.length > 0);
  const sumsOf = new Map<string, ProtectionSum[]>();
  for (const sum of sums) {
    for (const key of [sum.total, ...sum.parts]) {
      const list = sumsOf.get(key);
      if (list) list.push(sum);
      else sumsOf.set(key, [sum]);
    }
  }
  const dependents = new Map<string, string[]>();
  for (const cell of model.cells) {
    for (const required of cell.requires ?? []) {
      const list = dependents.get(required);
      if (list) list.push(cell.key);
      else dependents.set(required, [cell.key]);
    }
  }
  const state: State = { cells, sums, hidden: new Map(), sumsOf, dependents, safeComponents: new Set(), memberSets: new Map() };
  for (const cell of model.cells) {
    if (cell.population <= 0) continue;
    if (!cell.published) state.hidden.set(cell.key, null);
    else if (cell.population < cell.minimum) hide(state, cell.key, 'small_group');
  }
  return state;
}

function hide(state: State, key: string, reason: HiddenReason): void {
  if (state.hidden.has(key)) return;
  state.hidden.set(key, reason);
  for (const dependent of state.dependents.get(key) ?? []) {
    if ((state.cells.get(dependent)?.population ?? 0) > 0) hide(state, dependent, 'follows_hidden_cell');
  }
}

/** An unpublished cell large enough to be known does not need protecting and protects nothing it is alone with. */
function needsProtection(state: State, key: string): boolean {
  const cell = state.cells.get(key)!;
  return cell.published || cell.population < cell.minimum;
}

/** The combined size of hidden parts: different people add up; months of one group count as the largest. */
function combinedPopulation(sum: ProtectionSum, populations: number[]): number {
  if (populations.length === 0) return 0;
  return sum.kind === 'time' ? Math.max(...populations) : populations.reduce((total, value) => total + value, 0);
}

/** Whether the sum breaks a rule with these cells hidden (SPEC §7). */
function violates(state: State, sum: ProtectionSum, hidden: (key: string) => boolean, options: ProtectionOptions): boolean {
  const members = [sum.total, ...sum.parts];
  const hiddenMembers = members.filter(hidden);
  if (hiddenMembers.length === 0) return false;
  if (hiddenMembers.length === 1) return needsProtection(state, hiddenMembers[0]!);
  // A hidden total: the sum only tells total − hidden parts = shown parts, which are shown anyway.
  if (hidden(sum.total)) return false;
  const populations = hiddenMembers.map((key) => state.cells.get(key)!.population);
  if (combinedPopulation(sum, populations) < sum.minimum) return true;
  if (!options.protectAgainstInsiders || sum.kind !== 'units') return false;
  // A manager knows one part, her own unit: the other hidden parts must still reach the minimum without it.
  // (Parts no single manager knows, such as a verksamhet, are left to the exact test below.)
  const known = hiddenMembers.filter((key) => state.cells.get(key)!.insider !== undefined).map((key) => state.cells.get(key)!.population);
  if (known.length === 0) return false;
  return combinedPopulation(sum, populations) - Math.max(...known) < sum.minimum;
}

/** Hiding a cell also costs the cheapest partner in each sum where it would be the only hidden cell. */
function costWithConsequences(state: State, key: string): number {
  let cost = state.cells.get(key)!.cost;
  for (const sum of state.sumsOf.get(key) ?? []) {
    const members = [sum.total, ...sum.parts];
    if (members.some((member) => member !== key && state.hidden.has(member))) continue;
    const partners = members.filter((member) => member !== key).map((member) => state.cells.get(member)!.cost);
    if (partners.length > 0) cost += Math.min(...partners);
  }
  return cost;
}

/** Shown published cells of these sums, cheapest first (the parent is a candidate like any part). */
function candidates(state: State, sums: readonly ProtectionSum[]): { key: string; cost: number }[] {
  const keys = new Set<string>();
  for (const sum of sums) for (const key of [sum.total, ...sum.parts]) if (!state.hidden.has(key) && state.cells.get(key)!.published) keys.add(key);
  const scored = [...keys].map((key) => ({ key, cost: costWithConsequences(state, key) }));
  scored.sort((a, b) => a.cost - b.cost || collator.compare(a.key, b.key));
  return scored;
}

/** Passes over the sums until none breaks a rule; each pass hides one partner for each sum that does. */
function fixSumRules(state: State, options: ProtectionOptions): boolean {
  let changed = false;
  for (let pass = true; pass; ) {
    pass = false;
    for (const sum of state.sums) {
      if (fixSum(state, sum, options)) pass = changed = true;
    }
  }
  return changed;
}

function fixSum(state: State, sum: ProtectionSum, options: ProtectionOptions): boolean {
  const isHidden = (key: string): boolean => state.hidden.has(key);
  if (!violates(state, sum, isHidden, options)) return false;
  const choices = candidates(state, [sum]);
  if (choices.length === 0) return false;
  // The cheapest partner, unless one that settles the sum at once costs no more than the two cheapest together
  // (when the cheapest does not settle it, the next pass adds at least one more).
  const settles = (key: string): boolean => !violates(state, sum, (member) => member === key || isHidden(member), options);
  const settling = choices.find((choice) => settles(choice.key));
  const cheapest = choices[0]!;
  const pairCost = cheapest.cost + (choices[1]?.cost ?? Infinity);
  const choice = settles(cheapest.key) || !settling || settling.cost > pairCost ? cheapest : settling;
  hide(state, choice.key, 'protects_small_group');
  return true;
}

/**
 * The exact test behind the sum rules: solves the sums for the hidden cells. An outsider must pin down no hidden
 * cell; with skyddMotInsyn, a manager who knows her own unit's cells must pin down no small group of another unit.
 * Hides one more cell next to the first cell that can be worked out.
 */
function fixDetermined(state: State, options: ProtectionOptions): boolean {
  let changed = false;
  for (const component of hiddenComponents(state)) {
    const signature = component.unknowns.join('\u0000');
    if (state.safeComponents.has(signature)) continue;
    // Only hidden figures and small groups need protecting: a group of large unknowns alone (an enhet's months that
    // no deck shows) has nothing to give away.
    if (!component.unknowns.some((key) => needsProtection(state, key))) {
      state.safeComponents.add(signature);
      continue;
    }
    const problem = componentProblem(state, component, options);
    if (problem === null) state.safeComponents.add(signature);
    else if (protectNext(state, problem)) changed = true;
  }
  return changed;
}

/** The first cell of the group that can be worked out (by an outsider, or by a manager from her own unit), or null. */
function componentProblem(state: State, component: Component, options: ProtectionOptions): string | null {
  const index = new Map(component.unknowns.map((key, position) => [key, position]));
  const rows: SparseRow[] = component.sums.map((sum) => {
    const row = new Map<number, number>();
    if (index.has(sum.total)) row.set(index.get(sum.total)!, 1);
    for (const part of sum.parts) if (index.has(part)) row.set(index.get(part)!, (row.get(index.get(part)!) ?? 0) - 1);
    return row;
  });
  const echelon = reducedEchelon(rows, component.unknowns.length);
  const determined = component.unknowns.find((key, position) => needsProtection(state, key) && isDetermined(echelon, position));
  if (determined !== undefined) return determined;
  if (!options.protectAgainstInsiders) return null;
  const byInsider = new Map<string, number[]>();
  const small: number[] = [];
  component.unknowns.forEach((key, position) => {
    const cell = state.cells.get(key)!;
    if (cell.population < cell.minimum) small.push(position);
    if (cell.insider === undefined) return;
    const list = byInsider.get(cell.insider);
    if (list) list.push(position);
    else byInsider.set(cell.insider, [position]);
  });
  for (const [insider, known] of [...byInsider].sort(([a], [b]) => collator.compare(a, b))) {
    // Her own groups, and groups she is part of, are not tested against her (see ProtectionCell.members).
    const others = small.filter((position) => {
      const cell = state.cells.get(component.unknowns[position]!)!;
      return cell.insider !== insider && !memberSet(state, cell).has(insider);
    });
    const exposed = pinnedWithKnown(echelon, known, others)[0];
    if (exposed !== undefined) return component.unknowns[exposed]!;
  }
  return null;
}

function memberSet(state: State, cell: ProtectionCell): ReadonlySet<string> {
  let members = state.memberSets.get(cell.key);
  if (!members) {
    members = new Set(cell.members ?? []);
    state.memberSets.set(cell.key, members);
  }
  return members;
}

/** Hides the cheapest shown cell in a sum with the cell; else one sum further out through hidden cells, and so on. */
function protectNext(state: State, key: string): boolean {
  const seen = new Set([key]);
  let layer = [key];
  while (layer.length > 0) {
    const sums = layer.flatMap((member) => state.sumsOf.get(member) ?? []);
    const choice = candidates(state, sums)[0];
    if (choice !== undefined) {
      hide(state, choice.key, 'protects_small_group');
      return true;
    }
    const next = new Set<string>();
    for (const sum of sums) for (const member of [sum.total, ...sum.parts]) if (!seen.has(member) && state.hidden.has(member)) next.add(member);
    for (const member of next) seen.add(member);
    layer = [...next];
  }
  return false;
}

interface Component {
  unknowns: string[];
  sums: ProtectionSum[];
}

/** Hidden cells linked by sums, each group with the sums that involve it (shown cells are constants and cut links). */
function hiddenComponents(state: State): Component[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const key of state.hidden.keys()) if (state.sumsOf.get(key)?.some((sum) => !sum.implied)) parent.set(key, key);
  const involved = state.sums.filter((sum) => !sum.implied && [sum.total, ...sum.parts].some((key) => parent.has(key)));
  for (const sum of involved) {
    const members = [sum.total, ...sum.parts].filter((key) => parent.has(key));
    for (const member of members.slice(1)) parent.set(find(member), find(members[0]!));
  }
  const components = new Map<string, Component>();
  for (const key of [...parent.keys()].sort(collator.compare)) {
    const root = find(key);
    const component = components.get(root) ?? { unknowns: [], sums: [] };
    component.unknowns.push(key);
    components.set(root, component);
  }
  for (const sum of involved) {
    const member = [sum.total, ...sum.parts].find((key) => parent.has(key))!;
    components.get(find(member))!.sums.push(sum);
  }
  return [...components.values()];
}
