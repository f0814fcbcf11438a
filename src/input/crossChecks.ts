// Checks across rows and files: periods that end before they start, overlaps, unknown employments, duplicate case ids.
// They work on the records themselves through accessors, so a file of millions of rows is not copied.
import type { IsoDate } from '../core/calendarDate.js';
import type { InputProblem } from '../errors.js';
import { containsPersonalNumber } from './cells.js';

/** How to see a record as a period: its key (the id) and its first and last day (null = open-ended). */
export interface PeriodAccess<R> {
  key: (row: R) => string;
  from: (row: R) => IsoDate;
  to: (row: R) => IsoDate | null;
}

interface Lined {
  line: number;
}

/** An id is shown after a problem unless it holds a personnummer (SPEC §7: never in a message). */
const shownId = (id: string): { value?: string } => (containsPersonalNumber(id) ? {} : { value: id });

/** `to` before `from` on one row. */
export function endBeforeStart<R extends Lined>(file: string, rows: readonly R[], access: PeriodAccess<R>, fromField: string, toField: string): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const row of rows) {
    const to = access.to(row);
    if (to !== null && to < access.from(row)) problems.push({ file, line: row.line, field: toField, message: `ligger före ${fromField} ${access.from(row)}`, value: to });
  }
  return problems;
}

/**
 * Periods of the same key that share a day. Each row is compared with the row reaching furthest among
 * those that start before it, so every overlapping row is reported once, at the later-starting row.
 * Rows that end before they start are left out (they are reported by endBeforeStart).
 */
export function overlappingPeriods<R extends Lined>(file: string, rows: readonly R[], access: PeriodAccess<R>, fromField: string, keyField: string): InputProblem[] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const to = access.to(row);
    if (to !== null && to < access.from(row)) continue;
    const key = access.key(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const problems: InputProblem[] = [];
  for (const list of byKey.values()) {
    if (list.length === 1) continue;
    list.sort((a, b) => {
      const fromA = access.from(a);
      const fromB = access.from(b);
      return fromA < fromB ? -1 : fromA > fromB ? 1 : a.line - b.line;
    });
    let reach: R | null = null;
    for (const row of list) {
      const reachTo = reach === null ? null : access.to(reach);
      if (reach !== null && (reachTo === null || reachTo >= access.from(row))) {
        problems.push({ file, line: row.line, field: fromField, message: `överlappar rad ${reach.line} med samma ${keyField}`, value: access.from(row) });
      }
      const to = access.to(row);
      if (reach === null || (reachTo !== null && (to === null || to > reachTo))) reach = row;
    }
  }
  return problems;
}

/** Rows that refer to an anstallnings_id that anstallda.csv does not have. */
export function unknownEmployments(file: string, rows: readonly { employmentId: string; line: number }[], knownIds: { has(id: string): boolean }): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const row of rows) {
    if (!knownIds.has(row.employmentId)) problems.push({ file, line: row.line, field: 'anstallnings_id', message: 'finns inte i anstallda.csv', ...shownId(row.employmentId) });
  }
  return problems;
}

/** An id that occurs on more than one row: reported on every row after the first. */
export function duplicateIds<R extends Lined>(file: string, rows: readonly R[], id: (row: R) => string, field: string): InputProblem[] {
  const firstLine = new Map<string, number>();
  const problems: InputProblem[] = [];
  for (const row of rows) {
    const value = id(row);
    const first = firstLine.get(value);
    if (first === undefined) firstLine.set(value, row.line);
    else problems.push({ file, line: row.line, field, message: `finns redan på rad ${first}`, ...shownId(value) });
  }
  return problems;
}
