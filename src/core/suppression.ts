// Which groups material shared with a group (leadership and analysis decks, SPEC §7) must hide.
// Roll-ups are sums of days, so a parent's figure minus its shown children gives the one hidden child's
// figure: hiding small groups (primary suppression) is not enough, a second group must go with it
// (secondary suppression) so that only sums of two or more hidden groups can be worked out.
import type { UnitFigures } from './absenceFigures.js';

/** Key of the förvaltning in the returned set (it is hidden only when its single avdelning is). */
export const ADMINISTRATION_VISIBILITY_KEY = 'administration';

export function visibilityKey(unit: Pick<UnitFigures, 'level' | 'id'>): string {
  return `${unit.level}:${unit.id}`;
}

function parentKey(unit: UnitFigures): string {
  if (unit.level === 'enhet') return `verksamhet:${unit.parent}`;
  if (unit.level === 'verksamhet') return `avdelning:${unit.parent}`;
  return ADMINISTRATION_VISIBILITY_KEY;
}

const collator = new Intl.Collator('sv');

/** Smallest first: fewest employees, then least exposure, then key, so the choice is stable. */
function bySize(a: UnitFigures, b: UnitFigures): number {
  return a.employees - b.employees || a.exposureDays - b.exposureDays || collator.compare(visibilityKey(a), visibilityKey(b));
}

/**
 * Keys (`${level}:${id}`, or 'administration') of the groups to hide in shared material.
 * - Primary: fewer employees than minGroupSize.
 * - A shown parent with exactly one hidden child among two or more: the smallest shown sibling is hidden
 *   too, else parent − shown siblings = the hidden child.
 * - A parent whose only child is hidden is hidden too: its figure is the child's.
 * - A hidden parent whose children are all shown: the smallest child is hidden, else the sum of the
 *   children gives the parent (which may have been hidden to protect one of its own siblings).
 * Repeated until nothing changes; every step only adds, so it ends.
 */
export function sharedVisibility(units: readonly UnitFigures[], minGroupSize: number): Set<string> {
  const hidden = new Set(units.filter((unit) => unit.employees < minGroupSize).map(visibilityKey));
  const unitKeys = new Set(units.map(visibilityKey));
  const childrenOf = new Map<string, UnitFigures[]>();
  for (const unit of units) {
    const key = parentKey(unit);
    // A parent that is not among the units (no employment day in the window) has no figure to protect.
    if (key !== ADMINISTRATION_VISIBILITY_KEY && !unitKeys.has(key)) continue;
    const children = childrenOf.get(key);
    if (children) children.push(unit);
    else childrenOf.set(key, [unit]);
  }
  const parents = [...childrenOf.keys()].sort(collator.compare);
  let changed = true;
  while (changed) {
    changed = false;
    const hide = (key: string): void => {
      if (hidden.has(key)) return;
      hidden.add(key);
      changed = true;
    };
    for (const parent of parents) {
      const children = childrenOf.get(parent)!;
      const shownChildren = children.filter((child) => !hidden.has(visibilityKey(child))).sort(bySize);
      const hiddenCount = children.length - shownChildren.length;
      if (!hidden.has(parent)) {
        if (children.length === 1 && hiddenCount === 1) hide(parent);
        else if (hiddenCount === 1) hide(visibilityKey(shownChildren[0]!));
      } else if (hiddenCount === 0) {
        hide(visibilityKey(shownChildren[0]!));
      }
    }
  }
  return hidden;
}
