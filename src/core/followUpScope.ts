// Who gets material in a prep run: unit managers (from their units and their cases), their HR specialist, and
// the verksamheter whose management teams get a deck. Filters narrow it to one HR specialist, verksamhet or manager.
import type { UnitFigures } from './absenceFigures.js';
import type { CaseEvaluation } from './caseChecklist.js';

export interface HrAssignment {
  name: string;
  email: string;
  /** Verksamheter covered; empty = all. */
  operations: string[];
}

export interface ManagerScope {
  /** chef_epost, lower-cased. */
  email: string;
  name: string;
  /** enhet ids the manager leads (figures) or has cases in, sorted. */
  unitIds: string[];
  operations: string[];
  hrSpecialist: HrAssignment | null;
}

export interface ScopeFilter {
  /** Only managers in verksamheter this HR specialist covers. */
  hrSpecialist?: HrAssignment;
  /** Only this verksamhet (exact name as in the data). */
  operation?: string;
  /** Only this manager (e-mail, any case). */
  managerEmail?: string;
}

export interface FollowUpScope {
  managers: ManagerScope[];
  /** Verksamheter that get a management-team deck, sorted. */
  operations: string[];
}

const collator = new Intl.Collator('sv');

function covers(hr: HrAssignment, operations: readonly string[]): boolean {
  return hr.operations.length === 0 || operations.some((operation) => hr.operations.includes(operation));
}

export function followUpScope(units: readonly UnitFigures[], cases: readonly CaseEvaluation[], hrSpecialists: readonly HrAssignment[], filter: ScopeFilter = {}): FollowUpScope {
  const managers = new Map<string, { name: string; unitIds: Set<string>; operations: Set<string> }>();
  const add = (email: string | null, name: string | null, unitId: string, operation: string): void => {
    if (!email) return;
    const key = email.toLowerCase();
    const entry = managers.get(key) ?? { name: name ?? '', unitIds: new Set<string>(), operations: new Set<string>() };
    if (!entry.name && name) entry.name = name;
    entry.unitIds.add(unitId);
    entry.operations.add(operation);
    managers.set(key, entry);
  };
  for (const unit of units) if (unit.level === 'enhet') add(unit.managerEmail, unit.managerName, unit.id, unit.operation);
  for (const rehabCase of cases) add(rehabCase.manager, rehabCase.managerName, rehabCase.unitId, rehabCase.operation);

  const wantedManager = filter.managerEmail?.toLowerCase();
  const selected: ManagerScope[] = [];
  for (const [email, entry] of managers) {
    const operations = [...entry.operations].sort(collator.compare);
    if (wantedManager && email !== wantedManager) continue;
    if (filter.operation && !operations.includes(filter.operation)) continue;
    if (filter.hrSpecialist && !covers(filter.hrSpecialist, operations)) continue;
    const hrSpecialist = filter.hrSpecialist ?? hrSpecialists.find((hr) => hr.operations.length > 0 && covers(hr, operations)) ?? hrSpecialists.find((hr) => hr.operations.length === 0) ?? null;
    selected.push({ email, name: entry.name, unitIds: [...entry.unitIds].sort(collator.compare), operations, hrSpecialist });
  }
  selected.sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.email, b.email));

  let operations = [...new Set(selected.flatMap((manager) => manager.operations))];
  if (filter.operation) operations = operations.filter((operation) => operation === filter.operation);
  if (filter.hrSpecialist && filter.hrSpecialist.operations.length > 0) operations = operations.filter((operation) => filter.hrSpecialist!.operations.includes(operation));
  return { managers: selected, operations: operations.sort(collator.compare) };
}
